package io.connectorkit.runner;

import io.connectorkit.runtime.CheckpointState;
import io.connectorkit.runtime.SplitPlan;
import io.connectorkit.store.CheckpointStore;

/**
 * The split plan of a running partitioned job, shared by its split readers: marks a split finished once its final
 * checkpoint is durable, saving the plan again (one generation per finished split), so that a resume skips it.
 * With checkpointing off nothing is saved. Thread-safe: one change and save at a time.
 */
final class PlanKeeper {

    private final CheckpointStore store;
    private final String job;
    private final boolean save;
    private SplitPlan plan;

    PlanKeeper(CheckpointStore store, String job, SplitPlan plan, boolean save) {
        this.store = store;
        this.job = job;
        this.plan = plan;
        this.save = save;
    }

    /** Marks split {@code id} finished at {@code lastCheckpoint} (kept in the plan), and saves the plan. */
    synchronized void finished(String id, CheckpointState lastCheckpoint) {
        SplitPlan updated = plan.markFinished(id, lastCheckpoint);
        if (save) {
            SavedPlans.save(store, job, updated);
        }
        plan = updated;
    }

    synchronized SplitPlan plan() {
        return plan;
    }
}
