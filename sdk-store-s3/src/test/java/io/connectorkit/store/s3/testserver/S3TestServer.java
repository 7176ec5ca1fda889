package io.connectorkit.store.s3.testserver;

import io.connectorkit.store.s3.S3CheckpointStore;
import io.connectorkit.store.s3.S3Location;
import io.connectorkit.store.s3.S3StoreBuilder;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

/**
 * An S3-compatible server for tests and benchmarks, in this JVM: s3proxy over its in-memory {@code transient-nio2}
 * backend, which resolves {@code If-None-Match: *} atomically as it writes (a 412 for a key that exists). One server
 * per JVM, started at first use on a free port of 127.0.0.1, with one bucket; each test takes a fresh prefix in it.
 * Its test credentials are fixed and worthless.
 */
public final class S3TestServer {

    /** The bucket every location is in. */
    public static final String BUCKET = "connectorkit-test";
    /** The server's test access key. */
    public static final String ACCESS_KEY = "test-access-key";
    /** The server's test secret key. */
    public static final String SECRET_KEY = "test-secret-key-not-a-secret";

    private static S3TestServer shared;

    private final URI endpoint;
    private final S3Client client;
    private final AtomicInteger prefixes = new AtomicInteger();

    private S3TestServer(URI endpoint) {
        this.endpoint = endpoint;
        this.client = newClient(endpoint);
        client.createBucket(b -> b.bucket(BUCKET));
    }

    /** The server of this JVM, started at the first call. */
    public static synchronized S3TestServer shared() {
        if (shared == null) {
            shared = start(0);
        }
        return shared;
    }

    /** A server of its own on {@code port} of 127.0.0.1 (0: a free one), with the bucket; it runs until the JVM ends. */
    public static S3TestServer start(int port) {
        try {
            S3Proxy proxy = S3Proxy.builder()
                    .blobStore(new TransientNio2BlobStore())
                    .endpoint(URI.create("http://127.0.0.1:" + port))
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                    .build();
            proxy.start();
            while (!"STARTED".equals(proxy.getState())) {
                Thread.sleep(10);
            }
            return new S3TestServer(URI.create("http://127.0.0.1:" + proxy.getPort()));
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the test S3 server (s3proxy): " + e, e);
        }
    }

    /** {@code http://127.0.0.1:<port>}. */
    public URI endpoint() {
        return endpoint;
    }

    /** A prefix of the bucket no one used yet, such as {@code s3://connectorkit-test/t7/}. */
    public S3Location newLocation() {
        return new S3Location(BUCKET, "t" + prefixes.incrementAndGet() + "/");
    }

    /** A client of the server, for tests that look at or damage objects directly. */
    public S3Client client() {
        return client;
    }

    /** A store builder for {@code location} on this server. */
    public S3StoreBuilder store(S3Location location) {
        return S3CheckpointStore.builder(location).endpoint(endpoint).pathStyle(true).region("us-east-1")
                .credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)));
    }

    private static S3Client newClient(URI endpoint) {
        return S3Client.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).endpointOverride(endpoint)
                .serviceConfiguration(S3Configuration.builder().expectContinueEnabled(false).build())
                .forcePathStyle(true).region(Region.US_EAST_1)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY,
                        SECRET_KEY)))
                .build();
    }
}
