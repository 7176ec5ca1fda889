package io.connectorkit.runner;

/**
 * The partitions under which the runner keeps a job's checkpoints: a plain emitter's job under {@link #SINGLE}, a
 * partition mapper's job its {@link io.connectorkit.runtime.SplitPlan} under {@link #PLAN} and each split's
 * checkpoints under the split's id.
 */
final class JobPartitions {

    /** The partition of a plain emitter's job: its one input. */
    static final String SINGLE = "0";

    /**
     * The partition holding a partitioned job's split plan, saved as {@code {"$checkpoint": plan.toJson()}}; each save
     * (the plan made, a split finished) is a new generation. No split may have this id.
     */
    static final String PLAN = "_plan";

    private JobPartitions() {
    }
}
