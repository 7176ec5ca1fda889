package io.connectorkit.testing;

import io.connectorkit.runtime.ComponentManager;
import io.connectorkit.runtime.Mapper;
import io.connectorkit.runtime.Split;
import io.connectorkit.runtime.SplitPlan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.opentest4j.AssertionFailedError;

/**
 * Proves that a component splits correctly: its splits are disjoint and together read exactly what the whole
 * configuration reads, and the same configuration always gives the same plan. Then, with
 * {@link #verifyResumeOfEachSplit}, that each split resumes as a {@link ResumeCheck} demands (a crash at every record
 * of every split, resumed from that split's own checkpoints, loses nothing and repeats at most the bound).
 *
 * <p>{@link #verify()}:
 * <ul>
 *   <li><b>reference read</b>: the whole configuration read as one input ({@code Mapper.create()});</li>
 *   <li><b>deterministic</b>: splitting twice, with two mappers over the same configuration, gives equal plans (the
 *       same ids, configurations and order);</li>
 *   <li><b>disjoint</b>: no record (by {@link #recordIdentity identity}) is read by two splits, unless the reference
 *       read holds it as many times;</li>
 *   <li><b>covering</b>: the splits together read each record of the reference read as many times as it does, and
 *       nothing else.</li>
 * </ul>
 * Each failure is one {@link AssertionFailedError} naming the component, the splits and the record.
 *
 * <p>The component must be deterministic for its configuration and end on its own. Not thread-safe; build one per
 * check.
 *
 * <pre>{@code
 * SplitCheck check = tester.splitCheck("file", "folder-input", Map.of("configuration.folder", dir.toString()))
 *         .recordIdentity(record -> ((JsonObject) record).getString("file") + ":" + ((JsonObject) record).get("line"));
 * check.verify();
 * check.verifyResumeOfEachSplit(resume -> resume.duplicateBound(50));
 * }</pre>
 */
public final class SplitCheck {

    private final ComponentManager manager;
    private final String family;
    private final String name;
    private final Map<String, String> configuration;
    private long desiredSize;
    private Function<Object, Object> identity = Function.identity();
    private int maxRecords = ResumeCheck.DEFAULT_MAX_RECORDS;
    private int configurationVersion = 1;

    private SplitCheck(ComponentManager manager, String family, String name, Map<String, String> configuration) {
        this.manager = Objects.requireNonNull(manager, "manager");
        this.family = Objects.requireNonNull(family, "family");
        this.name = Objects.requireNonNull(name, "name");
        this.configuration = Map.copyOf(Objects.requireNonNull(configuration, "configuration"));
    }

    /**
     * A check of {@code family/name} over {@code configuration} (option paths, as for {@code findMapper}).
     *
     * @param manager a manager with checkpointing on (for {@link #verifyResumeOfEachSplit}); the caller closes it
     */
    public static SplitCheck of(ComponentManager manager, String family, String name,
            Map<String, String> configuration) {
        return new SplitCheck(manager, family, name, configuration);
    }

    /**
     * The desired size of a split the plan is made with; default: the mapper's estimated size divided by 4 (at least
     * 1), or 1 when it cannot tell.
     */
    public SplitCheck desiredSize(long size) {
        if (size < 1) {
            throw new IllegalArgumentException("the desired size of a split must be 1 or more, got " + size);
        }
        this.desiredSize = size;
        return this;
    }

    /**
     * What identifies a record across splits, for example its key; default: the record itself ({@code equals}).
     */
    public SplitCheck recordIdentity(Function<Object, Object> identity) {
        this.identity = Objects.requireNonNull(identity, "identity");
        return this;
    }

    /** The most records one read may produce before the check fails; default {@value ResumeCheck#DEFAULT_MAX_RECORDS}. */
    public SplitCheck maxRecords(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("maxRecords must be 1 or more, got " + max);
        }
        this.maxRecords = max;
        return this;
    }

    /** The version passed to {@code findMapper} for the configuration; default 1, as the runner does. */
    public SplitCheck configurationVersion(int version) {
        if (version < 1) {
            throw new IllegalArgumentException("configuration version must be 1 or more, got " + version);
        }
        this.configurationVersion = version;
        return this;
    }

    private String id() {
        return family + '/' + name;
    }

    private Mapper mapper() {
        return manager.findMapper(family, name, configurationVersion, configuration)
                .orElseThrow(() -> new IllegalArgumentException("no component " + id() + " in the manager; known: "
                        + manager.componentIds()));
    }

    private long desiredSize(Mapper mapper) {
        if (desiredSize > 0) {
            return desiredSize;
        }
        long estimate = mapper.estimateSize();
        return estimate == Mapper.UNKNOWN_SIZE ? 1 : Math.max(1, estimate / 4);
    }

    /** The plan of the configuration; splitting twice must give the same one. */
    public SplitPlan plan() {
        Mapper mapper = mapper();
        long size = desiredSize(mapper);
        SplitPlan first = SplitPlan.create(mapper, size);
        SplitPlan second = SplitPlan.create(mapper(), size);
        if (!first.equals(second)) {
            throw new AssertionFailedError(id() + ": splitting the same configuration twice gives two plans; the "
                    + "@Split method must return the same splits in the same order (sort what it lists), and each the "
                    + "same id." + difference(first.splits(), second.splits()), first.toJson(), second.toJson());
        }
        return first;
    }

    private static String difference(List<Split> first, List<Split> second) {
        for (int i = 0; i < Math.max(first.size(), second.size()); i++) {
            Split a = i < first.size() ? first.get(i) : null;
            Split b = i < second.size() ? second.get(i) : null;
            if (!Objects.equals(a, b)) {
                return "\n  split:      #" + (i + 1)
                        + "\n  first:      " + (a == null ? "none" : a.toJson())
                        + "\n  second:     " + (b == null ? "none" : b.toJson());
            }
        }
        return "";
    }

    /**
     * Runs the reference read, the plan twice, and each split once: deterministic, disjoint, covering.
     *
     * @throws AssertionFailedError at the first failure
     */
    public SplitSummary verify() {
        Mapper mapper = mapper();
        long estimate = mapper.estimateSize();
        SplitPlan plan = plan();
        List<Object> reference = read(mapper, null, "the reference read of the whole configuration");
        Map<Object, Integer> expected = counts(reference);
        Map<Object, String> firstSplit = new HashMap<>();
        Map<Object, Integer> union = new LinkedHashMap<>();
        List<Integer> perSplit = new ArrayList<>();
        for (Split split : plan.splits()) {
            List<Object> records = read(mapper, split, "split " + split.id());
            perSplit.add(records.size());
            for (Object record : records) {
                Object key = identity.apply(record);
                int count = union.merge(key, 1, Integer::sum);
                String previous = firstSplit.putIfAbsent(key, split.id());
                if (previous != null && !previous.equals(split.id()) && count > expected.getOrDefault(key, 0)) {
                    throw new AssertionFailedError(id() + ": splits " + previous + " and " + split.id() + " both read "
                            + "the record " + key + ": splits must be disjoint."
                            + "\n  record:     " + record
                            + "\n  reference:  read " + expected.getOrDefault(key, 0) + " time(s) by the whole "
                            + "configuration");
                }
            }
        }
        for (Map.Entry<Object, Integer> entry : expected.entrySet()) {
            int read = union.getOrDefault(entry.getKey(), 0);
            if (read < entry.getValue()) {
                throw new AssertionFailedError(id() + ": no split reads the record " + entry.getKey() + " (read "
                        + entry.getValue() + " time(s) by the whole configuration, " + read + " by the splits): the "
                        + plan.splits().size() + " splits together must read everything."
                        + "\n  splits:     " + plan.splits().stream().map(Split::id).toList(),
                        entry.getValue(), read);
            }
        }
        for (Map.Entry<Object, Integer> entry : union.entrySet()) {
            int expectedCount = expected.getOrDefault(entry.getKey(), 0);
            if (entry.getValue() > expectedCount) {
                throw new AssertionFailedError(id() + ": split " + firstSplit.get(entry.getKey()) + " reads the record "
                        + entry.getKey() + " " + entry.getValue() + " time(s), the whole configuration " + expectedCount
                        + ": the splits must read nothing else.", expectedCount, entry.getValue());
            }
        }
        return new SplitSummary(estimate, desiredSize(mapper), plan.splits().stream().map(Split::id).toList(),
                reference.size(), perSplit);
    }

    /** A {@link ResumeCheck} of one split of this configuration, to configure and verify. */
    public ResumeCheck resumeCheck(Split split) {
        return ResumeCheck.ofSplit(manager, family, name, configuration, split).maxRecords(maxRecords)
                .configurationVersion(configurationVersion);
    }

    /**
     * Runs a {@link ResumeCheck} on each split of the plan that reads at least one record: a crash at every record of
     * every split, each resumed from that split's own checkpoints.
     *
     * @param configure configures each split's check (its duplicate bound, order, crash points...)
     * @return each checked split's summary, by split id, in plan order
     * @throws AssertionFailedError at the first failure, naming the split
     */
    public Map<String, ResumeSummary> verifyResumeOfEachSplit(UnaryOperator<ResumeCheck> configure) {
        Mapper mapper = mapper();
        Map<String, ResumeSummary> summaries = new LinkedHashMap<>();
        for (Split split : plan().splits()) {
            if (read(mapper, split, "split " + split.id()).isEmpty()) {
                continue; // nothing to resume
            }
            summaries.put(split.id(), configure.apply(resumeCheck(split)).verify());
        }
        return summaries;
    }

    /** Reads {@code split} (or the whole configuration) to its end, without checkpoints. */
    private List<Object> read(Mapper mapper, Split split, String what) {
        RecordedRun run;
        try {
            run = RecordedRun.of(split == null ? mapper.create() : mapper.create(split, null), maxRecords);
        } catch (RuntimeException e) {
            throw new AssertionFailedError(id() + ": " + what + " failed: " + e, e);
        }
        if (run.truncated()) {
            throw new AssertionFailedError(id() + ": " + what + " produced more than " + maxRecords + " records; give "
                    + "a configuration that ends sooner, or raise maxRecords(...)");
        }
        return run.records();
    }

    private Map<Object, Integer> counts(List<Object> records) {
        Map<Object, Integer> counts = new LinkedHashMap<>();
        for (Object record : records) {
            counts.merge(identity.apply(record), 1, Integer::sum);
        }
        return counts;
    }
}
