package io.connectorkit.samples.jdbc;

import io.connectorkit.api.component.Version;
import io.connectorkit.api.configuration.Option;
import io.connectorkit.api.input.checkpoint.Checkpoint;

/**
 * The position of {@link JdbcInput}: the last row it emitted, as {@code (lastKey)} in key mode or
 * {@code (watermark, lastKey)} in updated-at mode. A run resumes strictly after it.
 *
 * <p>{@code lastKey} is kept as text whatever the column's type; {@code keyType} says how to bind it again, because
 * a database may refuse to compare the column with a value of another type (PostgreSQL: {@code bigint > varchar}).
 */
@Checkpoint
@Version(1)
public class JdbcInputCheckpoint {

    /** How {@code lastKey} is bound: the JDBC type family of the key column. */
    public enum KeyType {
        /** An integer column ({@code smallint}, {@code integer}, {@code bigint}), bound with {@code setLong}. */
        LONG,
        /** A character column ({@code char}, {@code varchar}, {@code text}), bound with {@code setString}. */
        STRING
    }

    @Option
    private String lastKey;

    @Option
    private KeyType keyType;

    /** The largest updated-at value emitted, ISO-8601 with offset ({@code 2024-05-01T08:00:00Z}); updated-at mode. */
    @Option
    private String watermark;

    public String getLastKey() {
        return lastKey;
    }

    public void setLastKey(String lastKey) {
        this.lastKey = lastKey;
    }

    public KeyType getKeyType() {
        return keyType;
    }

    public void setKeyType(KeyType keyType) {
        this.keyType = keyType;
    }

    public String getWatermark() {
        return watermark;
    }

    public void setWatermark(String watermark) {
        this.watermark = watermark;
    }
}
