package io.connectorkit.store.s3;

import io.connectorkit.store.CheckpointStoreException;
import io.connectorkit.store.OwnerId;
import io.connectorkit.store.WriterLostException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * The writer claim of one job: the object {@code <job>/writer.json} naming its owner, created with
 * {@code If-None-Match: *} (so two writers cannot both create it), refreshed by a heartbeat with {@code If-Match} on
 * the ETag this writer last wrote (so a writer whose claim was taken over finds out instead of taking it back), and
 * deleted on release only if it is still this writer's.
 *
 * <p>A claim left by a writer that stopped (a killed process) is taken over at once when its owner was a process of
 * this machine that has ended ({@link OwnerId#provesEnded}), else once it has not been refreshed for
 * {@code staleAfter}, measured with the server's clock (its {@code Date} against the object's
 * {@code Last-Modified}). Taking over is itself an {@code If-Match} write: of two writers taking over one stale claim,
 * one wins. The claim only makes a second writer fail fast; the generations' own {@code If-None-Match} writes are
 * what guarantees that no generation is ever written twice. Not thread-safe: the store calls it holding its lock.
 */
final class S3JobClaim {

    private final S3Objects objects;
    private final String store;
    private final String job;
    private final String key;
    private final OwnerId owner;
    private final Clock clock;
    private String etag;
    private long beats;
    private WriterLostException lost;

    private S3JobClaim(S3Objects objects, String store, String job, String key, OwnerId owner, Clock clock,
                       String etag) {
        this.objects = objects;
        this.store = store;
        this.job = job;
        this.key = key;
        this.owner = owner;
        this.clock = clock;
        this.etag = etag;
    }

    /**
     * Claims {@code job} for {@code owner}.
     *
     * @throws CheckpointStoreException "job '...' is locked by another writer" naming the holder and its last
     *     heartbeat, when the claim is held and neither provably ended nor stale
     */
    static S3JobClaim acquire(S3Objects objects, String store, String job, String key, OwnerId owner,
                              Duration staleAfter, Clock clock) {
        // Three times: the claim may be released or refreshed between our failed create, our read and our takeover.
        String refusal = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            byte[] body = body(owner, clock, 0);
            Optional<String> created = objects.putIfAbsent(job, key, body);
            if (created.isPresent()) {
                requireConditionalWrites(objects, store, job, key, body);
                return new S3JobClaim(objects, store, job, key, owner, clock, created.get());
            }
            Optional<S3Objects.Blob> held = objects.get(job, key, 64 * 1024);
            if (held.isEmpty()) {
                continue;
            }
            S3Objects.Blob blob = held.get();
            String holder = holder(blob.bytes());
            if (holder.equals(owner.toString())) {
                // Ours: the SDK retried a create that had succeeded before its answer was lost.
                return new S3JobClaim(objects, store, job, key, owner, clock, blob.etag());
            }
            Instant now = blob.serverNow() != null ? blob.serverNow() : clock.instant();
            Duration silent = blob.lastModified() == null ? Duration.ZERO
                    : Duration.between(blob.lastModified(), now);
            boolean ended = owner.provesEnded(holder);
            if (ended || silent.compareTo(staleAfter) > 0) {
                Optional<String> taken = objects.replaceIfMatch(job, key, body(owner, clock, 0), blob.etag());
                if (taken.isPresent()) {
                    System.getLogger(S3CheckpointStore.class.getName()).log(System.Logger.Level.WARNING,
                            store + ": job '" + job + "' (" + key + "): took over the writer claim of " + holder
                                    + (ended ? ", a process of this machine that has ended"
                                    : ", silent for " + silent.toSeconds() + " s"));
                    return new S3JobClaim(objects, store, job, key, owner, clock, taken.get());
                }
                refusal = "the writer claim changed while taking it over from " + holder;
                continue; // changed since we read it: read it again
            }
            throw new CheckpointStoreException(store + ": job '" + job + "' is locked by another writer (" + key
                    + " names " + holder + ", last refreshed " + silent.toSeconds() + " s ago; it is taken over once "
                    + "silent for " + staleAfter.toSeconds() + " s, or at once from this machine when that process "
                    + "has ended)");
        }
        throw new CheckpointStoreException(store + ": job '" + job + "' is locked by another writer (" + key + "): "
                + (refusal != null ? refusal : "the writer claim kept appearing and disappearing while claiming it")
                + "; is another writer starting and stopping?");
    }

    /**
     * Creates the claim just created a second time, which must be refused: a server that ignores
     * {@code If-None-Match: *} would let two writers write one generation, and is refused before anything is saved.
     * One request per job and run.
     */
    private static void requireConditionalWrites(S3Objects objects, String store, String job, String key,
                                                 byte[] body) {
        if (objects.putIfAbsent(job, key, body).isPresent()) {
            throw new CheckpointStoreException(store + ": job '" + job + "' (" + key + "): the server does not honour "
                    + "conditional writes: a second PutObject with If-None-Match: * of an existing key succeeded "
                    + "instead of failing with 412; this store needs them to keep one writer per generation, so it "
                    + "writes nothing there (use AWS S3 or a server that implements conditional writes)");
        }
    }

    /**
     * Refreshes the claim.
     *
     * @throws WriterLostException when someone else holds it now (and from then on)
     */
    void heartbeat() {
        requireHeld();
        byte[] body = body(owner, clock, ++beats);
        Optional<String> refreshed = objects.replaceIfMatch(job, key, body, etag);
        if (refreshed.isEmpty()) {
            // The SDK may have retried this very write after it had landed: then the claim holds this beat's bytes.
            Optional<S3Objects.Blob> now = objects.get(job, key, 64 * 1024);
            if (now.isPresent() && Arrays.equals(now.get().bytes(), body)) {
                etag = now.get().etag();
                return;
            }
            lost = new WriterLostException(job, store + ": job '" + job + "' (" + key + "): another writer took over "
                    + "this writer's claim; this writer saves nothing more for the job");
            throw lost;
        }
        etag = refreshed.get();
    }

    /** @throws WriterLostException when the claim was found lost */
    void requireHeld() {
        if (lost != null) {
            throw lost;
        }
    }

    /** Marks the claim lost, for a writer that found another one's generation where it was writing. */
    WriterLostException lose(String why) {
        if (lost == null) {
            lost = new WriterLostException(job, store + ": job '" + job + "': another writer is writing the job: "
                    + why + "; this writer saves nothing more for the job");
        }
        return lost;
    }

    boolean isLost() {
        return lost != null;
    }

    /** Deletes the claim if it is still this writer's. */
    void release() {
        if (lost == null) {
            objects.deleteIfMatch(job, key, etag);
        }
    }

    String job() {
        return job;
    }

    private static byte[] body(OwnerId owner, Clock clock, long beat) {
        return Json.createObjectBuilder().add("owner", owner.toString()).add("at", clock.instant().toString())
                .add("beat", beat).build().toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The owner a claim object names, or a description of what it holds instead. */
    private static String holder(byte[] bytes) {
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(bytes))) {
            JsonObject claim = reader.readObject();
            return claim.getString("owner");
        } catch (RuntimeException e) {
            return "an unreadable claim";
        }
    }
}
