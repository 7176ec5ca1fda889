package io.connectorkit.store.s3;

import io.connectorkit.store.CheckpointStoreException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The few S3 requests an {@link S3CheckpointStore} makes, on one bucket, with S3's failures turned into
 * {@link CheckpointStoreException}s naming the store, the job and the key (the SDK's messages name the error code and
 * request id, never credentials). A failed precondition (412) is an answer here, not an error. Thread-safe.
 */
final class S3Objects {

    /** An object read back: its bytes (empty when it was larger than asked), its ETag, and the server's times. */
    record Blob(byte[] bytes, boolean tooLarge, String etag, Instant lastModified, Instant serverNow) {
    }

    /** A key found by a listing, with its last modification (the server's clock). */
    record Listed(String key, Instant lastModified) {
    }

    private static final int PRECONDITION_FAILED = 412;
    private static final int NOT_FOUND = 404;
    private static final int NOT_IMPLEMENTED = 501;

    private final S3Client client;
    private final String bucket;
    private final String store;

    S3Objects(S3Client client, String bucket, String store) {
        this.client = client;
        this.bucket = bucket;
        this.store = store;
    }

    /**
     * Writes {@code bytes} at {@code key} only if no object is there ({@code If-None-Match: *}).
     *
     * @return the new ETag, or empty when an object was already there (412)
     */
    Optional<String> putIfAbsent(String job, String key, byte[] bytes) {
        try {
            return Optional.of(client.putObject(b -> b.bucket(bucket).key(key).ifNoneMatch("*")
                    .contentType("application/json"), RequestBody.fromBytes(bytes)).eTag());
        } catch (S3Exception e) {
            if (e.statusCode() == PRECONDITION_FAILED) {
                return Optional.empty();
            }
            throw failed(job, key, "cannot write", e);
        } catch (SdkException e) {
            throw failed(job, key, "cannot write", e);
        }
    }

    /**
     * Replaces the object at {@code key} only if its ETag is still {@code etag} ({@code If-Match}).
     *
     * @return the new ETag, or empty when the object changed or went away (412, 404)
     */
    Optional<String> replaceIfMatch(String job, String key, byte[] bytes, String etag) {
        try {
            return Optional.of(client.putObject(b -> b.bucket(bucket).key(key).ifMatch(etag)
                    .contentType("application/json"), RequestBody.fromBytes(bytes)).eTag());
        } catch (S3Exception e) {
            if (e.statusCode() == PRECONDITION_FAILED || e.statusCode() == NOT_FOUND) {
                return Optional.empty();
            }
            throw failed(job, key, "cannot replace", e);
        } catch (SdkException e) {
            throw failed(job, key, "cannot replace", e);
        }
    }

    /** Writes {@code bytes} at {@code key}, whatever is there. */
    void put(String job, String key, byte[] bytes) {
        try {
            client.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(bytes));
        } catch (SdkException e) {
            throw failed(job, key, "cannot write", e);
        }
    }

    /**
     * The object at {@code key}, read up to {@code maxBytes}.
     *
     * @return empty when there is none
     */
    Optional<Blob> get(String job, String key, long maxBytes) {
        try (ResponseInputStream<GetObjectResponse> in = client.getObject(b -> b.bucket(bucket).key(key))) {
            GetObjectResponse response = in.response();
            Instant serverNow = response.sdkHttpResponse().firstMatchingHeader("Date")
                    .map(S3Objects::httpDate).orElse(null);
            Long length = response.contentLength();
            if (length != null && length > maxBytes) {
                return Optional.of(new Blob(new byte[0], true, response.eTag(), response.lastModified(), serverNow));
            }
            byte[] bytes = readAtMost(in, maxBytes);
            boolean tooLarge = bytes.length > maxBytes;
            return Optional.of(new Blob(tooLarge ? new byte[0] : bytes, tooLarge, response.eTag(),
                    response.lastModified(), serverNow));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == NOT_FOUND) {
                return Optional.empty();
            }
            throw failed(job, key, "cannot read", e);
        } catch (SdkException | IOException | UncheckedIOException e) {
            throw failed(job, key, "cannot read", e);
        }
    }

    /** Whether an object is at {@code key}. */
    boolean exists(String job, String key) {
        try {
            client.headObject(b -> b.bucket(bucket).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == NOT_FOUND) {
                return false;
            }
            throw failed(job, key, "cannot look up", e);
        } catch (SdkException e) {
            throw failed(job, key, "cannot look up", e);
        }
    }

    /** Every key under {@code prefix}, in S3's order (by key), page after page. */
    List<Listed> list(String job, String prefix) {
        List<Listed> keys = new ArrayList<>();
        try {
            ListObjectsV2Request request = ListObjectsV2Request.builder().bucket(bucket).prefix(prefix).build();
            for (ListObjectsV2Response page : client.listObjectsV2Paginator(request)) {
                for (S3Object object : page.contents()) {
                    keys.add(new Listed(object.key(), object.lastModified()));
                }
            }
            return keys;
        } catch (SdkException e) {
            throw failed(job, prefix, "cannot list", e);
        }
    }

    /** Deletes the object at {@code key}; nothing there is not an error. */
    void delete(String job, String key) {
        try {
            client.deleteObject(b -> b.bucket(bucket).key(key));
        } catch (SdkException e) {
            throw failed(job, key, "cannot delete", e);
        }
    }

    /**
     * Deletes the object at {@code key} only if its ETag is still {@code etag}. Where the server has no conditional
     * delete (501, as many S3-compatible servers), it reads the object's ETag first and deletes if it matches: a
     * change between the two requests is then not seen.
     *
     * @return false when it changed (412)
     */
    boolean deleteIfMatch(String job, String key, String etag) {
        try {
            client.deleteObject(b -> b.bucket(bucket).key(key).ifMatch(etag));
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == PRECONDITION_FAILED) {
                return false;
            }
            if (e.statusCode() == NOT_FOUND) {
                return true;
            }
            if (e.statusCode() == NOT_IMPLEMENTED) {
                Optional<Blob> current = get(job, key, 64 * 1024);
                if (current.isEmpty()) {
                    return true;
                }
                if (!etag.equals(current.get().etag())) {
                    return false;
                }
                delete(job, key);
                return true;
            }
            throw failed(job, key, "cannot delete", e);
        } catch (SdkException e) {
            throw failed(job, key, "cannot delete", e);
        }
    }

    /** Closes the client. */
    void close() {
        client.close();
    }

    CheckpointStoreException failed(String job, String key, String what, Exception e) {
        return new CheckpointStoreException(store + ": " + (job == null ? "" : "job '" + job + "' ") + "(" + key
                + "): " + what + " the object: " + e.getMessage(), e);
    }

    private static byte[] readAtMost(InputStream in, long maxBytes) throws IOException {
        // One byte more than allowed tells "too large" from "exactly the limit".
        return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
    }

    private static Instant httpDate(String value) {
        try {
            return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (RuntimeException e) {
            return null; // a server with an odd Date header: staleness is then judged by this machine's clock
        }
    }
}
