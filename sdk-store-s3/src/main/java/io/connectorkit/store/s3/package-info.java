/**
 * A checkpoint store on AWS S3 and S3-compatible servers: {@link io.connectorkit.store.s3.S3CheckpointStore}, one
 * object per generation, each written with {@code If-None-Match: *} so that two writers can never both write a
 * generation, built with {@link io.connectorkit.store.s3.S3StoreBuilder} at an
 * {@link io.connectorkit.store.s3.S3Location}. It passes the store contract of {@code sdk-testing} like the stores of
 * {@code io.connectorkit.store}. The AWS SDK v2 S3 client comes with this module only.
 */
package io.connectorkit.store.s3;
