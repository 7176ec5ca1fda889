package io.connectorkit.store.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.api.input.checkpoint.Checkpoint.Frequency;
import io.connectorkit.runtime.ComponentManager;
import io.connectorkit.runtime.Input;
import io.connectorkit.store.AsyncCheckpointWriter;
import io.connectorkit.store.AsyncCheckpointWriter.RetryPolicy;
import io.connectorkit.store.Audit;
import io.connectorkit.store.CheckpointEnvelope;
import io.connectorkit.store.CheckpointStore;
import io.connectorkit.store.CheckpointStoreException;
import io.connectorkit.store.FileCheckpointStore;
import io.connectorkit.store.FileStoreFaults;
import io.connectorkit.store.ForwardingCheckpointStore;
import io.connectorkit.store.InMemoryCheckpointStore;
import io.connectorkit.store.StoreOptions;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Random record counts × checkpoint frequencies × crash points × store faults, through {@link ComponentManager} and a
 * real store (in memory, or files in a temp folder). A crash abandons the input without {@code stop()}; the next run
 * resumes from the store's latest checkpoint, as a host does.
 *
 * <p>Invariants: every record is received at least once; after each crash the next run repeats at most the records
 * received since the last checkpoint the host saw saved; generations strictly increase; every checkpoint reported
 * saved (the envelope {@code save} returned, {@link AsyncCheckpointWriter#lastSaved()}) is loadable afterwards.
 */
class CrashResumePropertyTest {

    private static final String JOB = "prop-job";
    private static final String PARTITION = "0";

    private static final AtomicLong TRIES = new AtomicLong();
    private static final AtomicLong CRASHES = new AtomicLong();
    private static final AtomicLong FAULTS = new AtomicLong();
    private static final AtomicLong RECORDS = new AtomicLong();
    private static final AtomicLong DUPLICATES = new AtomicLong();
    private static final AtomicLong BOUND = new AtomicLong();
    private static final AtomicLong SAVES = new AtomicLong();

    /** The fixture emitter driven: its component name, and the index of a record. */
    enum Fixture {
        COUNTER("counter"), COUNTER_EVERY_3("counter-every-3"), BATCHED("batched");

        private final String name;

        Fixture(String name) {
            this.name = name;
        }

        String componentName() {
            return name;
        }

        int index(Object record) {
            return record instanceof String s ? Integer.parseInt(s.substring(1)) : ((Long) record).intValue();
        }
    }

    /** Where checkpoints go, and how a save fails. */
    enum StoreKind { MEMORY, FILE }

    /** Which save fails: none, before the store writes (nothing saved), or after (saved, but reported failed). */
    enum SaveFault { NONE, BEFORE_SAVE, AFTER_SAVE, FILE_CREATE, FILE_WRITE, FILE_FORCE, FILE_MOVE, FILE_FORCE_DIRECTORY }

    @AfterContainer
    static void printFigures() {
        System.out.printf("crash/resume properties: %d tries, %d crashes, %d store faults injected, %d checkpoints "
                        + "saved, %d records, 0 lost, %d duplicates against a bound of %d%n",
                TRIES.get(), CRASHES.get(), FAULTS.get(), SAVES.get(), RECORDS.get(), DUPLICATES.get(), BOUND.get());
    }

    @Provide
    Arbitrary<SaveFault> faults() {
        return Arbitraries.of(SaveFault.class);
    }

    /** Synchronous saves from the checkpoint callback: duplicates are bounded by one interval per crash. */
    @Property(tries = 200)
    void synchronousSavesLoseNothingAndRepeatAtMostTheRecordsAfterTheLastDurableCheckpoint(
            @ForAll Fixture fixture,
            @ForAll @IntRange(min = 0, max = 120) int total,
            @ForAll @IntRange(min = 1, max = 7) int batch,
            @ForAll @IntRange(min = 0, max = 9) int hostEvery,
            @ForAll @Size(max = 5) List<@IntRange(min = 1, max = 60) Integer> crashAfter,
            @ForAll("faults") SaveFault fault,
            @ForAll @IntRange(min = 1, max = 12) int faultOnSave,
            @ForAll StoreKind storeKind,
            @ForAll @IntRange(min = 1, max = 4) int retention) throws IOException {
        TRIES.incrementAndGet();
        Quiet.run(() -> {
        Path dir = Files.createTempDirectory("ck-prop");
        AtomicInteger injected = new AtomicInteger();
        try (CheckpointStore store = store(storeKind, fault, faultOnSave, retention, dir, injected);
                ComponentManager manager = manager(hostEvery)) {
            BitSet seen = new BitSet();
            List<Long> generations = new ArrayList<>();
            long sinceDurable = 0;
            int run = 0;
            boolean finished = false;
            while (!finished) {
                assertTrue(run <= crashAfter.size() + 20, "the job does not progress");
                int crashAt = run < crashAfter.size() ? crashAfter.get(run) : Integer.MAX_VALUE;
                run++;
                Input input = manager.findMapper("test", fixture.componentName(), 1,
                        configuration(fixture, total, batch, store)).orElseThrow().create();
                long[] durable = {sinceDurable};
                List<Integer> received = new ArrayList<>();
                input.start(checkpoint -> {
                    CheckpointEnvelope saved = store.save(JOB, PARTITION, "test/" + fixture.componentName(),
                            checkpoint.toJson());
                    SAVES.incrementAndGet();
                    // Reported saved: it must be the latest, loadable, and after every earlier generation.
                    assertTrue(generations.isEmpty() || saved.generation() > generations.get(generations.size() - 1),
                            () -> "generation " + saved.generation() + " after " + generations);
                    generations.add(saved.generation());
                    assertEquals(Optional.of(saved), store.loadLatest(JOB, PARTITION));
                    assertEquals(Optional.of(saved), store.load(JOB, PARTITION, saved.generation()));
                    durable[0] = 0;
                });
                boolean crashed = false;
                try {
                    for (Object record = input.next(); record != null; record = input.next()) {
                        received.add(fixture.index(record));
                        durable[0]++;
                        if (received.size() == crashAt) {
                            crashed = true; // abandoned: no stop(), no final checkpoint
                            break;
                        }
                    }
                    if (!crashed) {
                        input.stop();
                        finished = true;
                    }
                } catch (CheckpointStoreException e) {
                    crashed = true; // the save failed: the host gives up as a crash would
                }
                // Records repeated by this run: a prefix of it, at most what the previous crash left undurable.
                long repeated = received.stream().filter(seen::get).count();
                for (int i = 0; i < repeated; i++) {
                    assertTrue(seen.get(received.get(i)), "repeated records come first: " + received);
                }
                long bound = sinceDurable;
                assertTrue(repeated <= bound, () -> "run " + received + " repeats " + repeated
                        + " records but only " + bound + " were not covered by a durable checkpoint");
                DUPLICATES.addAndGet(repeated);
                BOUND.addAndGet(sinceDurable);
                received.forEach(seen::set);
                RECORDS.addAndGet(received.size());
                sinceDurable = durable[0];
                if (crashed) {
                    CRASHES.incrementAndGet();
                }
                if (!finished && !crashed) {
                    break;
                }
            }
            assertEquals(total, seen.cardinality(), "records lost");
            assertEquals(total, seen.nextClearBit(0));
            FAULTS.addAndGet(injected.get());
        } finally {
            FuzzInputs.deleteTree(dir);
        }
        });
    }

    /** Background saves: nothing lost, and what the writer reports saved is loadable and newest-so-far. */
    @Property(tries = 60)
    void asynchronousSavesLoseNothingAndReportOnlyLoadableCheckpoints(
            @ForAll Fixture fixture,
            @ForAll @IntRange(min = 0, max = 150) int total,
            @ForAll @IntRange(min = 1, max = 7) int batch,
            @ForAll @IntRange(min = 0, max = 9) int hostEvery,
            @ForAll @Size(max = 4) List<@IntRange(min = 1, max = 80) Integer> crashAfter,
            @ForAll @IntRange(min = 0, max = 8) int failSave,
            @ForAll StoreKind storeKind) throws IOException {
        TRIES.incrementAndGet();
        Quiet.run(() -> {
        Path dir = Files.createTempDirectory("ck-prop");
        try (CheckpointStore real = storeKind == StoreKind.FILE
                ? new FileCheckpointStore(dir, StoreOptions.DEFAULTS.withRetention(3))
                : new InMemoryCheckpointStore(StoreOptions.DEFAULTS.withRetention(3));
                ComponentManager manager = manager(hostEvery)) {
            BitSet seen = new BitSet();
            List<Long> generations = new ArrayList<>();
            List<String> violations = new ArrayList<>();
            boolean finished = false;
            for (int run = 0; !finished; run++) {
                int crashAt = run < crashAfter.size() ? crashAfter.get(run) : Integer.MAX_VALUE;
                KillableStore store = new KillableStore(real, failSave);
                Input input = manager.findMapper("test", fixture.componentName(), 1,
                        configuration(fixture, total, batch, real)).orElseThrow().create();
                AsyncCheckpointWriter writer = AsyncCheckpointWriter.builder(store, JOB, PARTITION)
                        .retry(new RetryPolicy(3, Duration.ZERO, Duration.ZERO)).onSaved(saved -> {
                            // Recorded, not asserted here: an AssertionError would only kill the writer thread.
                            synchronized (generations) {
                                if (!generations.isEmpty()
                                        && saved.generation() <= generations.get(generations.size() - 1)) {
                                    violations.add("generation " + saved.generation() + " after " + generations);
                                }
                                generations.add(saved.generation());
                            }
                        }).start();
                input.start(checkpoint -> writer.submit("test/" + fixture.componentName(), checkpoint.toJson()));
                int received = 0;
                boolean crashed = false;
                for (Object record = input.next(); record != null; record = input.next()) {
                    seen.set(fixture.index(record));
                    RECORDS.incrementAndGet();
                    if (++received == crashAt) {
                        crashed = true;
                        break;
                    }
                }
                if (crashed) {
                    store.kill(); // the process dies: saves still queued never reach the store
                    CRASHES.incrementAndGet();
                } else {
                    input.stop();
                    finished = true;
                }
                try {
                    writer.close();
                } catch (CheckpointStoreException e) {
                    assertTrue(crashed, () -> "a clean stop must save its checkpoints: " + e);
                }
                synchronized (generations) {
                    assertEquals(List.of(), violations, "generations must strictly increase");
                }
                FAULTS.addAndGet(store.injected);
                Optional<CheckpointEnvelope> reported = writer.lastSaved();
                if (reported.isPresent()) {
                    CheckpointEnvelope last = reported.get();
                    assertEquals(Optional.of(last), real.load(JOB, PARTITION, last.generation()),
                            "reported saved but not loadable");
                    assertEquals(last.generation(), real.loadLatest(JOB, PARTITION).orElseThrow().generation());
                    SAVES.addAndGet(1);
                }
            }
            assertEquals(total, seen.cardinality(), "records lost");
        } finally {
            FuzzInputs.deleteTree(dir);
        }
        });
    }

    /** A store that fails its n-th save once (0: never) and refuses every save once killed. */
    private static final class KillableStore extends ForwardingCheckpointStore {
        private final int failSave;
        private int saves;
        private volatile boolean dead;
        volatile int injected;

        KillableStore(CheckpointStore delegate, int failSave) {
            super(delegate);
            this.failSave = failSave;
        }

        void kill() {
            dead = true;
        }

        @Override
        public synchronized CheckpointEnvelope save(String job, String partition, String componentId,
                JsonObject checkpoint, Audit audit) {
            if (dead) {
                throw new CheckpointStoreException("the process is dead");
            }
            if (++saves == failSave) {
                injected++;
                throw new CheckpointStoreException("injected failure of save " + saves);
            }
            return super.save(job, partition, componentId, checkpoint, audit);
        }

        @Override
        public void close() {
            // The real store outlives the runs.
        }
    }

    /** A store that fails its k-th save before or after the real save (the latter: durable, reported failed). */
    private static final class FailingStore extends ForwardingCheckpointStore {
        private final boolean after;
        private final int failOn;
        private final AtomicInteger injected;
        private int saves;

        FailingStore(CheckpointStore delegate, boolean after, int failOn, AtomicInteger injected) {
            super(delegate);
            this.after = after;
            this.failOn = failOn;
            this.injected = injected;
        }

        @Override
        public CheckpointEnvelope save(String job, String partition, String componentId, JsonObject checkpoint,
                Audit audit) {
            boolean fail = ++saves == failOn;
            if (fail && !after) {
                injected.incrementAndGet();
                throw new CheckpointStoreException("injected failure before save " + saves);
            }
            CheckpointEnvelope saved = super.save(job, partition, componentId, checkpoint, audit);
            if (fail) {
                injected.incrementAndGet();
                throw new CheckpointStoreException("injected failure after save " + saves + " was durable");
            }
            return saved;
        }
    }

    private static CheckpointStore store(StoreKind kind, SaveFault fault, int nth, int retention, Path dir,
            AtomicInteger injected) {
        StoreOptions options = StoreOptions.DEFAULTS.withRetention(retention);
        CheckpointStore base;
        switch (fault) {
            case FILE_CREATE, FILE_WRITE, FILE_FORCE, FILE_MOVE, FILE_FORCE_DIRECTORY -> {
                FileStoreFaults.Step step = FileStoreFaults.Step.valueOf(fault.name().substring("FILE_".length()));
                return FileStoreFaults.failingOnce(dir, options, step, nth, injected);
            }
            default -> base = kind == StoreKind.FILE ? new FileCheckpointStore(dir, options)
                    : new InMemoryCheckpointStore(options);
        }
        return switch (fault) {
            case BEFORE_SAVE -> new FailingStore(base, false, nth, injected);
            case AFTER_SAVE -> new FailingStore(base, true, nth, injected);
            default -> base;
        };
    }

    private static ComponentManager manager(int hostEvery) {
        ComponentManager.Builder builder = ComponentManager.builder().checkpointing(true);
        if (hostEvery > 0) {
            builder.checkpointFrequency(Frequency.RECORD, hostEvery);
        }
        return builder.build();
    }

    /** The fixture's configuration, plus the store's latest checkpoint flattened as a host resumes. */
    private static Map<String, String> configuration(Fixture fixture, int total, int batch, CheckpointStore store) {
        Map<String, String> config = new HashMap<>();
        if (fixture == Fixture.BATCHED) {
            for (int i = 0; i < total; i++) {
                config.put("configuration.source.items[" + i + "]", "r" + i);
            }
            config.put("configuration.batch", Integer.toString(batch));
        } else {
            config.put("total", Integer.toString(total));
        }
        store.loadLatest(JOB, PARTITION).ifPresent(saved -> config.putAll(ComponentManager.jsonToMap(saved.checkpoint())));
        return config;
    }
}
