package io.connectorkit.samples.file;

import io.connectorkit.api.component.MigrationHandler;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads {@link CsvInputCheckpoint} version 1, whose fingerprint was the SHA-256 of the file's first bytes, called
 * {@code fingerprint}: it becomes {@code sha256}, which {@link CsvFileReader} checks when a checkpoint has no
 * {@code crc32}. Everything else is the same.
 */
public class CsvInputMigration implements MigrationHandler {

    @Override
    public Map<String, String> migrate(int incomingVersion, Map<String, String> incomingData) {
        Map<String, String> migrated = new HashMap<>(incomingData);
        if (incomingVersion < 2 && migrated.containsKey("fingerprint")) {
            migrated.put("sha256", migrated.remove("fingerprint"));
        }
        return migrated;
    }
}
