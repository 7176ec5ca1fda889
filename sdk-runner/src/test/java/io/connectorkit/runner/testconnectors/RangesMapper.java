package io.connectorkit.runner.testconnectors;

import io.connectorkit.api.configuration.Option;
import io.connectorkit.api.input.Assessor;
import io.connectorkit.api.input.Emitter;
import io.connectorkit.api.input.PartitionMapper;
import io.connectorkit.api.input.PartitionSize;
import io.connectorkit.api.input.Split;
import io.connectorkit.api.input.SplitId;
import jakarta.json.JsonBuilderFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Numbers {@code from} … {@code to - 1}, cut into {@code splits} ranges of about equal length, each split's records
 * {@code {"split": "r0-250", "n": 17}}: a partitioned input whose records are easy to count per split.
 */
@PartitionMapper(family = "test", name = "ranges")
public class RangesMapper {

    /** How many times {@code @Split} ran in this JVM; a test resets it. */
    public static final AtomicInteger SPLIT_CALLS = new AtomicInteger();

    private final JsonBuilderFactory json;
    private final RangesConfig configuration;

    public RangesMapper(JsonBuilderFactory json, @Option("configuration") RangesConfig configuration) {
        this.json = json;
        this.configuration = configuration;
    }

    public RangesConfig getConfiguration() {
        return configuration;
    }

    @Assessor
    public long estimateSize() {
        return Math.max(0, configuration.getTo() - configuration.getFrom());
    }

    /** {@code splits} ranges, whatever the desired size. */
    @Split
    public List<RangesMapper> split(@PartitionSize long desiredSize) {
        SPLIT_CALLS.incrementAndGet();
        List<RangesMapper> splits = new ArrayList<>();
        int from = configuration.getFrom();
        int length = configuration.getTo() - from;
        int count = configuration.getSplits();
        for (int i = 0; i < count; i++) {
            RangesConfig part = copy();
            part.setFrom(from + (int) ((long) length * i / count));
            part.setTo(from + (int) ((long) length * (i + 1) / count));
            part.setSplits(1);
            splits.add(new RangesMapper(json, part));
        }
        return splits;
    }

    @SplitId
    public String id() {
        return "r" + configuration.getFrom() + "-" + configuration.getTo();
    }

    @Emitter
    public RangesReader reader() {
        return new RangesReader(json, configuration, id());
    }

    private RangesConfig copy() {
        RangesConfig copy = new RangesConfig();
        copy.setFrom(configuration.getFrom());
        copy.setTo(configuration.getTo());
        copy.setFailingSplit(configuration.getFailingSplit());
        copy.setFailAfter(configuration.getFailAfter());
        copy.setPauseMicros(configuration.getPauseMicros());
        return copy;
    }
}
