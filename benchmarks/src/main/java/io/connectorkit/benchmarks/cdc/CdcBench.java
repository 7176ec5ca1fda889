package io.connectorkit.benchmarks.cdc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.postgresql.PGConnection;
import org.postgresql.PGProperty;
import org.postgresql.replication.PGReplicationStream;

/**
 * The benchmark's database side: a published table, two slots made at the same moment (so both streams hold the
 * same changes), the changes written in transactions, and the slots dropped after a round.
 */
final class CdcBench implements AutoCloseable {

    static final String TABLE = "ck_cdc_bench";
    static final String PUBLICATION = "ck_cdc_bench_pub";

    private final String url;
    private final Connection admin;

    CdcBench(String url) throws SQLException {
        this.url = url;
        this.admin = DriverManager.getConnection(url);
        execute("DROP PUBLICATION IF EXISTS " + PUBLICATION);
        execute("DROP TABLE IF EXISTS " + TABLE);
        execute("CREATE TABLE " + TABLE + " (id BIGINT PRIMARY KEY, customer TEXT, amount NUMERIC(10,2), "
                + "created TIMESTAMPTZ)");
        execute("CREATE PUBLICATION " + PUBLICATION + " FOR TABLE " + TABLE);
    }

    String url() {
        return url;
    }

    /** Makes {@code slots} (dropping leftovers of a run that died), then writes {@code changes} inserts. */
    void prepare(int changes, int perTransaction, String... slots) throws SQLException {
        execute("TRUNCATE " + TABLE);
        for (String slot : slots) {
            execute("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = '"
                    + slot + "'");
            execute("SELECT pg_create_logical_replication_slot('" + slot + "', 'pgoutput')");
        }
        for (int first = 1; first <= changes; first += perTransaction) {
            int last = Math.min(changes, first + perTransaction - 1);
            execute("INSERT INTO " + TABLE + " SELECT g, 'customer ' || (g % 977), g * 1.5, now() "
                    + "FROM generate_series(" + first + ", " + last + ") g");
        }
    }

    /** Drops {@code slots}. */
    void drop(String... slots) throws SQLException {
        for (String slot : slots) {
            execute("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = '"
                    + slot + "'");
        }
    }

    /** A replication stream of {@code slot} from its start, as the input asks for it (pgoutput, version 1). */
    PGReplicationStream stream(Connection replication, String slot) throws SQLException {
        return replication.unwrap(PGConnection.class).getReplicationAPI().replicationStream().logical()
                .withSlotName(slot)
                .withSlotOption("proto_version", 1)
                .withSlotOption("publication_names", PUBLICATION)
                .start();
    }

    /** A replication connection, as the input opens it. */
    Connection replicationConnection() throws SQLException {
        Properties properties = new Properties();
        PGProperty.REPLICATION.set(properties, "database");
        PGProperty.ASSUME_MIN_SERVER_VERSION.set(properties, "10");
        PGProperty.PREFER_QUERY_MODE.set(properties, "simple");
        return DriverManager.getConnection(url, properties);
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = admin.createStatement()) {
            statement.execute(sql);
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            execute("DROP PUBLICATION IF EXISTS " + PUBLICATION);
            execute("DROP TABLE IF EXISTS " + TABLE);
        } finally {
            admin.close();
        }
    }
}
