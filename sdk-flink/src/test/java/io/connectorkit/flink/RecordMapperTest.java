package io.connectorkit.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.runtime.ComponentManager;
import io.connectorkit.runtime.Mapper;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.SourceOutput;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Records mapped to a type of the job's own, and a mapper that fails. */
class RecordMapperTest {

    private final List<Object> emitted = new ArrayList<>();
    private ComponentManager manager;

    @AfterEach
    void close() {
        manager.close();
    }

    private <T> SplitCursor<T> listInput(RecordMapper<T> records) {
        SourceSettings settings = new SourceSettings("checkpoint", "list-input", 1,
                new TreeMap<>(Map.of("configuration.total", "5", "configuration.batchSize", "2")), 0, 10);
        manager = settings.openManager(getClass().getClassLoader());
        Mapper mapper = settings.mapper(manager);
        return SplitCursor.open(mapper, new ConnectorKitSplit(mapper.split(Long.MAX_VALUE).get(0), null), records, 10);
    }

    private <T> SourceOutput<T> output() {
        return new SourceOutput<>() {
            @Override
            public void collect(T record) {
                emitted.add(record);
            }

            @Override
            public void collect(T record, long timestamp) {
                emitted.add(record);
            }

            @Override
            public void emitWatermark(Watermark watermark) {
            }

            @Override
            public void markIdle() {
            }

            @Override
            public void markActive() {
            }
        };
    }

    @Test
    void recordsReachFlinkAsTheMappersType() {
        RecordMapper<Integer> ids = record -> ((JsonObject) record).getInt("id");
        SplitCursor<Integer> cursor = listInput(ids);
        SourceOutput<Integer> output = output();

        while (cursor.read(output) != SplitCursor.Progress.ENDED) {
            // reads to the end
        }

        assertEquals(List.of(1, 2, 3, 4, 5), emitted);
        assertEquals(Types.INT, ConnectorKitSource.builder("checkpoint", "list-input").build(ids, Types.INT)
                .getProducedType());
    }

    @Test
    void aMapperThatFailsFailsTheTaskNamingTheComponentAndTheSplit() {
        SplitCursor<String> cursor = listInput(record -> {
            throw new IllegalArgumentException("no names here");
        });

        IllegalStateException error = assertThrows(IllegalStateException.class, () -> cursor.read(output()));

        assertTrue(error.getMessage().startsWith("checkpoint/list-input, split '" + cursor.splitId() + "': a record "
                + "cannot be mapped to the source's type: java.lang.IllegalArgumentException: no names here"),
                error.getMessage());
        cursor.close();
    }
}
