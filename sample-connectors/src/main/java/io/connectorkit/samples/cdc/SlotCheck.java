package io.connectorkit.samples.cdc;

import org.postgresql.replication.LogSequenceNumber;

/**
 * Where a stream may start, from the slot as {@code pg_replication_slots} shows it and the job's checkpoint: never
 * silently from somewhere else. A checkpoint with a slot that is gone, or that has confirmed a position past the
 * checkpoint, is an error saying what was lost and how to start over.
 */
final class SlotCheck {

    /**
     * One row of {@code pg_replication_slots}.
     *
     * @param confirmedFlush the position the server was told is safe, {@code null} when never set
     */
    record Slot(String name, String plugin, String database, LogSequenceNumber confirmedFlush) {
    }

    private SlotCheck() {
    }

    /**
     * The position to stream from: the checkpoint's, or the slot's confirmed one on a first run.
     *
     * @param slot the slot, {@code null} when it does not exist (a first run then creates it before asking)
     * @param checkpoint the checkpoint's position, {@code null} on a first run
     * @param database the database the input is connected to
     * @throws IllegalStateException when the slot is gone, of another plugin or database, or past the checkpoint
     */
    static LogSequenceNumber startFrom(Slot slot, LogSequenceNumber checkpoint, String slotName, String database) {
        if (slot == null) {
            throw new IllegalStateException("the replication slot '" + slotName + "' does not exist, but the job's "
                    + "checkpoint is at " + checkpoint.asString() + ": the changes committed since then were kept by "
                    + "that slot only, and are lost if it was dropped. Nothing is read from the current position "
                    + "instead. To start over from now (without the changes in between), delete the job's checkpoint "
                    + "(ck checkpoint delete --job ID --yes): the next run creates the slot again");
        }
        if (!"pgoutput".equals(slot.plugin())) {
            throw new IllegalStateException("the replication slot '" + slotName + "' uses the plugin '" + slot.plugin()
                    + "'; this input reads pgoutput: give another slot, or drop this one if nothing else reads it");
        }
        if (!database.equals(slot.database())) {
            throw new IllegalStateException("the replication slot '" + slotName + "' belongs to the database '"
                    + slot.database() + "', not '" + database + "' that configuration.url names");
        }
        if (checkpoint == null) {
            return slot.confirmedFlush();
        }
        if (slot.confirmedFlush() != null && slot.confirmedFlush().compareTo(checkpoint) > 0) {
            throw new IllegalStateException("the replication slot '" + slotName + "' has confirmed position "
                    + slot.confirmedFlush().asString() + ", past the job's checkpoint at " + checkpoint.asString()
                    + ": the server no longer keeps the changes in between (the checkpoint is older than the last one "
                    + "acknowledged, say restored from a backup or rewound, or another reader uses the slot). Nothing "
                    + "is read from the slot's position instead. Resume from a checkpoint at or after "
                    + slot.confirmedFlush().asString() + ", or start over: delete the job's checkpoint (ck checkpoint "
                    + "delete --job ID --yes) and the slot (SELECT pg_drop_replication_slot('" + slotName + "'))");
        }
        return checkpoint;
    }
}
