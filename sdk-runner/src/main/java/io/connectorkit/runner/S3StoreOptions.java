package io.connectorkit.runner;

import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * The options of an {@code s3://} store, shared by {@code run} and {@code checkpoint}: where the S3-compatible
 * server is, its region, and whether it needs path-style requests. Each has an environment variable as default, so
 * that a job's container sets them once. Credentials are never options: they come from the AWS default provider
 * chain ({@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}, a profile, web identity, an instance role).
 */
final class S3StoreOptions {

    @Option(names = "--s3-endpoint", paramLabel = "URL", defaultValue = "${env:CONNECTORKIT_S3_ENDPOINT}",
            description = "an S3-compatible server for an s3:// --store, e.g. http://127.0.0.1:9000 (default: "
                    + "$CONNECTORKIT_S3_ENDPOINT, else AWS S3)")
    String endpoint;

    @Option(names = "--s3-region", paramLabel = "REGION", defaultValue = "${env:CONNECTORKIT_S3_REGION}",
            description = "the region of an s3:// --store (default: $CONNECTORKIT_S3_REGION, else the AWS region "
                    + "chain: $AWS_REGION, the profile; us-east-1 with --s3-endpoint)")
    String region;

    @Option(names = "--s3-path-style", paramLabel = "true|false",
            defaultValue = "${env:CONNECTORKIT_S3_PATH_STYLE:-false}", arity = "0..1", fallbackValue = "true",
            description = "path-style requests (http://host/bucket/key), which most S3-compatible servers need "
                    + "(default: $CONNECTORKIT_S3_PATH_STYLE, else false)")
    boolean pathStyle;

    @Option(names = "--s3-keep-younger-than", paramLabel = "T", converter = DurationOption.class,
            defaultValue = "${env:CONNECTORKIT_S3_KEEP_YOUNGER_THAN}",
            description = "also keep the generations of an s3:// --store saved less than T ago (30m, 24h), beyond "
                    + "--retention, so that a job can be rewound that far (default: "
                    + "$CONNECTORKIT_S3_KEEP_YOUNGER_THAN, else none)")
    Duration keepYoungerThan;
}
