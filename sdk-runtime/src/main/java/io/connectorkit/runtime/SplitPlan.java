package io.connectorkit.runtime;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The splits of one job, as a host saves them: made once from a configuration, kept, and resumed from. It holds the
 * component, the job's configuration without credentials and its fingerprint (a SHA-256 of its canonical form), each
 * split (id, descriptor, status {@link Status#PENDING} or {@link Status#FINISHED}) in plan order, and whether
 * splitting is complete (a host may save a plan before the last splits are known). Engine-neutral: a runner saves it
 * beside the splits' checkpoints; an engine such as Flink keeps each {@link Split} and its latest checkpoint in its
 * own state. Written as versioned JSON ({@link #toJson()}, {@code __version} {@value #FORMAT}), never by Java
 * serialization.
 *
 * <p>A resume never splits again: a host reads the saved plan, {@linkplain #checkAgainst checks} it against the
 * configuration it was started with (a different one is an error naming what changed), and reads the
 * {@linkplain #pending() pending} splits, each from its own latest checkpoint.
 *
 * <p><b>API</b>: an immutable value, thread-safe; {@link #markFinished}, {@link #nextPass} and {@link #adding}
 * return new plans.
 */
public final class SplitPlan {

    /** The format of {@link #toJson()}: its {@code __version}. */
    public static final int FORMAT = 1;

    /** What the host has done with a split. */
    public enum Status {
        /** Not read to its end yet: read it, from its latest checkpoint if it has one. */
        PENDING,
        /** Read to its end, and its final checkpoint saved. */
        FINISHED
    }

    /**
     * One split of the plan, its status, and where it ended. <b>API</b>: an immutable value.
     *
     * @param split the split
     * @param status what the host has done with it
     * @param lastCheckpoint the split's final checkpoint, recorded when it was marked finished (so that its own
     *     checkpoints can be pruned and a later pass still starts where it ended), or {@code null}
     */
    public record Entry(Split split, Status status, CheckpointState lastCheckpoint) {

        public Entry {
            Objects.requireNonNull(split, "split");
            Objects.requireNonNull(status, "status");
        }

        /** An entry without a final checkpoint. */
        public Entry(Split split, Status status) {
            this(split, status, null);
        }
    }

    private static final JsonProvider JSON = JsonProvider.provider();
    private static final String DEFAULT_HOW_TO_START_OVER = "discard the saved plan and the checkpoints of its splits,"
            + " then run the job again";

    private final String componentId;
    private final int configurationVersion;
    private final Map<String, String> configuration;
    private final String fingerprint;
    private final boolean complete;
    private final List<Entry> entries;

    private SplitPlan(String componentId, int configurationVersion, Map<String, String> configuration,
            boolean complete, List<Entry> entries) {
        this.componentId = Objects.requireNonNull(componentId, "componentId");
        this.configurationVersion = configurationVersion;
        this.configuration = Collections.unmodifiableSortedMap(new TreeMap<>(configuration));
        this.fingerprint = CanonicalForm.sha256(this.configuration);
        this.complete = complete;
        this.entries = List.copyOf(entries);
        Map<String, Integer> positions = new LinkedHashMap<>();
        for (int i = 0; i < this.entries.size(); i++) {
            Integer first = positions.putIfAbsent(this.entries.get(i).split().id(), i + 1);
            if (first != null) {
                throw new IllegalArgumentException(componentId + ": a split plan holds each split id once, but splits #"
                        + first + " and #" + (i + 1) + " are both '" + this.entries.get(i).split().id() + "'");
            }
        }
    }

    /**
     * Splits {@code mapper} ({@link Mapper#split(long)}) and makes the complete plan of its configuration, every
     * split pending.
     *
     * @throws IllegalArgumentException when {@code desiredSize} is below 1
     * @throws ComponentException when splitting fails (see {@link Mapper#split(long)})
     */
    public static SplitPlan create(Mapper mapper, long desiredSize) {
        return of(mapper, mapper.split(desiredSize), true);
    }

    /**
     * The plan of {@code mapper}'s configuration with {@code splits}, every one pending.
     *
     * @param complete whether these are all the splits, or more will be {@linkplain #adding added}
     * @throws IllegalArgumentException when two splits have the same id
     */
    public static SplitPlan of(Mapper mapper, List<Split> splits, boolean complete) {
        List<Entry> entries = new ArrayList<>();
        for (Split split : splits) {
            entries.add(new Entry(split, Status.PENDING));
        }
        return new SplitPlan(mapper.componentId(), mapper.configurationVersion(), mapper.nonSecretConfiguration(),
                complete, entries);
    }

    /** The component, as {@code family/name}. */
    public String componentId() {
        return componentId;
    }

    /** The version of {@link #configuration()}, as {@code findMapper} took it. */
    public int configurationVersion() {
        return configurationVersion;
    }

    /** The job's configuration the plan was made from, without {@code $checkpoint} keys and credentials; sorted. */
    public Map<String, String> configuration() {
        return configuration;
    }

    /** The SHA-256 (64 hex digits) of the canonical form of {@link #configuration()}. */
    public String fingerprint() {
        return fingerprint;
    }

    /** Whether splitting is complete: no split will be added. */
    public boolean complete() {
        return complete;
    }

    /** Every split and its status, in plan order. */
    public List<Entry> entries() {
        return entries;
    }

    /** Every split, in plan order. */
    public List<Split> splits() {
        List<Split> splits = new ArrayList<>(entries.size());
        entries.forEach(entry -> splits.add(entry.split()));
        return List.copyOf(splits);
    }

    /** The splits still to read, in plan order. */
    public List<Split> pending() {
        List<Split> pending = new ArrayList<>();
        for (Entry entry : entries) {
            if (entry.status() == Status.PENDING) {
                pending.add(entry.split());
            }
        }
        return List.copyOf(pending);
    }

    /** The split {@code id}, if the plan has it. */
    public Optional<Split> split(String id) {
        return entries.stream().filter(entry -> entry.split().id().equals(id)).map(Entry::split).findFirst();
    }

    /** Whether the job is done: splitting is complete and every split finished. */
    public boolean isFinished() {
        return complete && entries.stream().allMatch(entry -> entry.status() == Status.FINISHED);
    }

    /**
     * This plan with split {@code id} finished (the same plan when it already is).
     *
     * @throws IllegalArgumentException when the plan has no split {@code id}, naming it
     */
    public SplitPlan markFinished(String id) {
        return markFinished(id, null);
    }

    /**
     * This plan with split {@code id} finished at {@code lastCheckpoint}: a host that prunes the split's own
     * checkpoints keeps its end here, from which a {@linkplain #nextPass() later pass} reads what was added since.
     *
     * @param lastCheckpoint the split's final durable checkpoint, or {@code null} when it has none (kept as it was)
     * @throws IllegalArgumentException when the plan has no split {@code id}, naming it
     */
    public SplitPlan markFinished(String id, CheckpointState lastCheckpoint) {
        List<Entry> updated = new ArrayList<>(entries);
        for (int i = 0; i < updated.size(); i++) {
            if (updated.get(i).split().id().equals(id)) {
                Entry entry = updated.get(i);
                updated.set(i, new Entry(entry.split(), Status.FINISHED,
                        lastCheckpoint != null ? lastCheckpoint : entry.lastCheckpoint()));
                return new SplitPlan(componentId, configurationVersion, configuration, complete, updated);
            }
        }
        throw new IllegalArgumentException(componentId + ": the split plan has no split '"
                + Printable.of(String.valueOf(id), Split.MAX_ID_LENGTH) + "'; it has " + entries.size() + " splits"
                + (entries.isEmpty() ? "" : ", from '" + entries.get(0).split().id() + "' to '"
                        + entries.get(entries.size() - 1).split().id() + "'"));
    }

    /**
     * The plan of another pass over the same splits: every split pending again, each to be read from its
     * {@linkplain Entry#lastCheckpoint() final checkpoint}, so that a source that grows (rows with higher keys, lines
     * appended) is read from where the last pass ended. The splits are not made again.
     *
     * @throws IllegalStateException when this plan is not {@linkplain #isFinished() finished}
     */
    public SplitPlan nextPass() {
        if (!isFinished()) {
            throw new IllegalStateException(componentId + ": a next pass starts once every split is finished; "
                    + pending().size() + " are pending");
        }
        List<Entry> updated = new ArrayList<>();
        for (Entry entry : entries) {
            updated.add(new Entry(entry.split(), Status.PENDING, entry.lastCheckpoint()));
        }
        return new SplitPlan(componentId, configurationVersion, configuration, true, updated);
    }

    /**
     * This plan with {@code more} splits appended, pending.
     *
     * @param nowComplete whether splitting is complete after them
     * @throws IllegalStateException when this plan is complete already
     * @throws IllegalArgumentException when a split id is in the plan already
     */
    public SplitPlan adding(List<Split> more, boolean nowComplete) {
        if (complete) {
            throw new IllegalStateException(componentId + ": the split plan is complete; no split can be added");
        }
        List<Entry> updated = new ArrayList<>(entries);
        for (Split split : more) {
            updated.add(new Entry(split, Status.PENDING));
        }
        return new SplitPlan(componentId, configurationVersion, configuration, nowComplete, updated);
    }

    /**
     * Checks that this plan was made from {@code mapper}'s configuration, as a resume must before reading on:
     * the same component, configuration version and keys and values (credentials aside).
     *
     * @throws SplitPlanMismatchException naming what changed, with {@link #checkAgainst(Mapper, String)}'s default
     *     way to start over
     */
    public void checkAgainst(Mapper mapper) {
        checkAgainst(mapper, DEFAULT_HOW_TO_START_OVER);
    }

    /**
     * As {@link #checkAgainst(Mapper)}, the message saying how this host's users start over.
     *
     * @param howToStartOver completes "to start over from the new configuration, ...", for example a runner's
     *     {@code "delete the job's checkpoints (ck checkpoint delete --job ID --yes) and run it again"}
     * @throws SplitPlanMismatchException naming the component, what changed and how to start over
     */
    public void checkAgainst(Mapper mapper, String howToStartOver) {
        Objects.requireNonNull(howToStartOver, "howToStartOver");
        String id = mapper.componentId();
        String problem = null;
        List<SplitPlanMismatchException.Change> changes = new ArrayList<>();
        if (!id.equals(componentId)) {
            problem = "the split plan was made for the component " + componentId + ", not " + id;
        } else if (mapper.configurationVersion() != configurationVersion) {
            problem = "the split plan was made from configuration version " + configurationVersion + ", not "
                    + mapper.configurationVersion();
        } else {
            Map<String, String> current = mapper.nonSecretConfiguration();
            TreeSet<String> keys = new TreeSet<>(configuration.keySet());
            keys.addAll(current.keySet());
            for (String key : keys) {
                String planned = configuration.get(key);
                String now = current.get(key);
                if (!Objects.equals(planned, now)) {
                    changes.add(new SplitPlanMismatchException.Change(key, planned, now));
                }
            }
            if (!changes.isEmpty()) {
                StringBuilder listed = new StringBuilder();
                int shown = Math.min(changes.size(), ConfigurationException.LISTED);
                for (int i = 0; i < shown; i++) {
                    listed.append(i == 0 ? "" : "; ").append(changes.get(i));
                }
                if (changes.size() > shown) {
                    listed.append("; and ").append(changes.size() - shown).append(" more");
                }
                problem = "the configuration differs from the one its split plan was made from (fingerprint "
                        + fingerprint.substring(0, 16) + ", " + entries.size() + " splits): " + listed;
            }
        }
        if (problem != null) {
            throw new SplitPlanMismatchException(id, id + ": " + problem + ". A resume never splits again, so it "
                    + "cannot follow another configuration: to resume, run with the plan's configuration; to start "
                    + "over from the new configuration, " + howToStartOver + ".", changes);
        }
    }

    /**
     * {@code {"__version": 1, "component": "file/folder-input", "configurationVersion": 1, "fingerprint": "...",
     * "configuration": {...}, "complete": true, "splits": [{"status": "PENDING", "split": {...}}, ...]}}, each split
     * as {@link Split#toJson()} writes it, and a finished split's {@code "lastCheckpoint": {"$checkpoint": {...}}}
     * when it has one (an optional field: plans without it read as before).
     */
    public JsonObject toJson() {
        JsonArrayBuilder splits = JSON.createArrayBuilder();
        for (Entry entry : entries) {
            var json = JSON.createObjectBuilder()
                    .add("status", entry.status().name())
                    .add("split", entry.split().toJson());
            if (entry.lastCheckpoint() != null) {
                json.add("lastCheckpoint", entry.lastCheckpoint().toJson());
            }
            splits.add(json);
        }
        return JSON.createObjectBuilder()
                .add(CheckpointState.VERSION_KEY, FORMAT)
                .add("component", componentId)
                .add("configurationVersion", configurationVersion)
                .add("fingerprint", fingerprint)
                .add("configuration", Split.configurationJson(configuration))
                .add("complete", complete)
                .add("splits", splits)
                .build();
    }

    /**
     * Reads {@link #toJson()} back.
     *
     * @throws IllegalArgumentException naming what is missing or wrong: a field, a status, a split, a {@code __version}
     *     this runtime cannot read, or a fingerprint that does not match the configuration (a plan changed by hand)
     */
    public static SplitPlan fromJson(JsonObject json) {
        Objects.requireNonNull(json, "json");
        String what = "a split plan";
        int format = Split.integer(json, CheckpointState.VERSION_KEY, what);
        if (format != FORMAT) {
            throw new IllegalArgumentException("a split plan of format " + format + " cannot be read: this runtime "
                    + "reads format " + FORMAT + (format > FORMAT ? "; it was written by a newer Connector Kit" : ""));
        }
        JsonValue complete = json.get("complete");
        if (complete != JsonValue.TRUE && complete != JsonValue.FALSE) {
            throw new IllegalArgumentException(what + " needs \"complete\", true or false, got " + complete);
        }
        JsonValue splits = json.get("splits");
        if (splits == null || splits.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new IllegalArgumentException(what + " needs \"splits\", an array, got " + splits);
        }
        List<Entry> entries = new ArrayList<>();
        for (JsonValue item : splits.asJsonArray()) {
            if (!(item instanceof JsonObject entry) || !(entry.get("split") instanceof JsonObject split)) {
                throw new IllegalArgumentException(what + ": split #" + (entries.size() + 1)
                        + " must be {\"status\": ..., \"split\": {...}}, got " + item);
            }
            String status = Split.string(entry, "status", what + ", split #" + (entries.size() + 1));
            Status parsed;
            try {
                parsed = Status.valueOf(status);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(what + ": split #" + (entries.size() + 1) + " has the status '"
                        + Printable.of(status, 40) + "', expected PENDING or FINISHED", e);
            }
            JsonValue last = entry.get("lastCheckpoint");
            CheckpointState lastCheckpoint = null;
            if (last != null && last != JsonValue.NULL) {
                if (!(last instanceof JsonObject lastJson)) {
                    throw new IllegalArgumentException(what + ": split #" + (entries.size() + 1) + " has a "
                            + "\"lastCheckpoint\" that is not {\"$checkpoint\": {...}}, got " + last);
                }
                lastCheckpoint = CheckpointState.fromJson(lastJson);
            }
            entries.add(new Entry(Split.fromJson(split), parsed, lastCheckpoint));
        }
        SplitPlan plan = new SplitPlan(Split.string(json, "component", what),
                Split.integer(json, "configurationVersion", what), Split.configurationOf(json, what),
                complete == JsonValue.TRUE, entries);
        String recorded = Split.string(json, "fingerprint", what);
        if (!recorded.equals(plan.fingerprint)) {
            throw new IllegalArgumentException(what + " of " + plan.componentId + " records the fingerprint "
                    + Printable.of(recorded, 80) + ", but its configuration's is " + plan.fingerprint
                    + ": the plan was changed after it was written; start the job over");
        }
        return plan;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SplitPlan that && toJson().equals(that.toJson());
    }

    @Override
    public int hashCode() {
        return toJson().hashCode();
    }

    @Override
    public String toString() {
        return "SplitPlan[" + componentId + ", " + entries.size() + " splits, " + pending().size() + " pending, "
                + (complete ? "complete" : "incomplete") + "]";
    }
}
