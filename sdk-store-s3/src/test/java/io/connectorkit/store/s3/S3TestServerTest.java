package io.connectorkit.store.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.connectorkit.store.s3.testserver.S3TestServer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** The test server is one the store's guarantees can be tested on: it honours conditional writes. */
class S3TestServerTest {

    private final S3TestServer server = S3TestServer.shared();
    private final S3Client client = server.client();
    private final String key = server.newLocation().prefix() + "object";

    @Test
    void aPutWithIfNoneMatchStarOnAnExistingKeyFailsWith412AndLeavesTheObject() {
        putHearingOwnRetry(b -> b.bucket(S3TestServer.BUCKET).key(key).ifNoneMatch("*"), "first");

        S3Exception refused = assertThrows(S3Exception.class, () -> client.putObject(
                b -> b.bucket(S3TestServer.BUCKET).key(key).ifNoneMatch("*"), RequestBody.fromString("second")));

        assertEquals(412, refused.statusCode());
        assertArrayEquals("first".getBytes(StandardCharsets.UTF_8),
                client.getObjectAsBytes(b -> b.bucket(S3TestServer.BUCKET).key(key)).asByteArray());
    }

    @Test
    void aPutWithIfMatchOnAnotherEtagFailsWith412() {
        String etag = client.putObject(b -> b.bucket(S3TestServer.BUCKET).key(key), RequestBody.fromString("a"))
                .eTag();
        putHearingOwnRetry(b -> b.bucket(S3TestServer.BUCKET).key(key).ifMatch(etag), "b");

        S3Exception refused = assertThrows(S3Exception.class, () -> client.putObject(
                b -> b.bucket(S3TestServer.BUCKET).key(key).ifMatch(etag), RequestBody.fromString("c")));

        assertEquals(412, refused.statusCode());
        assertArrayEquals("b".getBytes(StandardCharsets.UTF_8),
                client.getObjectAsBytes(b -> b.bucket(S3TestServer.BUCKET).key(key)).asByteArray());
    }

    /**
     * A conditional put that must succeed; a 412 is accepted only when the object holds its bytes: the SDK retried
     * the request after its first attempt had landed (a connection failing after the write), as the store allows for.
     */
    private void putHearingOwnRetry(java.util.function.Consumer<PutObjectRequest.Builder> request, String body) {
        try {
            client.putObject(request, RequestBody.fromString(body));
        } catch (S3Exception e) {
            assertEquals(412, e.statusCode(), e.getMessage());
        }
        assertEquals(body, client.getObjectAsBytes(b -> b.bucket(S3TestServer.BUCKET).key(key)).asUtf8String());
    }
}
