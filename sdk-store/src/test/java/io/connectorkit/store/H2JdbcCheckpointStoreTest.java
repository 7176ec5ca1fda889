package io.connectorkit.store;

import static io.connectorkit.store.Checkpoints.offset;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JDBC store on an embedded H2 database. */
class H2JdbcCheckpointStoreTest extends JdbcCheckpointStoreContract {

    private final UrlDataSource dataSource = new UrlDataSource("jdbc:h2:mem:" + UUID.randomUUID()
            + ";DB_CLOSE_DELAY=-1");

    @Override
    UrlDataSource dataSource() {
        return dataSource;
    }

    @Test
    void worksOnAnH2FileDatabaseThroughAUrlAndSurvivesReopening(@TempDir Path dir) {
        String url = "jdbc:h2:file:" + dir.resolve("ck");
        CheckpointEnvelope saved;
        try (JdbcCheckpointStore store = JdbcCheckpointStore.connect(url, "sa", "", table, StoreOptions.DEFAULTS)) {
            saved = store.save(JOB, PART, COMPONENT, Checkpoints.rich());
        }
        try (JdbcCheckpointStore store = JdbcCheckpointStore.connect(url, "sa", "", table, StoreOptions.DEFAULTS)) {
            assertEquals(saved, store.loadLatest(JOB, PART).orElseThrow());
        }
    }

    @Test
    void thePasswordNeverAppearsInAnError() throws SQLException {
        String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try (Connection keepAlive = DriverManager.getConnection(url, "owner", "right-password")) {
            String secret = "s3cret-Pa55word";
            try (JdbcCheckpointStore store = JdbcCheckpointStore.connect(url, "owner", secret, table,
                    StoreOptions.DEFAULTS)) {
                CheckpointStoreException e = assertThrows(CheckpointStoreException.class,
                        () -> store.save(JOB, PART, COMPONENT, offset(1)));
                assertTrue(e.getMessage().contains("table " + table) && e.getMessage().contains(JOB),
                        e.getMessage());
                assertFalse(e.getMessage().contains(secret), e.getMessage());
                for (Throwable t = e; t != null; t = t.getCause()) {
                    assertFalse(String.valueOf(t.getMessage()).contains(secret), t.toString());
                }
            }
        }
        assertFalse(JdbcCheckpointStore.connect("jdbc:h2:mem:x;PASSWORD=hunter2", null, null, table,
                StoreOptions.DEFAULTS).toString().contains("hunter2"));
    }

    @Test
    void aPasswordInsideTheUrlNeverAppearsInAnErrorEither() {
        // No driver takes this URL: DriverManager's own message quotes the whole URL.
        try (JdbcCheckpointStore store = JdbcCheckpointStore.connect("jdbc:nosuchdriver://h/db?password=hunter2", null,
                null, table, StoreOptions.DEFAULTS)) {
            CheckpointStoreException e = assertThrows(CheckpointStoreException.class,
                    () -> store.save(JOB, PART, COMPONENT, offset(1)));
            assertTrue(e.getMessage().contains("password=****"), e.getMessage());
            for (Throwable t = e; t != null; t = t.getCause()) {
                assertFalse(String.valueOf(t.getMessage()).contains("hunter2"), t.toString());
            }
        }
    }

    @Test
    void invalidTableNamesAreRejected() {
        for (String bad : new String[] {"", "1abc", "a;drop table x", "a b", "x".repeat(51)}) {
            assertThrows(IllegalArgumentException.class,
                    () -> new JdbcCheckpointStore(dataSource, bad, StoreOptions.DEFAULTS));
        }
    }
}
