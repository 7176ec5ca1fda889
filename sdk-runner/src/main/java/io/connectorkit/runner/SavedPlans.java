package io.connectorkit.runner;

import io.connectorkit.runtime.SplitPlan;
import io.connectorkit.store.CheckpointEnvelope;
import io.connectorkit.store.CheckpointStore;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Optional;

/**
 * A partitioned job's {@link SplitPlan} as the runner keeps it: {@code {"$checkpoint": plan.toJson()}} in the job's
 * {@link JobPartitions#PLAN} partition, one generation per change (the plan made, a split finished), saved under the
 * plan's component id. Reading fails loudly on a plan that cannot be read: a job whose plan is lost must not be split
 * again silently. Stateless.
 */
final class SavedPlans {

    private static final String CHECKPOINT = "$checkpoint";

    /** A plan and the envelope it was read from (its generation, time, audit). */
    record Saved(CheckpointEnvelope envelope, SplitPlan plan) {
    }

    private SavedPlans() {
    }

    /**
     * The job's latest plan, or empty when the job has none (a plain emitter's job, or a job never run).
     *
     * @throws RunnerException ({@link ExitCodes#STORE_FAILED}) when the latest plan cannot be read, naming the job,
     *     the generation and what is wrong
     * @throws io.connectorkit.store.CheckpointStoreException when the store cannot be read
     */
    static Optional<SplitPlan> load(CheckpointStore store, String job) {
        return loadSaved(store, job).map(Saved::plan);
    }

    /** {@link #load}, with the envelope the plan was read from. */
    static Optional<Saved> loadSaved(CheckpointStore store, String job) {
        return store.loadLatest(job, JobPartitions.PLAN).map(envelope -> new Saved(envelope, read(envelope, store)));
    }

    /**
     * The plan {@code envelope} holds.
     *
     * @param store where it was read, for the message
     * @throws RunnerException ({@link ExitCodes#STORE_FAILED}) naming the job, generation and what is wrong
     */
    static SplitPlan read(CheckpointEnvelope envelope, CheckpointStore store) {
        JsonValue json = envelope.checkpoint().get(CHECKPOINT);
        try {
            if (!(json instanceof JsonObject object)) {
                throw new IllegalArgumentException("expected {\"" + CHECKPOINT + "\": {...}}, got "
                        + envelope.checkpoint());
            }
            return SplitPlan.fromJson(object);
        } catch (RuntimeException e) {
            throw new RunnerException(ExitCodes.STORE_FAILED, "job '" + envelope.job() + "': the split plan saved as "
                    + "generation " + envelope.generation() + " of partition " + JobPartitions.PLAN + " in " + store
                    + " cannot be read: " + e.getMessage() + ". Rewind the plan to a readable generation "
                    + "(checkpoint history --job " + envelope.job() + " --plan), or delete the job's checkpoints "
                    + "(checkpoint delete --job " + envelope.job() + " --yes) to start it over", e);
        }
    }

    /**
     * Saves {@code plan} as the job's next plan generation, under the plan's component id.
     *
     * @return the envelope saved
     * @throws io.connectorkit.store.CheckpointStoreException when it could not be saved, or the job is locked by
     *     another writer
     */
    static CheckpointEnvelope save(CheckpointStore store, String job, SplitPlan plan) {
        return store.save(job, JobPartitions.PLAN, plan.componentId(), checkpoint(plan));
    }

    /** {@code {"$checkpoint": plan.toJson()}}: what is saved for {@code plan}. */
    static JsonObject checkpoint(SplitPlan plan) {
        return Json.createObjectBuilder().add(CHECKPOINT, plan.toJson()).build();
    }
}
