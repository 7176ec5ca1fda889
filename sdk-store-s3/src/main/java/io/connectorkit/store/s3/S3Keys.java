package io.connectorkit.store.s3;

import io.connectorkit.store.CheckpointEnvelope;
import java.util.OptionalLong;

/**
 * The keys of an {@link S3CheckpointStore}, under its prefix:
 * <pre>
 * &lt;prefix&gt;&lt;job&gt;/writer.json                                            the writer claim of the job
 * &lt;prefix&gt;&lt;job&gt;/saved/&lt;partition&gt;                                     the partition saved checkpoints
 * &lt;prefix&gt;&lt;job&gt;/partitions/&lt;partition&gt;/checkpoint-00000000000000000042.json   generation 42
 * </pre>
 * Generations are zero-padded to 20 digits, so that S3's listing order (by key) is generation order. Ids are
 * validated before they get here ({@code [A-Za-z0-9._-]}, never {@code .} or {@code ..}), so no key escapes its job.
 */
final class S3Keys {

    private static final String FILE_PREFIX = "checkpoint-";
    private static final String FILE_SUFFIX = ".json";
    private static final int DIGITS = 20;

    private final String prefix;

    S3Keys(S3Location location) {
        this.prefix = location.prefix();
    }

    String root() {
        return prefix;
    }

    String job(String job) {
        return prefix + job + "/";
    }

    String claim(String job) {
        return job(job) + "writer.json";
    }

    String saved(String job, String partition) {
        return job(job) + "saved/" + partition;
    }

    String savedFolder(String job) {
        return job(job) + "saved/";
    }

    String partitions(String job) {
        return job(job) + "partitions/";
    }

    String partition(String job, String partition) {
        return partitions(job) + partition + "/";
    }

    String generation(String job, String partition, long generation) {
        return partition(job, partition) + FILE_PREFIX + String.format("%0" + DIGITS + "d", generation) + FILE_SUFFIX;
    }

    /**
     * The generation a key directly under {@code partitionPrefix} names, or empty for any other key (a foreign
     * object, a generation outside 1 to {@link CheckpointEnvelope#MAX_GENERATION}).
     */
    static OptionalLong generationOf(String partitionPrefix, String key) {
        if (!key.startsWith(partitionPrefix)) {
            return OptionalLong.empty();
        }
        String name = key.substring(partitionPrefix.length());
        if (!name.startsWith(FILE_PREFIX) || !name.endsWith(FILE_SUFFIX)
                || name.length() != FILE_PREFIX.length() + DIGITS + FILE_SUFFIX.length()) {
            return OptionalLong.empty();
        }
        String digits = name.substring(FILE_PREFIX.length(), FILE_PREFIX.length() + DIGITS);
        if (!digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OptionalLong.empty();
        }
        try {
            long generation = Long.parseLong(digits);
            return generation >= 1 && generation <= CheckpointEnvelope.MAX_GENERATION
                    ? OptionalLong.of(generation) : OptionalLong.empty();
        } catch (NumberFormatException e) {
            return OptionalLong.empty(); // more than Long.MAX_VALUE
        }
    }
}
