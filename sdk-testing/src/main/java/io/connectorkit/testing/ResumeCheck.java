package io.connectorkit.testing;

import io.connectorkit.runtime.ComponentManager;
import io.connectorkit.testing.RecordedRun.Delivered;
import io.connectorkit.testing.ResumeOutcome.Mismatch;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
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
    private int sample = DEFAULT_SAMPLE;
    private long seed = DEFAULT_SEED;
    private Comparator<JsonObject> order;
    private CrashPoints crashPoints = CrashPoints.everyRecord();
    private long declaredBound;
    private BiPredicate<Object, Object> equivalence = Objects::equals;
    private int maxRecords = DEFAULT_MAX_RECORDS;

    private RecordedRun reference;
    private final Map<Integer, ResumeOutcome> outcomes = new HashMap<>();

    private ResumeCheck(ComponentUnderTest component) {
        this.component = component;
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
        this.equivalence = Objects.requireNonNull(equivalence, "equivalence");
        return this;
    }

    /** The most records one run may produce before the check fails; default {@value #DEFAULT_MAX_RECORDS}. */
    public ResumeCheck maxRecords(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("maxRecords must be 1 or more, got " + max);
        }
        this.maxRecords = max;
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
        List<Delivered> checkpoints = reference().checkpoints();
        for (int k = 1; k < checkpoints.size(); k++) {
            Delivered previous = checkpoints.get(k - 1);
            Delivered current = checkpoints.get(k);
            if (order.compare(previous.state().state(), current.state().state()) > 0) {
                throw new AssertionFailedError(component.id() + ": checkpoint " + describe(current)
                        + " goes backwards: it is before checkpoint " + describe(previous) + " in the declared order."
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
        List<Delivered> checkpoints = reference().checkpoints();
        List<Integer> chosen = sampled(checkpoints.size());
        for (int ordinal : chosen) {
            Delivered from = checkpoints.get(ordinal);
            ResumeOutcome outcome = outcome(from);
            Mismatch divergence = outcome.divergence();
            if (divergence != null) {
                String at = "record #" + (divergence.position() + 1)
                        + (outcome.tooMany() ? " (the resumed run produced more records than the whole reference run)"
                                : "");
                boolean skips = isTail(outcome) && outcome.tailStart() > from.covered();
                boolean repeats = isTail(outcome) && outcome.tailStart() < from.covered();
                String headline = skips
                        ? "the " + shortly(from) + " is ahead of what it covers: "
                                + range(from.covered() + 1, outcome.tailStart()) + " lost. Resuming from it diverges "
                                + "from the reference run at " + at + "."
                        : repeats
                                ? "the " + shortly(from) + " is behind what it covers: "
                                        + range(outcome.tailStart() + 1, from.covered()) + " read again. Resuming "
                                        + "from it diverges from the reference run at " + at + "."
                                : "resuming from checkpoint " + describe(from) + " diverges from the reference run at "
                                        + at + ".";
                throw new AssertionFailedError(component.id() + ": " + headline
                        + "\n  checkpoint: " + from.state().toJson()
                        + "\n  record:     #" + (divergence.position() + 1) + " (the checkpoint covers records 1 to "
                        + from.covered() + ")"
                        + "\n  expected:   " + divergence.expected()
                        + "\n  actual:     " + divergence.actual()
                        + (skips ? safePointNote(from) : "")
                        + sampleNote(checkpoints.size()),
                        divergence.expected(), divergence.actual());
            }
        }
        return chosen.size();
    }

    private Crashes verifyCrashPoints() {
        RecordedRun run = reference();
        List<Delivered> checkpoints = run.checkpoints();
        long bound = declaredBound > 0 ? declaredBound : largestGap(run);
        int[] points = crashPoints.select(run.records().size());
        int maxDuplicates = 0;
        int next = 0; // the first checkpoint covering c records or more
        for (int c : points) {
            while (next < checkpoints.size() && checkpoints.get(next).covered() < c) {
                next++;
            }
            List<Delivered> candidates = new ArrayList<>();
            candidates.add(next > 0 ? checkpoints.get(next - 1) : null); // null: no checkpoint saved, from the start
            for (int k = next; k < checkpoints.size() && checkpoints.get(k).covered() == c; k++) {
                candidates.add(checkpoints.get(k));
            }
            for (Delivered from : candidates) {
                maxDuplicates = Math.max(maxDuplicates, crashAt(c, from, bound));
            }
        }
        return new Crashes(points.length, maxDuplicates);
    }

    /** The records repeated by a crash after {@code c} records resumed from {@code from} (null: from the start). */
    private int crashAt(int c, Delivered from, long bound) {
        int tailStart = 0;
        if (from != null) {
            ResumeOutcome outcome = outcome(from);
            if (outcome.tooMany() || outcome.tailMismatch() != null) {
                Mismatch wrong = outcome.tooMany() ? outcome.divergence() : outcome.tailMismatch();
                throw new AssertionFailedError(component.id() + ": after a crash after record #" + c
                        + ", resuming from checkpoint " + describe(from) + " does not give the rest of the reference "
                        + "run: " + (outcome.tooMany() ? "it produced more records than the whole reference run"
                                : "its " + outcome.produced() + " records are not the reference run's last "
                                        + outcome.produced())
                        + "."
                        + "\n  checkpoint: " + from.state().toJson()
                        + "\n  record:     #" + (wrong.position() + 1)
                        + "\n  expected:   " + wrong.expected()
                        + "\n  actual:     " + wrong.actual(),
                        wrong.expected(), wrong.actual());
            }
            tailStart = outcome.tailStart();
        }
        String source = from == null ? "the start (no checkpoint delivered yet)" : "checkpoint " + describe(from);
        String json = from == null ? "none" : from.state().toJson().toString();
        if (tailStart > c) {
            List<Object> records = reference().records();
            Object lost = records.get(c);
            Object resumedFirst = tailStart < records.size() ? records.get(tailStart) : ResumeOutcome.END;
            String headline = from == null
                    ? "a crash after record #" + c + " loses " + records(c + 1, tailStart) + ": resuming from "
                            + source + " starts at record #" + (tailStart + 1) + "."
                    : "the " + shortly(from) + " is ahead of what it covers: after a crash after record #" + c + ", "
                            + range(c + 1, tailStart) + " lost (resuming from it starts at record #"
                            + (tailStart + 1) + ").";
            throw new AssertionFailedError(component.id() + ": " + headline
                    + "\n  checkpoint: " + json
                    + "\n  record:     #" + (c + 1) + " is never received"
                    + "\n  expected:   " + lost
                    + "\n  actual:     " + resumedFirst
                    + (from == null ? "" : safePointNote(from)),
                    lost, resumedFirst);
        }
        int duplicates = c - tailStart;
        if (duplicates > bound) {
            throw new AssertionFailedError(component.id() + ": a crash after record #" + c + " repeats "
                    + duplicates + " records (#" + (tailStart + 1) + " to #" + c + ") when resuming from " + source
                    + ", more than the bound of " + bound + " ("
                    + (declaredBound > 0 ? "declared with duplicateBound"
                            : "the largest gap between checkpoints of the reference run")
                    + ")."
                    + "\n  checkpoint: " + json
                    + "\n  record:     #" + (tailStart + 1) + " is the first record resumed"
                    + "\n  expected:   at most " + bound + " records repeated"
                    + "\n  actual:     " + duplicates + " records repeated",
                    bound, duplicates);
        }
        return duplicates;
    }

    private ResumeOutcome outcome(Delivered from) {
        ResumeOutcome known = outcomes.get(from.ordinal());
        if (known != null) {
            return known;
        }
        List<Object> records = reference().records();
        RecordedRun resumed;
        try {
            resumed = RecordedRun.of(component.from(from.state().toJson()), records.size());
        } catch (RuntimeException e) {
            throw new AssertionFailedError(component.id() + ": resuming from checkpoint " + describe(from)
                    + " failed: " + e
                    + "\n  checkpoint: " + from.state().toJson(), e);
        }
        ResumeOutcome outcome = ResumeOutcome.compare(resumed, records, from.covered(), equivalence);
        outcomes.put(from.ordinal(), outcome);
        return outcome;
    }

    private RecordedRun reference() {
        if (reference == null) {
            RecordedRun run = RecordedRun.of(component.fromStart(), maxRecords);
            if (run.truncated()) {
                throw new AssertionFailedError(component.id() + ": the reference run produced more than " + maxRecords
                        + " records; give a configuration that ends sooner, or raise maxRecords(...)");
            }
            if (run.records().isEmpty()) {
                throw new AssertionFailedError(component.id() + ": the reference run produced no record, so there is "
                        + "nothing to resume; give a configuration that produces some");
            }
            if (run.checkpoints().isEmpty()) {
                throw new AssertionFailedError(component.id() + ": the reference run of " + run.records().size()
                        + " records delivered no checkpoint; does the emitter have a @CheckpointData method?");
            }
            reference = run;
        }
        return reference;
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

    private static long largestGap(RecordedRun run) {
        long gap = 0;
        int previous = 0;
        for (Delivered checkpoint : run.checkpoints()) {
            gap = Math.max(gap, checkpoint.covered() - previous);
            previous = checkpoint.covered();
        }
        return Math.max(gap, run.records().size() - previous);
    }

    /** Whether the resumed run's records are exactly the reference run's last ones. */
    private static boolean isTail(ResumeOutcome outcome) {
        return !outcome.tooMany() && outcome.tailMismatch() == null;
    }

    /** {@code "record #6"} or {@code "records #6 to #8"}. */
    private static String records(int first, int last) {
        return first == last ? "record #" + first : "records #" + first + " to #" + last;
    }

    /** {@code "record #6 is"} or {@code "records #6 to #8 are"}. */
    private static String range(int first, int last) {
        return records(first, last) + (first == last ? " is" : " are");
    }

    /**
     * For a checkpoint ahead of its records: when the emitter has a {@code @CheckpointAvailable} method, this
     * checkpoint was taken at one of its safe points (all but the final one of {@code stop()} are).
     */
    private String safePointNote(Delivered checkpoint) {
        if (checkpoint.atStop()) {
            return "";
        }
        return component.safePointMethod()
                .map(method -> "\n  note:       this checkpoint was taken at a safe point reported by "
                        + "@CheckpointAvailable " + method + "(): the state may have been half-updated there (already "
                        + "past a record not returned yet); it must say true only when the state covers exactly the "
                        + "records returned so far.")
                .orElse("");
    }

    private String sampleNote(int checkpoints) {
        return checkpoints > sample ? "\n  (one of " + sample + " checkpoints out of " + checkpoints
                + " sampled with seed " + seed + ")" : "";
    }

    /** {@code "checkpoint after record #5 (#1 of 10)"}; the final one says that {@code stop()} delivered it. */
    private String shortly(Delivered checkpoint) {
        return "checkpoint after record #" + checkpoint.covered() + " (#" + (checkpoint.ordinal() + 1) + " of "
                + reference().checkpoints().size() + (checkpoint.atStop() ? ", the final one, delivered by stop()" : "")
                + ")";
    }

    private String describe(Delivered checkpoint) {
        return "#" + (checkpoint.ordinal() + 1) + " of " + reference().checkpoints().size() + " (delivered after record #"
                + checkpoint.covered() + ")";
    }

    private ResumeSummary summary(int resumedFrom, Crashes crashes) {
        RecordedRun run = reference();
        long bound = declaredBound > 0 ? declaredBound : largestGap(run);
        return new ResumeSummary(run.records().size(), run.checkpoints().size(), resumedFrom,
                crashes == null ? 0 : crashes.points(), bound, declaredBound > 0,
                crashes == null ? 0 : crashes.maxDuplicates());
    }

    private record Crashes(int points, int maxDuplicates) {
    }
}
