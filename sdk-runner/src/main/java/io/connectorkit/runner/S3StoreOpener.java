package io.connectorkit.runner;

import io.connectorkit.store.CheckpointStore;
import io.connectorkit.store.StoreOptions;
import io.connectorkit.store.s3.S3CheckpointStore;
import io.connectorkit.store.s3.S3Location;
import io.connectorkit.store.s3.S3StoreBuilder;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import picocli.CommandLine;

/**
 * Opens an {@code s3://BUCKET/PREFIX} store. The only class of the runner that names the S3 store, so that the AWS
 * SDK's classes are loaded only when a run or a command asks for an S3 store, never on a file or JDBC run's start.
 */
final class S3StoreOpener {

    private S3StoreOpener() {
    }

    /**
     * @param s3 the {@code --s3-*} options, or {@code null} for their defaults (the environment)
     * @throws RunnerException with the usage exit code for a malformed location or endpoint
     */
    static CheckpointStore open(String spec, StoreOptions options, S3StoreOptions s3) {
        S3Location location;
        try {
            location = S3Location.parse(spec);
        } catch (IllegalArgumentException e) {
            throw new RunnerException(ExitCodes.USAGE, "--store " + spec + ": " + e.getMessage());
        }
        S3StoreBuilder builder = S3CheckpointStore.builder(location).options(options);
        String endpoint = s3 != null ? s3.endpoint : System.getenv("CONNECTORKIT_S3_ENDPOINT");
        String region = s3 != null ? s3.region : System.getenv("CONNECTORKIT_S3_REGION");
        boolean pathStyle = s3 != null ? s3.pathStyle
                : Boolean.parseBoolean(System.getenv("CONNECTORKIT_S3_PATH_STYLE"));
        Duration keepYoungerThan = s3 != null ? s3.keepYoungerThan
                : keepYoungerThan(System.getenv("CONNECTORKIT_S3_KEEP_YOUNGER_THAN"));
        if (endpoint != null && !endpoint.isBlank()) {
            builder.endpoint(endpoint(endpoint));
        }
        if (keepYoungerThan != null) {
            builder.keepYoungerThan(keepYoungerThan);
        }
        return builder.region(region).pathStyle(pathStyle).build();
    }

    private static Duration keepYoungerThan(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new DurationOption().convert(value);
        } catch (CommandLine.TypeConversionException e) {
            throw new RunnerException(ExitCodes.USAGE, "$CONNECTORKIT_S3_KEEP_YOUNGER_THAN: " + e.getMessage());
        }
    }

    private static URI endpoint(String endpoint) {
        try {
            URI uri = new URI(endpoint);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new URISyntaxException(endpoint, "expected http://HOST[:PORT] or https://HOST[:PORT]");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new RunnerException(ExitCodes.USAGE, "--s3-endpoint: " + e.getMessage());
        }
    }
}
