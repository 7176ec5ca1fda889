package io.connectorkit.testing;

import static io.connectorkit.testing.ResumeRuns.range;

import io.connectorkit.runtime.ComponentManager;
import io.connectorkit.runtime.Split;
import io.connectorkit.testing.CrashCheck.Crashes;
import io.connectorkit.testing.RecordedRun.Delivered;
import io.connectorkit.testing.ResumeOutcome.Mismatch;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeSet;
import java.util.function.BiPredicate;
import java.util.function.Function;
import org.opentest4j.AssertionFailedError;

/**
 * Proves that a connector resumes correctly from its checkpoints.
 *
 * <p>It first runs the component once to its end in callback mode (the <em>reference run</em>), keeping every record
 * and every checkpoint with the number of records the host had received when the callback fired: the records the
 * checkpoint covers. Then:
 * <ul>
 *   <li>{@link #verifyResumeEquivalence()}: from every checkpoint (or a seeded sample of {@link #sampleAtMost} of
 *       them, always with the first and the last), a fresh input over {@code configuration + jsonToMap(checkpoint)}
 *       must produce exactly the reference records after those it covers;</li>
 *   <li>{@link #verifyMonotonic()}: when an order is declared ({@link #ordered} or {@link #orderedBy}), each
 *       checkpoint of the reference run is at or after the one before;</li>
 *   <li>{@link #verifyCrashes()}: for a crash after each record (or {@link #crashPoints}), resuming from the last
 *       checkpoint the host may have saved loses no record and repeats at most the duplicate bound.</li>
 * </ul>
 * The first failure throws an {@link AssertionFailedError} whose message holds the checkpoint JSON, the record's
 * position (1-based, in the reference run), the expected and the actual record. When the resumed records are the
 * reference run's last ones but start too late or too early, the message says so first: "the checkpoint after
 * record #5 (#1 of 10) is ahead of what it covers: record #6 is lost" (or "is behind what it covers: records #1 to
 * #5 are read again"). A lost record from a checkpoint that the emitter's {@code @CheckpointAvailable} method allowed
 * adds a note: the state may have been half-updated at that safe point.
 *
 * <p>The reference run's checkpoints include the final one that {@code stop()} delivers (unless it equals the one
 * delivered before it); it is resumed from like the others.
 *
 * <p><b>Crash model.</b> A crash after {@code c} records means the host received records 1 to {@code c} and died
 * before receiving record {@code c + 1}. The runtime delivers a checkpoint covering {@code c} records inside the
 * {@code next()} call that would produce record {@code c + 1}, so the host may or may not have it: the check tries
 * the last checkpoint covering fewer than {@code c} records (or the start, when there is none) and each checkpoint
 * covering exactly {@code c}. The resumed records must be the reference run's last records (so nothing is lost and
 * nothing is invented) and the number repeated, {@code c - } where they start, must be at most the bound.
 *
 * <p><b>Duplicate bound.</b> {@link #duplicateBound(long)} when the author declares it (records between two
 * checkpoints, for example the {@code @Checkpoint} interval or the batch size); otherwise derived from the reference
 * run: the largest number of records between two consecutive checkpoints, counting from the start to the first
 * checkpoint and from the last checkpoint to the end. With the derived bound a connector that checkpoints correctly
 * always passes; one whose checkpoint lags behind what it covers repeats more and fails.
 *
 * <p>The connector must be deterministic for its configuration and finish on its own (at most
 * {@link #maxRecords(int)} records). Records are compared with {@code equals} unless
 * {@link #recordsEquivalentBy(BiPredicate)} says otherwise. A check object caches the runs it made; build a new one
 * to run again.
 *
 * <p>This class holds what the author configures and the resume-equivalence and order checks; the runs themselves are
 * made and cached by {@code ResumeRuns}, and the crash simulation is {@code CrashCheck}. Not thread-safe.
 *
 * <pre>{@code
 * try (ComponentManager manager = ComponentManager.builder().checkpointing(true).build()) {
 *     ResumeCheck.of(manager, "checkpoint", "list-input", Map.of("configuration.total", "500"))
 *             .orderedBy(state -> state.getInt("sinceId"))
 *             .verify();
 * }
 * }</pre>
 */
public final class ResumeCheck {

    /** Checkpoints resumed from when {@link #sampleAtMost} is not called. */
    public static final int DEFAULT_SAMPLE = 200;

    /** The seed of the checkpoint sample when {@link #sampleAtMost} is not called. */
    public static final long DEFAULT_SEED = 42L;

    /** The longest run accepted when {@link #maxRecords} is not called. */
    public static final int DEFAULT_MAX_RECORDS = 1_000_000;

    private final ComponentUnderTest component;
    private final ResumeRuns runs;
    private int sample = DEFAULT_SAMPLE;
    private long seed = DEFAULT_SEED;
    private Comparator<JsonObject> order;
    private CrashPoints crashPoints = CrashPoints.everyRecord();
    private long declaredBound;

    private ResumeCheck(ComponentUnderTest component) {
        this.component = component;
        this.runs = new ResumeRuns(component);
    }

    /**
     * A check of {@code family/name} over {@code configuration} (option paths, as for {@code findMapper}).
     *
     * @param manager a manager with checkpointing on; the caller closes it
     * @throws IllegalArgumentException when the manager has checkpointing off
     */
    public static ResumeCheck of(ComponentManager manager, String family, String name,
            Map<String, String> configuration) {
        return new ResumeCheck(new ComponentUnderTest(manager, family, name, configuration));
    }

    /**
     * A check of one split of {@code family/name} over {@code configuration}: every input reads {@code split}
     * ({@code Mapper.create(split, checkpoint)} on the job's mapper, so with the job's credentials), and every message
     * names the split. {@link SplitCheck#resumeCheck(Split)} makes one for each split of a plan.
     *
     * @param manager a manager with checkpointing on; the caller closes it
     * @throws IllegalArgumentException when the manager has checkpointing off
     */
    public static ResumeCheck ofSplit(ComponentManager manager, String family, String name,
            Map<String, String> configuration, Split split) {
        return new ResumeCheck(new ComponentUnderTest(manager, family, name, configuration,
                Objects.requireNonNull(split, "split")));
    }

    /** Resumes from at most {@code count} checkpoints, drawn with {@code seed} (always the first and the last). */
    public ResumeCheck sampleAtMost(int count, long seed) {
        if (count < 2) {
            throw new IllegalArgumentException("sample at least 2 checkpoints (the first and the last), got " + count);
        }
        this.sample = count;
        this.seed = seed;
        return this;
    }

    /** Declares that checkpoint states ({@code $checkpoint} without {@code __version}) never go backwards. */
    public ResumeCheck ordered(Comparator<JsonObject> order) {
        this.order = Objects.requireNonNull(order, "order");
        return this;
    }

    /** Declares that {@code key} of the checkpoint states never goes backwards, e.g. {@code s -> s.getInt("id")}. */
    public <K extends Comparable<? super K>> ResumeCheck orderedBy(Function<JsonObject, K> key) {
        return ordered(Comparator.comparing(Objects.requireNonNull(key, "key")));
    }

    /** Where crashes are simulated; default {@link CrashPoints#everyRecord()}. */
    public ResumeCheck crashPoints(CrashPoints points) {
        this.crashPoints = Objects.requireNonNull(points, "points");
        return this;
    }

    /**
     * The most records a crash may make the host read twice: a crash after record {@code c}, resumed from the last
     * checkpoint the host may have saved, must start at record {@code c - records + 1} or later. Usually the number
     * of records between two checkpoints (the batch size, or the {@code @Checkpoint} interval). It bounds the
     * duplicates; it does not change how often the connector takes checkpoints. Without it, the bound is the largest
     * gap between two checkpoints of the reference run.
     *
     * @throws IllegalArgumentException when {@code records} is below 1
     */
    public ResumeCheck duplicateBound(long records) {
        if (records < 1) {
            throw new IllegalArgumentException("the duplicate bound must be 1 or more records, got " + records);
        }
        this.declaredBound = records;
        return this;
    }

    /**
     * The same as {@link #duplicateBound(long)}, under its former name.
     *
     * @deprecated the name suggested how often checkpoints are taken, but it is the bound on the records a crash may
     *     repeat: use {@link #duplicateBound(long)}. This name will be removed in the release after 0.1.0.
     */
    @Deprecated(since = "0.1.0", forRemoval = true)
    public ResumeCheck checkpointInterval(long records) {
        return duplicateBound(records);
    }

    /** How two records are compared (expected, actual); default {@code Objects.equals}. */
    public ResumeCheck recordsEquivalentBy(BiPredicate<Object, Object> equivalence) {
        runs.equivalence(Objects.requireNonNull(equivalence, "equivalence"));
        return this;
    }

    /** The most records one run may produce before the check fails; default {@value #DEFAULT_MAX_RECORDS}. */
    public ResumeCheck maxRecords(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("maxRecords must be 1 or more, got " + max);
        }
        runs.maxRecords(max);
        return this;
    }

    /** The version passed to {@code findMapper} for the configuration; default 1, as the runner does. */
    public ResumeCheck configurationVersion(int version) {
        component.configurationVersion(version);
        return this;
    }

    /**
     * Runs every check: resume equivalence, then monotonic checkpoints (when an order is declared), then crashes.
     *
     * @throws AssertionFailedError at the first failure
     */
    public ResumeSummary verify() {
        int resumedFrom = verifyEquivalence();
        if (order != null) {
            verifyMonotonic();
        }
        return summary(resumedFrom, verifyCrashPoints());
    }

    /** Only resume equivalence from every (or the sampled) checkpoint. */
    public ResumeSummary verifyResumeEquivalence() {
        return summary(verifyEquivalence(), null);
    }

    /**
     * Only the order of the reference run's checkpoints.
     *
     * @throws IllegalStateException when no order was declared
     */
    public ResumeSummary verifyMonotonic() {
        if (order == null) {
            throw new IllegalStateException("no order declared: call ordered(comparator) or orderedBy(key) first");
        }
        List<Delivered> checkpoints = runs.reference().checkpoints();
        for (int k = 1; k < checkpoints.size(); k++) {
            Delivered previous = checkpoints.get(k - 1);
            Delivered current = checkpoints.get(k);
            if (order.compare(previous.state().state(), current.state().state()) > 0) {
                throw new AssertionFailedError(component.id() + ": checkpoint " + runs.describe(current)
                        + " goes backwards: it is before checkpoint " + runs.describe(previous)
                        + " in the declared order."
                        + "\n  previous:   " + previous.state().toJson()
                        + "\n  checkpoint: " + current.state().toJson(),
                        previous.state().toJson(), current.state().toJson());
            }
        }
        return summary(0, null);
    }

    /** Only the crash simulation at the {@link #crashPoints} chosen. */
    public ResumeSummary verifyCrashes() {
        return summary(0, verifyCrashPoints());
    }

    private int verifyEquivalence() {
        List<Delivered> checkpoints = runs.reference().checkpoints();
        List<Integer> chosen = sampled(checkpoints.size());
        for (int ordinal : chosen) {
            Delivered from = checkpoints.get(ordinal);
            ResumeOutcome outcome = runs.resumedFrom(from);
            Mismatch divergence = outcome.divergence();
            if (divergence != null) {
                String at = "record #" + (divergence.position() + 1)
                        + (outcome.tooMany() ? " (the resumed run produced more records than the whole reference run)"
                                : "");
                boolean skips = isTail(outcome) && outcome.tailStart() > from.covered();
                boolean repeats = isTail(outcome) && outcome.tailStart() < from.covered();
                String headline = skips
                        ? "the " + runs.shortly(from) + " is ahead of what it covers: "
                                + range(from.covered() + 1, outcome.tailStart()) + " lost. Resuming from it diverges "
                                + "from the reference run at " + at + "."
                        : repeats
                                ? "the " + runs.shortly(from) + " is behind what it covers: "
                                        + range(outcome.tailStart() + 1, from.covered()) + " read again. Resuming "
                                        + "from it diverges from the reference run at " + at + "."
                                : "resuming from checkpoint " + runs.describe(from) + " diverges from the reference "
                                        + "run at " + at + ".";
                throw new AssertionFailedError(component.id() + ": " + headline
                        + "\n  checkpoint: " + from.state().toJson()
                        + "\n  record:     #" + (divergence.position() + 1) + " (the checkpoint covers records 1 to "
                        + from.covered() + ")"
                        + "\n  expected:   " + divergence.expected()
                        + "\n  actual:     " + divergence.actual()
                        + (skips ? runs.safePointNote(from) : "")
                        + sampleNote(checkpoints.size()),
                        divergence.expected(), divergence.actual());
            }
        }
        return chosen.size();
    }

    private Crashes verifyCrashPoints() {
        return new CrashCheck(runs, declaredBound).verify(crashPoints);
    }

    /** The ordinals resumed from: all, or a seeded sample with the first and the last. */
    private List<Integer> sampled(int count) {
        List<Integer> all = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            all.add(k);
        }
        if (count <= sample) {
            return all;
        }
        List<Integer> middle = new ArrayList<>(all.subList(1, count - 1));
        Collections.shuffle(middle, new Random(seed));
        TreeSet<Integer> chosen = new TreeSet<>(middle.subList(0, sample - 2));
        chosen.add(0);
        chosen.add(count - 1);
        return List.copyOf(chosen);
    }

    /** Whether the resumed run's records are exactly the reference run's last ones. */
    private static boolean isTail(ResumeOutcome outcome) {
        return !outcome.tooMany() && outcome.tailMismatch() == null;
    }

    private String sampleNote(int checkpoints) {
        return checkpoints > sample ? "\n  (one of " + sample + " checkpoints out of " + checkpoints
                + " sampled with seed " + seed + ")" : "";
    }

    private ResumeSummary summary(int resumedFrom, Crashes crashes) {
        RecordedRun run = runs.reference();
        long bound = new CrashCheck(runs, declaredBound).bound();
        return new ResumeSummary(run.records().size(), run.checkpoints().size(), resumedFrom,
                crashes == null ? 0 : crashes.points(), bound, declaredBound > 0,
                crashes == null ? 0 : crashes.maxDuplicates());
    }
}
