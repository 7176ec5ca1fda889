package io.connectorkit.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.connectorkit.runner.testconnectors.RangesMapper;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** The partitioned job contract on the runner's test connector {@code test/ranges}: 4 ranges of 0 … 1999. */
class RangesPartitionedJobTest extends PartitionedJobContract {

    @Override
    String component() {
        return "test/ranges";
    }

    @Override
    String configuration() {
        return "{\"configuration\": {\"to\": 2000, \"splits\": 4}}";
    }

    @Override
    String changedConfiguration() {
        return "{\"configuration\": {\"to\": 2001, \"splits\": 4}}";
    }

    @Override
    String changedKey() {
        return "configuration.to";
    }

    @Override
    List<String> reference() {
        List<String> numbers = new ArrayList<>();
        for (int n = 0; n < 2000; n++) {
            numbers.add(String.valueOf(n));
        }
        return numbers;
    }

    @Override
    void changeSourceAfterCrash() {
        RangesMapper.SPLIT_CALLS.set(0);
    }

    @Override
    void afterResume() {
        assertEquals(0, RangesMapper.SPLIT_CALLS.get(), "the resume never called @Split");
    }

    @Override
    String identity(JsonObject record) {
        return String.valueOf(record.getInt("n"));
    }
}
