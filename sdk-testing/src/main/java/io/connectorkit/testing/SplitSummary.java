package io.connectorkit.testing;

import java.util.List;

/**
 * What a {@link SplitCheck} verified, for authors who want to assert more (or print it).
 *
 * @param estimatedSize what the mapper's {@code @Assessor} said, or {@code Mapper.UNKNOWN_SIZE}
 * @param desiredSize the desired size of a split the plan was made with
 * @param splitIds the splits' ids, in plan order
 * @param records the records of the reference read of the whole configuration
 * @param recordsPerSplit the records each split read, in plan order
 */
public record SplitSummary(long estimatedSize, long desiredSize, List<String> splitIds, int records,
        List<Integer> recordsPerSplit) {

    public SplitSummary {
        splitIds = List.copyOf(splitIds);
        recordsPerSplit = List.copyOf(recordsPerSplit);
    }
}
