package io.connectorkit.runtime;

import io.connectorkit.api.spi.ComponentModel;
import io.connectorkit.api.spi.LifecycleCall;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Drives one emitter instance (or a partition mapper's worker) through its generated model.
 *
 * <p>The record path is the producer call and a counter check. In callback mode a due checkpoint is taken and
 * delivered at the start of the next {@code next()} (or at {@code stop()}): by then the host has received the record
 * that made it due, the emitter's state still describes exactly that record, and a failing checkpoint method cannot
 * swallow a record already returned.
 */
final class EmitterInput implements Input {

    private enum Phase { NEW, STARTED, FAILED, STOPPED }

    private final ComponentModel model;
    private final Object emitter;
    private final Function<Object, Object> producer;
    private final CheckpointCapture capture;
    private final CheckpointPolicy policy;
    private final Predicate<Object> safePoint;
    private final ComponentFailures failures;
    private final String howToEnable;
    private final CheckpointCommits commits;

    private Phase phase = Phase.NEW;
    private Consumer<CheckpointState> callback;
    private boolean due;
    private CheckpointState lastDelivered;
    /** The last checkpoint handed out in either mode, so that an idle call can tell whether the state moved. */
    private CheckpointState lastHandedOut;
    /** Explicit mode: an idle call found the emitter at a safe point with a state not handed out yet. */
    private boolean idleStateChanged;

    /**
     * @param capture takes checkpoints, or {@code null} when checkpointing is off or the emitter has none
     * @param policy the checkpoint interval, or {@code null} with a null capture
     * @param commits tracks checkpoints for {@code @CheckpointCommitted}, or {@code null} when the emitter has none
     *     (or checkpointing is off)
     * @param failures names and scrubs what the connector throws; shared with {@code capture}
     * @param howToEnable how the host turns checkpointing on, for the error of {@link #getCheckpoint()} when it is off
     */
    EmitterInput(ComponentModel model, Object emitter, CheckpointCapture capture, CheckpointPolicy policy,
            CheckpointCommits commits, ComponentFailures failures, String howToEnable) {
        this.model = model;
        this.emitter = emitter;
        this.producer = model.producer();
        this.capture = capture;
        this.policy = policy;
        this.safePoint = model.checkpointAvailable();
        this.failures = failures;
        this.howToEnable = howToEnable;
        this.commits = commits;
    }

    @Override
    public void start() {
        if (phase != Phase.NEW) {
            throw new IllegalStateException(model.id() + ": start() was already called");
        }
        phase = Phase.STARTED;
        for (LifecycleCall postConstruct : model.postConstruct()) {
            try {
                postConstruct.call().accept(emitter);
            } catch (RuntimeException e) {
                phase = Phase.FAILED;
                throw failures.failure("@PostConstruct " + postConstruct.method() + "()", e);
            }
        }
    }

    @Override
    public void start(Consumer<CheckpointState> checkpointCallback) {
        this.callback = Objects.requireNonNull(checkpointCallback, "checkpointCallback");
        start();
    }

    @Override
    public Object next() {
        if (phase != Phase.STARTED) {
            throw new IllegalStateException(model.id() + ": next() needs a started input, this one is " + phase);
        }
        if (due) {
            deliverIfSafe();
        }
        Object record;
        try {
            record = producer.apply(emitter);
        } catch (RuntimeException e) {
            phase = Phase.FAILED;
            throw failures.failure("@Producer " + model.producerMethod() + "()", e);
        }
        if (record != null) {
            idleStateChanged = false;
            if (capture != null && policy.recordProduced() && callback != null) {
                due = true;
            }
        } else if (model.infinite() && capture != null) {
            if (callback != null) {
                deliverWhileIdle();
            } else {
                idleStateChanged = isSafePoint() && !capture.take(emitter).equals(lastHandedOut);
            }
        }
        return record;
    }

    /**
     * An infinite input has nothing now: every record it returned is with the host, so its state, when at a safe
     * point and changed since the last checkpoint delivered (a position moved over an empty stretch), is delivered.
     */
    private void deliverWhileIdle() {
        if (!isSafePoint()) {
            return;
        }
        CheckpointState state = capture.take(emitter);
        if (state.equals(lastDelivered)) {
            due = false;
            return;
        }
        policy.checkpointTaken();
        handedOut(state);
        deliver(state);
    }

    @Override
    public boolean infinite() {
        return model.infinite();
    }

    @Override
    public long backlog() {
        Function<Object, Object> call = model.backlog();
        if (call == null || phase != Phase.STARTED) {
            return -1;
        }
        try {
            return (Long) call.apply(emitter);
        } catch (RuntimeException e) {
            phase = Phase.FAILED;
            throw failures.failure("@Backlog " + model.backlogMethod() + "()", e);
        }
    }

    @Override
    public String backlogUnit() {
        return model.backlogUnit();
    }

    @Override
    public boolean isCheckpointReady() {
        return capture != null && phase == Phase.STARTED && (idleStateChanged || policy.intervalPassed())
                && isSafePoint();
    }

    @Override
    public CheckpointState getCheckpoint() {
        if (capture == null) {
            throw new IllegalStateException(model.id() + (model.supportsCheckpoints()
                    ? ": checkpointing is off; to turn it on, " + howToEnable
                    : ": the emitter has no @CheckpointData method"));
        }
        return take();
    }

    @Override
    public void stop() {
        if (phase == Phase.STOPPED) {
            return;
        }
        boolean deliverFinal = phase == Phase.STARTED && callback != null && capture != null;
        phase = Phase.STOPPED;
        RuntimeException error = null;
        try {
            if (deliverFinal) {
                CheckpointState last = capture.take(emitter);
                if (!last.equals(lastDelivered)) {
                    handedOut(last);
                    deliver(last);
                }
            }
        } catch (RuntimeException e) {
            error = e;
        }
        for (LifecycleCall preDestroy : model.preDestroy()) {
            try {
                preDestroy.call().accept(emitter);
            } catch (RuntimeException e) {
                RuntimeException wrapped = failures.failure("@PreDestroy " + preDestroy.method() + "()", e);
                if (error == null) {
                    error = wrapped;
                } else {
                    error.addSuppressed(wrapped);
                }
            }
        }
        if (error != null) {
            throw error;
        }
    }

    private void deliverIfSafe() {
        if (isSafePoint()) {
            deliver(take());
        }
    }

    private boolean isSafePoint() {
        if (safePoint == null) {
            return true;
        }
        try {
            return safePoint.test(emitter);
        } catch (RuntimeException e) {
            throw failures.failure("@CheckpointAvailable " + model.checkpointAvailableMethod() + "()", e);
        }
    }

    @Override
    public void checkpointCommitted(CheckpointState durable) {
        Objects.requireNonNull(durable, "durable");
        if (commits != null) {
            commits.commit(emitter, durable);
        }
    }

    private CheckpointState take() {
        CheckpointState state = capture.take(emitter);
        policy.checkpointTaken();
        handedOut(state);
        return state;
    }

    private void handedOut(CheckpointState state) {
        lastHandedOut = state;
        idleStateChanged = false;
        if (commits != null) {
            commits.handedOut(state);
        }
    }

    private void deliver(CheckpointState state) {
        callback.accept(state); // a host exception propagates as is; the checkpoint stays due
        lastDelivered = state;
        due = false;
    }
}
