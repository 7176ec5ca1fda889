package io.connectorkit.samples.jdbc;

import io.connectorkit.api.input.Producer;
import io.connectorkit.api.input.checkpoint.CheckpointAvailable;
import io.connectorkit.api.input.checkpoint.CheckpointData;
import io.connectorkit.samples.jdbc.JdbcInputCheckpoint.KeyType;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The worker of {@link JdbcInput}: reads the rows of its configuration (the whole table or query, or one key range of
 * it) page by page, in the order of the key (or of {@code (updatedAt, key)}), emits each as a {@link JsonObject}
 * (column label → value) and keeps its position in the configuration's {@link JdbcInputCheckpoint}. The modes, the
 * key ranges and the guarantees are described on {@link JdbcInput}.
 *
 * <p>This class reads rows and keeps the position; {@link SourceColumns} checks the source's columns,
 * {@link PageQueries} builds and runs each page's query, {@link JdbcConnector} connects and keeps the password out of
 * messages. It never queries the key's MIN or MAX: planning does, once.
 */
public class JdbcReader {

    private static final System.Logger LOG = System.getLogger(JdbcReader.class.getName());

    private final JsonBuilderFactory factory;
    private final JdbcInputConfig configuration;
    private final JdbcInputCheckpoint checkpoint;
    private final JdbcConnector connector;
    private final String source;
    private final KeyRange range;
    private final int batchSize;

    private Connection connection;
    private List<Column> columns;
    private Column key;
    private Column updatedAt;
    private KeyType keyType;
    private OffsetDateTime watermark;

    // The page being read, and the position (of the last row read by this run) where the next page starts: a long
    // key in cursorLong, a character one in cursorText, never converted (a long key taken from the checkpoint also
    // keeps its text there, for messages). Every page after the first starts after the cursor, with one statement
    // prepared once (kept by the queries).
    private PageQueries queries;
    private PreparedStatement page;
    private ResultSet rows;
    private int rowsInPage;
    private boolean finished;
    private OffsetDateTime windowStart;
    private boolean hasCursor;
    private long cursorLong;
    private String cursorText;
    private OffsetDateTime cursorTime;

    // The row the checkpoint stands at, written into the checkpoint (as text) only when the runtime takes it.
    private boolean bookmarkMoved;
    private long bookmarkLong;
    private String bookmarkText;
    private OffsetDateTime bookmarkTime;

    private long emitted;
    private boolean newBookmark;

    /** @param configuration checked by {@link JdbcInput}'s constructor */
    JdbcReader(JsonBuilderFactory factory, JdbcInputConfig configuration) {
        this.factory = factory;
        this.configuration = configuration;
        this.checkpoint = configuration.getCheckpoint();
        this.connector = new JdbcConnector(configuration);
        this.source = configuration.sqlSource();
        this.range = configuration.keyRange();
        this.batchSize = configuration.getBatchSize() == null ? configuration.getFetchSize()
                : configuration.getBatchSize();
    }

    /** Connects, checks the key and updated-at columns against the table, and reads the checkpoint's position. */
    @PostConstruct
    public void init() {
        connection = connector.open();
        try {
            SourceColumns described = SourceColumns.read(connection, configuration, source, sourceName());
            columns = described.all();
            key = described.key();
            keyType = described.keyType();
            updatedAt = described.updatedAt();
            if (!range.unbounded() && keyType != KeyType.LONG) {
                throw new IllegalStateException("configuration.keyFrom and configuration.keyTo bound an integer key, "
                        + "but key column '" + key.label() + "' of " + sourceName() + " is of type " + key.typeName()
                        + "; leave them out");
            }
            queries = new PageQueries(connection, source, key, updatedAt, range, configuration.getFetchSize());
            readCheckpoint();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The next row, or {@code null} once a page comes back shorter than {@code fetchSize}. */
    @Producer
    public JsonObject next() {
        try {
            while (!finished) {
                if (rows == null) {
                    openPage();
                }
                if (rows.next()) {
                    rowsInPage++;
                    return emit();
                }
                finished = rowsInPage < configuration.getFetchSize();
                closePage();
            }
            return null;
        } catch (SQLException e) {
            throw new IllegalStateException("reading " + sourceName() + " failed: " + e.getMessage()
                    + " (SQLState " + e.getSQLState() + ")", e);
        }
    }

    /** The position of the last row emitted; the runtime snapshots it at once. */
    @CheckpointData
    public JdbcInputCheckpoint getCheckpoint() {
        if (bookmarkMoved) {
            checkpoint.setLastKey(keyText(bookmarkLong, bookmarkText));
            checkpoint.setKeyType(keyType);
            checkpoint.setWatermark(bookmarkTime == null ? null
                    : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(bookmarkTime));
            bookmarkMoved = false;
        }
        newBookmark = false;
        return checkpoint;
    }

    /** True every {@code batchSize} rows. */
    @CheckpointAvailable
    public boolean isCheckpointReady() {
        return newBookmark;
    }

    /** Closes the page being read, the statements and the connection. */
    @PreDestroy
    public void close() {
        try {
            closePage();
            if (queries != null) {
                queries.close();
            }
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException e) {
            // Nothing is lost: every row was read already. Not worth failing a finished run for.
            LOG.log(System.Logger.Level.WARNING, "closing the connection to " + connector.url() + " failed: "
                    + connector.hidePassword(e.getMessage()));
        } finally {
            connection = null;
        }
    }

    /** Checks that the checkpoint fits this configuration and sets the position the first page starts after. */
    private void readCheckpoint() {
        String lastKey = checkpoint.getLastKey();
        if (checkpoint.getKeyType() != null && checkpoint.getKeyType() != keyType) {
            throw new IllegalStateException("the checkpoint's keyType is " + checkpoint.getKeyType()
                    + " but key column '" + key.label() + "' of " + sourceName() + " is " + keyType + " ("
                    + key.typeName() + "): the checkpoint was written for another key column");
        }
        if (lastKey != null && keyType == KeyType.LONG) {
            try {
                Long.parseLong(lastKey);
            } catch (NumberFormatException e) {
                throw new IllegalStateException("the checkpoint's lastKey '" + lastKey + "' is not an integer, but "
                        + "key column '" + key.label() + "' of " + sourceName() + " is " + key.typeName());
            }
        }
        String savedWatermark = checkpoint.getWatermark();
        if (updatedAt == null && savedWatermark != null) {
            throw new IllegalStateException("the checkpoint holds a watermark (" + savedWatermark + "), so it was "
                    + "written in updated-at mode; set configuration.updatedAtColumn or start without it");
        }
        if (updatedAt != null && (savedWatermark == null) != (lastKey == null)) {
            throw new IllegalStateException("the checkpoint holds " + (lastKey == null ? "a watermark but no lastKey"
                    : "a lastKey but no watermark, so it was written in key mode")
                    + "; updated-at mode needs both or neither");
        }
        if (savedWatermark != null) {
            try {
                watermark = OffsetDateTime.parse(savedWatermark);
            } catch (DateTimeParseException e) {
                throw new IllegalStateException("the checkpoint's watermark '" + savedWatermark
                        + "' is not an ISO-8601 date-time with offset, such as 2024-05-01T08:00:00Z");
            }
        }
        if (watermark != null && configuration.getLateness() > 0) {
            // The first page starts at the bottom of the lateness window, not after the checkpoint's row.
            windowStart = watermark.minus(Duration.ofMillis(configuration.getLateness()));
        } else if (lastKey != null) {
            hasCursor = true;
            cursorLong = keyType == KeyType.LONG ? Long.parseLong(lastKey) : 0;
            cursorText = lastKey;
            cursorTime = watermark;
        }
    }

    private void openPage() throws SQLException {
        page = hasCursor ? queries.after(cursorTime, keyType == KeyType.LONG ? (Object) cursorLong : cursorText)
                : queries.first(windowStart);
        rows = page.executeQuery();
        rowsInPage = 0;
    }

    /** A key as the checkpoint and messages write it: a long key's text when it has one, else its number. */
    private String keyText(long keyLong, String text) {
        return keyType == KeyType.STRING || text != null ? text : Long.toString(keyLong);
    }

    private JsonObject emit() throws SQLException {
        long rowLong = 0;
        String rowText = null;
        if (keyType == KeyType.LONG) {
            rowLong = rows.getLong(key.index());
        } else {
            rowText = rows.getString(key.index());
        }
        OffsetDateTime rowTime = updatedAt == null ? null : updatedAt.timestamp(rows);
        checkIncreasing(rowLong, rowText, rowTime);
        hasCursor = true;
        cursorLong = rowLong;
        cursorText = rowText;
        cursorTime = rowTime;
        // The checkpoint follows the rows, except while the lateness window re-reads rows below the watermark.
        if (rowTime == null || watermark == null || !rowTime.isBefore(watermark)) {
            watermark = rowTime;
            bookmarkMoved = true;
            bookmarkLong = rowLong;
            bookmarkText = rowText;
            bookmarkTime = rowTime;
        }
        if (++emitted % batchSize == 0) {
            newBookmark = true;
        }
        JsonObjectBuilder json = factory.createObjectBuilder();
        for (Column column : columns) {
            column.addTo(json, rows);
        }
        return json.build();
    }

    /**
     * Fails when a row is not after the previous one: a duplicate key would lose its twins at a page boundary. The
     * database sorts and filters, so this only happens with a non-unique key or an inconsistent order; character
     * keys are only checked for equality, since the database's collation, not Java's, decides their order.
     */
    private void checkIncreasing(long rowLong, String rowText, OffsetDateTime rowTime) {
        if (!hasCursor) {
            return;
        }
        if (updatedAt != null) {
            int time = rowTime.compareTo(cursorTime);
            if (time < 0) {
                throw new IllegalStateException("updated-at column '" + updatedAt.label() + "' of " + sourceName()
                        + " went backwards: received " + rowTime + " (key " + keyText(rowLong, rowText) + ") after "
                        + cursorTime + " (key " + keyText(cursorLong, cursorText) + ")");
            }
            if (time > 0) {
                return;
            }
        }
        boolean notAfter = keyType == KeyType.LONG ? rowLong <= cursorLong : rowText.equals(cursorText);
        if (notAfter) {
            String cursorKey = keyText(cursorLong, cursorText);
            throw new IllegalStateException("key column '" + key.label() + "' of " + sourceName()
                    + " is not strictly increasing: received " + keyText(rowLong, rowText) + " at or below "
                    + (updatedAt == null ? "the checkpoint's lastKey " + cursorKey
                            : "the previous row's key " + cursorKey + " at the same updated-at " + rowTime)
                    + "; use a unique key that only grows, or rows are lost at page boundaries");
        }
    }

    /** Closes the page's result set, and its statement unless it is the one kept for every page after a row. */
    private void closePage() throws SQLException {
        try {
            if (rows != null) {
                rows.close();
            }
        } finally {
            try {
                if (queries != null) {
                    queries.release(page);
                }
            } finally {
                page = null;
                rows = null;
            }
        }
    }

    private String sourceName() {
        return configuration.sourceName();
    }
}
