package io.connectorkit.store.s3;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where an {@link S3CheckpointStore} keeps its objects: a bucket and a key prefix, as in
 * {@code s3://my-bucket/checkpoints/prod}. API for hosts; immutable.
 *
 * @param bucket the bucket's name
 * @param prefix the prefix of every key the store writes: empty, or ending with {@code /}
 */
public record S3Location(String bucket, String prefix) {

    /** S3's rule for bucket names (3 to 63 lowercase letters, digits, dots and hyphens), loosened for other servers. */
    private static final Pattern BUCKET = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{1,254}");
    private static final Pattern PREFIX_SEGMENT = Pattern.compile("[A-Za-z0-9!_.*'()-]+");

    /** @throws IllegalArgumentException naming the bucket or prefix and what a valid one looks like */
    public S3Location {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(prefix, "prefix");
        if (!BUCKET.matcher(bucket).matches()) {
            throw new IllegalArgumentException("invalid S3 bucket name '" + bucket + "': expected letters, digits, "
                    + "'.', '-' and '_', 3 to 255 characters");
        }
        if (!prefix.isEmpty()) {
            if (!prefix.endsWith("/")) {
                throw new IllegalArgumentException("an S3 key prefix must end with '/', got '" + prefix + "'");
            }
            for (String segment : prefix.substring(0, prefix.length() - 1).split("/", -1)) {
                if (!PREFIX_SEGMENT.matcher(segment).matches() || segment.equals(".") || segment.equals("..")) {
                    throw new IllegalArgumentException("invalid S3 key prefix '" + prefix + "': each part between "
                            + "'/' must be letters, digits or !_.*'()- and neither '.' nor '..', got '" + segment
                            + "'");
                }
            }
        }
    }

    /**
     * Parses {@code s3://bucket} or {@code s3://bucket/prefix/...} (a trailing {@code /} is optional).
     *
     * @throws IllegalArgumentException for anything else, naming the value and the expected form
     */
    public static S3Location parse(String uri) {
        if (uri == null || !uri.startsWith("s3://")) {
            throw new IllegalArgumentException("an S3 location is s3://BUCKET or s3://BUCKET/PREFIX, got '" + uri
                    + "'");
        }
        String rest = uri.substring("s3://".length());
        int slash = rest.indexOf('/');
        if (slash < 0) {
            return new S3Location(rest, "");
        }
        String prefix = rest.substring(slash + 1);
        if (!prefix.isEmpty() && !prefix.endsWith("/")) {
            prefix += "/";
        }
        return new S3Location(rest.substring(0, slash), prefix);
    }

    /** {@code s3://bucket/prefix}, for messages. */
    @Override
    public String toString() {
        return "s3://" + bucket + "/" + prefix;
    }
}
