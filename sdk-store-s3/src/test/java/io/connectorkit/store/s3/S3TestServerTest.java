package io.connectorkit.store.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.connectorkit.store.s3.testserver.S3TestServer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** The test server is one the store's guarantees can be tested on: it honours conditional writes. */
class S3TestServerTest {

    private final S3TestServer server = S3TestServer.shared();
    private final S3Client client = server.client();
    private final String key = server.newLocation().prefix() + "object";

    @Test
    void aPutWithIfNoneMatchStarOnAnExistingKeyFailsWith412AndLeavesTheObject() {
        client.putObject(b -> b.bucket(S3TestServer.BUCKET).key(key).ifNoneMatch("*"), RequestBody.fromString("first"));

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
        client.putObject(b -> b.bucket(S3TestServer.BUCKET).key(key).ifMatch(etag), RequestBody.fromString("b"));

        S3Exception refused = assertThrows(S3Exception.class, () -> client.putObject(
                b -> b.bucket(S3TestServer.BUCKET).key(key).ifMatch(etag), RequestBody.fromString("c")));

        assertEquals(412, refused.statusCode());
        assertArrayEquals("b".getBytes(StandardCharsets.UTF_8),
                client.getObjectAsBytes(b -> b.bucket(S3TestServer.BUCKET).key(key)).asByteArray());
    }
}
