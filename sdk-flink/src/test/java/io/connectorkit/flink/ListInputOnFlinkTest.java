package io.connectorkit.flink;

import io.connectorkit.runtime.CheckpointState;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.Map;

/** list-input (a plain emitter: one split, a safe point every 300 records, more than one read call reads) on the MiniCluster. */
class ListInputOnFlinkTest extends MigratingContract {

    private static final Map<String, String> CONFIGURATION = Map.of("configuration.total", "6000",
            "configuration.batchSize", "300");

    @Override
    String family() {
        return "checkpoint";
    }

    @Override
    String name() {
        return "list-input";
    }

    @Override
    Map<String, String> configuration() {
        return CONFIGURATION;
    }

    @Override
    ConnectorKitSourceBuilder builder() {
        return ConnectorKitSource.builder(family(), name()).configuration(CONFIGURATION);
    }

    @Override
    long failAfter() {
        return 1000;
    }

    /** Version 1 called {@code sinceId} {@code lastId}. */
    @Override
    DowngradingSource.Downgrade downgrade() {
        return split -> {
            JsonObject state = split.checkpoint().state();
            return new CheckpointState(1, Json.createObjectBuilder(state).remove("sinceId")
                    .add("lastId", state.getInt("sinceId")).build());
        };
    }
}
