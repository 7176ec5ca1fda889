package io.connectorkit.store.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.store.CheckpointEnvelope;
import io.connectorkit.store.StoreOptions;
import io.connectorkit.store.WriterLostException;
import io.connectorkit.store.s3.testserver.S3TestServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Two writers of one job, both past the claim (the second took it over while the first was still writing, as after
 * a pause longer than the claim's staleness): each generation is written by exactly one of them, the loser stops
 * with a {@link WriterLostException}, and every generation a save reported is in the bucket as that save wrote it.
 */
class S3WritersRaceTest {

    private static final String JOB = "race";
    private static final String PART = "0";

    private final S3TestServer server = S3TestServer.shared();
    private final S3Client raw = server.client();
    private final S3Location location = server.newLocation();
    private final S3Keys keys = new S3Keys(location);

    private static JsonObject checkpoint(String writer, int n) {
        return Json.createObjectBuilder().add("$checkpoint", Json.createObjectBuilder().add("writer", writer)
                .add("n", n)).build();
    }

    /**
     * The server's side of the guarantee: of eight concurrent {@code If-None-Match: *} writes of one key, the object
     * ends up holding exactly one writer's bytes and no other writer is told it succeeded. (The writer whose bytes are
     * there may itself hear 412: the SDK retries a request whose connection failed after it had landed, as the store
     * knows, which reads the object back in that case.)
     */
    @Test
    void theServerLetsAtMostOneOfManyConcurrentIfNoneMatchWritesOfAKeyThrough() throws Exception {
        String key = location.prefix() + "contended";
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Boolean>> writes = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String body = "writer-" + i;
                writes.add(pool.submit(() -> {
                    go.await();
                    try {
                        raw.putObject(b -> b.bucket(location.bucket()).key(key).ifNoneMatch("*"),
                                RequestBody.fromString(body));
                        return true;
                    } catch (S3Exception e) {
                        assertEquals(412, e.statusCode(), e.getMessage());
                        return false;
                    }
                }));
            }
            go.countDown();
            List<String> toldSuccess = new ArrayList<>();
            for (int i = 0; i < writes.size(); i++) {
                if (writes.get(i).get()) {
                    toldSuccess.add("writer-" + i);
                }
            }
            String stored = raw.getObjectAsBytes(b -> b.bucket(location.bucket()).key(key)).asUtf8String();
            assertTrue(stored.matches("writer-[0-7]"), stored);
            assertTrue(toldSuccess.isEmpty() || toldSuccess.equals(List.of(stored)),
                    "only the writer whose bytes are stored may be told it succeeded: told " + toldSuccess
                            + ", stored " + stored);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aWriterThatFindsItsNextGenerationTakenStopsAndOverwritesNothing() {
        try (S3CheckpointStore first = server.store(location).build();
             S3CheckpointStore second = server.store(location).build()) {
            CheckpointEnvelope one = first.save(JOB, PART, "c", checkpoint("first", 1));
            raw.deleteObject(b -> b.bucket(location.bucket()).key(keys.claim(JOB))); // second gets past the claim
            CheckpointEnvelope two = second.save(JOB, PART, "c", checkpoint("second", 1));
            assertEquals(2, two.generation());

            WriterLostException lost = org.junit.jupiter.api.Assertions.assertThrows(WriterLostException.class,
                    () -> first.save(JOB, PART, "c", checkpoint("first", 2)));
            assertTrue(lost.getMessage().contains("another writer") && lost.getMessage().contains("generation 2"),
                    lost.getMessage());
            org.junit.jupiter.api.Assertions.assertThrows(WriterLostException.class,
                    () -> first.save(JOB, PART, "c", checkpoint("first", 3)), "and it saves nothing more");
            assertEquals(one, second.load(JOB, PART, 1).orElseThrow());
            assertEquals(two, second.loadLatest(JOB, PART).orElseThrow(), "generation 2 is the second writer's");
        }
    }

    @Test
    void twoWritersRacingForTheSameJobNeverBothWriteAGeneration() throws Exception {
        StoreOptions keepAll = StoreOptions.DEFAULTS.withRetention(1000);
        try (S3CheckpointStore first = server.store(location).options(keepAll).build();
             S3CheckpointStore second = server.store(location).options(keepAll).build()) {
            first.save(JOB, PART, "c", checkpoint("first", 0));
            raw.deleteObject(b -> b.bucket(location.bucket()).key(keys.claim(JOB)));
            second.lockForWriting(JOB);
            second.save(JOB, PART, "c", checkpoint("second", 0)); // listed: both now know generations up to 2

            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                CountDownLatch go = new CountDownLatch(1);
                Future<Outcome> a = pool.submit(writer(first, "first", go));
                Future<Outcome> b = pool.submit(writer(second, "second", go));
                go.countDown();
                Outcome firstOutcome = a.get();
                Outcome secondOutcome = b.get();

                Map<Long, CheckpointEnvelope> reported = new TreeMap<>();
                for (Outcome outcome : List.of(firstOutcome, secondOutcome)) {
                    for (CheckpointEnvelope saved : outcome.saved) {
                        CheckpointEnvelope other = reported.put(saved.generation(), saved);
                        assertEquals(null, other, "generation " + saved.generation() + " reported saved twice");
                    }
                }
                assertTrue(firstOutcome.lost != null || secondOutcome.lost != null,
                        "the second writer's first save already collided with the first writer's cached numbers: "
                                + "one of them must have stopped");
                List<Long> inBucket = new ArrayList<>();
                for (long generation = 1; ; generation++) {
                    var stored = second.load(JOB, PART, generation);
                    if (stored.isEmpty()) {
                        break;
                    }
                    inBucket.add(generation);
                    if (reported.containsKey(generation)) {
                        assertEquals(reported.get(generation), stored.get(), "generation " + generation
                                + " holds exactly what the save that reported it wrote");
                    }
                }
                assertEquals(LongStream.rangeClosed(1, inBucket.size()).boxed().toList(), inBucket, "no gap");
                assertTrue(inBucket.containsAll(reported.keySet()), "no reported save is lost: " + reported.keySet()
                        + " vs " + inBucket);
                assertEquals(inBucket.size(), reported.size() + 2, "every object is a reported save (or one of the two "
                        + "saves before the race)");
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /** What one racing writer saw: the envelopes its saves returned, and the loss that stopped it, if any. */
    private record Outcome(List<CheckpointEnvelope> saved, WriterLostException lost) {
    }

    private static Callable<Outcome> writer(S3CheckpointStore store, String name, CountDownLatch go) {
        return () -> {
            go.await();
            List<CheckpointEnvelope> saved = new ArrayList<>();
            for (int n = 1; n <= 20; n++) {
                try {
                    saved.add(store.save(JOB, PART, "c", checkpoint(name, n)));
                } catch (WriterLostException e) {
                    return new Outcome(saved, e);
                }
            }
            return new Outcome(saved, null);
        };
    }
}
