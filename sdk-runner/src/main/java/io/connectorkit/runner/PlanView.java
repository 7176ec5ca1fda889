package io.connectorkit.runner;

import io.connectorkit.runtime.SplitPlan;
import io.connectorkit.store.CheckpointEnvelope;
import io.connectorkit.store.CheckpointStore;
import io.connectorkit.store.CheckpointStoreException;
import java.io.PrintStream;
import java.util.Optional;

/**
 * A partitioned job's split plan as {@code checkpoint list} and {@code checkpoint show} print it: one summary line,
 * and a table of its splits with their status and latest checkpoint. Stateless.
 */
final class PlanView {

    private PlanView() {
    }

    /**
     * {@code split plan #3  2026-...Z  file/folder-input  3 splits: 1 pending, 2 finished, complete}: what
     * {@code list} prints after the job id.
     */
    static String summary(SavedPlans.Saved saved) {
        CheckpointEnvelope envelope = saved.envelope();
        return "split plan #" + envelope.generation() + "  " + envelope.createdAt() + "  " + envelope.componentId()
                + "  " + counts(saved.plan());
    }

    /** "3 splits: 1 pending, 2 finished, complete". */
    static String counts(SplitPlan plan) {
        int total = plan.entries().size();
        int pending = plan.pending().size();
        return total + (total == 1 ? " split: " : " splits: ") + pending + " pending, " + (total - pending)
                + " finished, " + (plan.complete() ? "complete" : "incomplete (more splits may be added)");
    }

    /**
     * The plan and each split's status and latest checkpoint ("no checkpoint yet" for a pending split that has none,
     * "pruned" for a finished one), with how to see more.
     */
    static void print(CheckpointStore store, String job, SavedPlans.Saved saved, PrintStream out) {
        CheckpointEnvelope envelope = saved.envelope();
        out.println("job '" + job + "': " + summary(saved) + (envelope.audit() == null ? ""
                : "  (" + envelope.audit().action() + " by " + envelope.audit().by() + " at "
                        + envelope.audit().at() + ")"));
        TextTable table = new TextTable("split", "status", "latest checkpoint");
        for (SplitPlan.Entry entry : saved.plan().entries()) {
            String id = entry.split().id();
            table.row(id, entry.status().name(), latest(store, job, entry));
        }
        table.print(out);
        out.println("a split's checkpoint: checkpoint show --job " + job + " --split ID; the plan's envelope: "
                + "checkpoint show --job " + job + " --plan");
    }

    private static String latest(CheckpointStore store, String job, SplitPlan.Entry entry) {
        Optional<CheckpointEnvelope> latest;
        try {
            latest = store.loadLatest(job, entry.split().id());
        } catch (CheckpointStoreException e) {
            // One unreadable split must not hide the others.
            return "cannot be read: " + e.getMessage();
        }
        if (latest.isPresent()) {
            return "#" + latest.get().generation() + "  " + latest.get().createdAt();
        }
        // Pruned splits keep their final checkpoint in the plan; a next pass reads on from it.
        String end = entry.lastCheckpoint() == null ? "" : ", ended at " + entry.lastCheckpoint().toJson();
        return (entry.status() == SplitPlan.Status.FINISHED ? "pruned" : "no checkpoint yet") + end;
    }
}
