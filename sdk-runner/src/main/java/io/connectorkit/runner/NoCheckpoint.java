package io.connectorkit.runner;

import io.connectorkit.store.CheckpointStore;
import java.io.PrintStream;

/**
 * What {@code run} does when its job has no checkpoint, before reading anything: a job whose checkpoints were saved
 * and are gone (deleted by hand: the store still has their trace, {@link CheckpointStore#savedBefore}) is never
 * started over silently. It is refused when the output already holds records, which starting over would append
 * again, unless {@code --start-over} is given; otherwise it starts over with a WARNING line. A job that never saved a
 * checkpoint starts from its first record, with a warning when the output already holds records (a run that crashed
 * before its first checkpoint, or a new job writing to an old file).
 */
final class NoCheckpoint {

    private NoCheckpoint() {
    }

    /**
     * @param partition the partition that holds the job's state: {@link JobPartitions#SINGLE}, or a partitioned
     *     job's {@link JobPartitions#PLAN}
     * @param recordsAlreadyOut what the output already holds ("the output x already holds 120 bytes"), or
     *     {@code null} when it holds nothing or cannot tell (standard output)
     * @throws RunnerException ({@link ExitCodes#STORE_FAILED}) when the job lost its checkpoints, the output holds
     *     records, and {@code --start-over} was not given
     */
    static void check(JobSettings settings, CheckpointStore store, String partition, String recordsAlreadyOut,
            PrintStream log) {
        String job = settings.job();
        if (store.savedBefore(job, partition)) {
            String lost = "job '" + job + "' saved checkpoints in " + store + " before, but none is left (deleted by "
                    + "hand?)";
            if (recordsAlreadyOut != null && !settings.startOver()) {
                throw new RunnerException(ExitCodes.STORE_FAILED, lost + ", and " + recordsAlreadyOut + ": starting "
                        + "over would read every record again and append them after those. Restore the checkpoints "
                        + "from a backup and run again; or give --start-over to start from the first record anyway "
                        + "(the output keeps what it holds); or give another output. Nothing was read.");
            }
            log.println("connectorkit: WARNING: " + lost + ": it starts over from its first record"
                    + (settings.startOver() ? " (--start-over)" : "; if its checkpoints were deleted by mistake, stop "
                    + "it and restore them"));
        } else if (recordsAlreadyOut != null) {
            log.println("connectorkit: warning: job '" + job + "' has no checkpoint in " + store + ", but "
                    + recordsAlreadyOut + ": the job starts from its first record and appends after them (a run that "
                    + "crashed before its first checkpoint, or a new job on an old output?)");
        }
    }
}
