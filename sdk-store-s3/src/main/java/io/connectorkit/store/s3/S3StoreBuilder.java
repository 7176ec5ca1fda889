package io.connectorkit.store.s3;

import io.connectorkit.store.StoreOptions;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;

/**
 * Builds an {@link S3CheckpointStore}. Every setting but the location is optional: by default the client talks to
 * AWS S3 in the region of the default region chain ({@code AWS_REGION}, the profile, instance metadata), with the
 * credentials of the default provider chain (environment, profile, web identity, container or instance role), which
 * the store never shows. API for hosts; not thread-safe, use it from one thread.
 *
 * <pre>{@code
 * CheckpointStore store = S3CheckpointStore.builder(S3Location.parse("s3://my-bucket/checkpoints"))
 *         .endpoint(URI.create("http://127.0.0.1:9000"))   // an S3-compatible server
 *         .pathStyle(true)
 *         .build();
 * }</pre>
 */
public final class S3StoreBuilder {

    /** How long a claim may go unrefreshed before another writer takes it over: as the JDBC store's. */
    public static final Duration DEFAULT_CLAIM_STALE_AFTER = Duration.ofMinutes(1);

    /** What a built store needs besides its client. */
    record Settings(S3Location location, StoreOptions options, Duration keepYoungerThan, Duration claimStaleAfter,
                    Clock clock, boolean ownsClient) {
    }

    private final S3Location location;
    private URI endpoint;
    private String region;
    private boolean pathStyle;
    private AwsCredentialsProvider credentials;
    private StoreOptions options = StoreOptions.DEFAULTS;
    private Duration keepYoungerThan;
    private Duration claimStaleAfter = DEFAULT_CLAIM_STALE_AFTER;
    private Clock clock = Clock.systemUTC();
    private S3Client client;

    S3StoreBuilder(S3Location location) {
        this.location = Objects.requireNonNull(location, "location");
    }

    /** An S3-compatible server's endpoint, such as {@code http://127.0.0.1:9000}; AWS S3's by default. */
    public S3StoreBuilder endpoint(URI endpoint) {
        this.endpoint = endpoint;
        return this;
    }

    /**
     * The region, such as {@code eu-west-1}; by default the AWS region chain's, or {@code us-east-1} with an
     * endpoint when the chain has none.
     */
    public S3StoreBuilder region(String region) {
        this.region = region;
        return this;
    }

    /** Path-style requests ({@code http://host/bucket/key}), which most S3-compatible servers need; off by default. */
    public S3StoreBuilder pathStyle(boolean pathStyle) {
        this.pathStyle = pathStyle;
        return this;
    }

    /** The credentials; the default provider chain's by default. */
    public S3StoreBuilder credentials(AwsCredentialsProvider credentials) {
        this.credentials = credentials;
        return this;
    }

    /** Retention and size limit; {@link StoreOptions#DEFAULTS} by default. */
    public S3StoreBuilder options(StoreOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        return this;
    }

    /**
     * Also keeps, beyond the retention, the generations saved less than {@code age} ago (by the time in their
     * envelope); {@code null}, the default, keeps the retention only.
     */
    public S3StoreBuilder keepYoungerThan(Duration age) {
        if (age != null && age.isNegative()) {
            throw new IllegalArgumentException("keepYoungerThan must not be negative, got " + age);
        }
        this.keepYoungerThan = age;
        return this;
    }

    /** How long a writer claim may go unrefreshed before another writer takes it over; a minute by default. */
    public S3StoreBuilder claimStaleAfter(Duration staleAfter) {
        if (staleAfter.isNegative() || staleAfter.isZero()) {
            throw new IllegalArgumentException("claimStaleAfter must be positive, got " + staleAfter);
        }
        this.claimStaleAfter = staleAfter;
        return this;
    }

    /** The clock of the envelopes' times and of retention by age; the system's UTC clock by default. */
    public S3StoreBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /**
     * A client the host made (endpoint, region, credentials and HTTP client then are its own; the store does not
     * close it). Without one, {@link #build()} makes a client on the JDK's {@code HttpURLConnection} and closes it
     * with the store.
     */
    public S3StoreBuilder client(S3Client client) {
        this.client = client;
        return this;
    }

    /**
     * The store. Makes no request: the first write of a job claims it.
     *
     * @throws IllegalArgumentException when no region is set and none can be found
     */
    public S3CheckpointStore build() {
        boolean owns = client == null;
        S3Client s3 = owns ? newClient() : client;
        Settings settings = new Settings(location, options, keepYoungerThan, claimStaleAfter, clock, owns);
        return new S3CheckpointStore(settings, new S3Objects(s3, location.bucket(), "s3 store " + location));
    }

    private S3Client newClient() {
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.of(region()))
                // A checkpoint is small: waiting for "100 Continue" before sending it would cost a round trip, and
                // HttpURLConnection's handling of it fails now and then against some servers.
                .serviceConfiguration(S3Configuration.builder().expectContinueEnabled(false).build())
                .forcePathStyle(pathStyle)
                // Our envelopes carry their own SHA-256; the SDK's default extra checksums (trailers, chunked
                // uploads) are not understood by every S3-compatible server.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(credentials != null ? credentials : DefaultCredentialsProvider.builder().build());
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder.build();
    }

    private String region() {
        if (region != null && !region.isBlank()) {
            return region;
        }
        try {
            return DefaultAwsRegionProviderChain.builder().build().getRegion().id();
        } catch (SdkClientException e) {
            if (endpoint != null) {
                return Region.US_EAST_1.id(); // S3-compatible servers mostly ignore it, but signing needs one
            }
            throw new IllegalArgumentException("s3 store " + location + ": no AWS region: set one (AWS_REGION, "
                    + "the profile's region, or the store's region option)");
        }
    }
}
