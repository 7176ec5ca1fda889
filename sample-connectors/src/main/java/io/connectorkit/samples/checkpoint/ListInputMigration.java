package io.connectorkit.samples.checkpoint;

import io.connectorkit.api.component.MigrationHandler;
import java.util.HashMap;
import java.util.Map;

/** Reads {@link ListInputCheckpoint} version 1, which called {@code sinceId} {@code lastId}. */
public class ListInputMigration implements MigrationHandler {

    @Override
    public Map<String, String> migrate(int incomingVersion, Map<String, String> incomingData) {
        Map<String, String> migrated = new HashMap<>(incomingData);
        if (incomingVersion < 2 && migrated.containsKey("lastId")) {
            migrated.put("sinceId", migrated.remove("lastId"));
        }
        return migrated;
    }
}
