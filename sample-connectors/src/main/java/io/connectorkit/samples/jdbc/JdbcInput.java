package io.connectorkit.samples.jdbc;

import io.connectorkit.api.configuration.Option;
import io.connectorkit.api.input.Assessor;
import io.connectorkit.api.input.Emitter;
import io.connectorkit.api.input.PartitionMapper;
import io.connectorkit.api.input.PartitionSize;
import io.connectorkit.api.input.Split;
import io.connectorkit.api.input.SplitId;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import java.util.List;

/**
 * Reads one table (or query) page by page in the order of a key, emits each row as a {@link JsonObject} (column
 * label → value) and resumes after the last row it emitted: {@code jdbc/jdbc-input}. A partition mapper: read whole
 * ({@code Mapper.create()}) it is one reader, as it always was; split, each key range of an integer key is read by a
 * reader of its own, with its own checkpoint. The reader is {@link JdbcReader}.
 *
 * <h2>Key mode</h2>
 * Each page is one query, {@code SELECT * FROM t WHERE key > ? ORDER BY key FETCH FIRST fetchSize ROWS ONLY},
 * bound with the last key read. The checkpoint ({@link JdbcInputCheckpoint}) holds that key, so a run started from
 * a finished run's checkpoint reads only the rows added since (incremental). The key must be unique and only grow:
 * a row committed later with a key below the checkpoint (a sequence value taken by a long transaction) is never
 * read. Rows with a NULL key are never read.
 *
 * <h2>Updated-at mode</h2>
 * With {@code updatedAtColumn}, rows are read in the order of {@code (updatedAt, key)} with keyset pagination,
 * {@code WHERE updatedAt > ? OR (updatedAt = ? AND key > ?) ORDER BY updatedAt, key}, so a row updated since the
 * last run (its updated-at set to a later time) is read again. The checkpoint's {@code watermark} is the largest
 * updated-at emitted and {@code lastKey} the key of that row.
 *
 * <p>Event time. Rows are read in updated-at order, so a row that becomes visible (commits) with an updated-at below
 * the position already read (a late row: written by a long transaction, or by a server whose clock is behind) is
 * behind the reader. With {@code lateness = 0} it is never read, unless it is updated again. With
 * {@code lateness = L} milliseconds, a run that starts from a checkpoint with watermark {@code W} first re-reads
 * every row whose updated-at is at or above {@code W - L}, then goes on past {@code W}: a late row is read by the
 * first run that starts while {@code W - L} is at or below its updated-at. The rows of that window that were already
 * emitted are emitted again by every run (at-least-once: deduplicate downstream on key and updated-at), and the
 * watermark never goes down. A row that becomes visible only after the watermark has moved more than {@code L} past
 * its updated-at is never read. Rows with a NULL key or updated-at are never read.
 *
 * <h2>Key ranges (splits)</h2>
 * {@code keyFrom} (inclusive) and {@code keyTo} (exclusive) bound the integer keys a configuration reads, in every
 * mode: each page adds {@code AND key >= keyFrom AND key < keyTo} (each when set; absent means unbounded), so a range
 * reads in key order from its own {@code lastKey} and stops at its upper bound. They are refused for a character key.
 * <ul>
 *   <li>{@link #estimateSize() @Assessor}: the number of integer keys from the smallest to the largest,
 *       {@code MAX(key) - MIN(key) + 1} (not the number of rows: keys may have gaps), 0 for an empty table; 1 for a
 *       configuration read as one split (below).</li>
 *   <li>{@link #split(long) @Split}: queries {@code MIN(key)} and {@code MAX(key)} once, and cuts them into ranges of
 *       {@code desiredSize} keys ({@link KeyRanges}: at most {@value KeyRanges#MAX_RANGES} ranges, wider ones when
 *       needed). The first range is open below and the last open above, so every key is in exactly one range, and
 *       rows inserted after planning above the largest key are read by the last range, below the smallest by the
 *       first (unless it has read past them already: keys only grow, as in key mode). An empty table (no MIN or
 *       MAX) gives one split reading everything, so rows inserted later are read. Each split starts from its start:
 *       a checkpoint in the configuration being split is not carried over (a host plans before any checkpoint).</li>
 *   <li>One split, the whole configuration (its checkpoint left out), when key ranges do not apply: a non-integer
 *       key column (its order is the database's collation), a {@code query} (MIN and MAX would run the whole query,
 *       whose rows need not be the same when the ranges read it), or updated-at mode (a range would scan every row
 *       of the updated-at order to find its keys). It does not fail; the reason is logged.</li>
 *   <li>{@link #splitId() @SplitId}: {@code keys-<from>-<to>}, {@code start} and {@code end} for an open side and
 *       {@code m} for a minus sign ({@code keys-start-m5}, {@code keys-m5-15}, {@code keys-15-end}); {@code all} for
 *       a configuration without bounds.</li>
 * </ul>
 * Planning only runs {@code MIN}/{@code MAX}: a host saves the plan and never splits again, and the reader never
 * queries them. A split's descriptor is its configuration without the {@code @Credential} password (the runtime
 * leaves credentials out; a password written in the {@code url} is not a credential, and is in the descriptor).
 *
 * <h2>Guarantees</h2>
 * A checkpoint is signalled every {@code batchSize} rows and covers every row emitted before it, so after a crash a
 * resume repeats at most {@code batchSize} rows (plus the lateness window) and loses none. A key that repeats, or an
 * integer key that goes down, fails the run, naming the column and both values, instead of losing rows at a page
 * boundary; character keys are only checked for repeats, since the database's collation, not Java's, orders them.
 * Timestamps without time zone are taken as UTC.
 *
 * <p>This class checks the configuration and plans; {@link JdbcReader} reads, {@link KeySpan} queries the keys' span
 * and {@link KeyRanges} cuts it.
 */
@PartitionMapper(family = "jdbc", name = "jdbc-input")
public class JdbcInput {

    private static final System.Logger LOG = System.getLogger(JdbcInput.class.getName());

    private final JsonBuilderFactory factory;
    private final JdbcInputConfig configuration;

    /**
     * @throws IllegalArgumentException when both or neither of {@code table} and {@code query} are set,
     *     {@code lateness} is set without {@code updatedAtColumn}, or {@code keyFrom} is not below {@code keyTo}
     */
    public JdbcInput(JsonBuilderFactory factory, @Option("configuration") JdbcInputConfig configuration) {
        this.factory = factory;
        this.configuration = configuration;
        boolean hasTable = !isBlank(configuration.getTable());
        boolean hasQuery = !isBlank(configuration.getQuery());
        if (hasTable == hasQuery) {
            throw new IllegalArgumentException("set exactly one of configuration.table and configuration.query, "
                    + (hasTable ? "not both" : "neither is set"));
        }
        if (configuration.getLateness() > 0 && isBlank(configuration.getUpdatedAtColumn())) {
            throw new IllegalArgumentException("configuration.lateness needs configuration.updatedAtColumn: "
                    + "it is a window below the updated-at watermark");
        }
        configuration.keyRange(); // checks keyFrom < keyTo
    }

    /** Read back by the runtime: a split's configuration is its descriptor. */
    public JdbcInputConfig getConfiguration() {
        return configuration;
    }

    /**
     * The number of integer keys from the smallest to the largest (not rows), one {@code MIN}/{@code MAX} query; 0
     * for an empty table; 1 for a configuration read as one split.
     */
    @Assessor
    public long estimateSize() {
        KeyPlanning planning = KeyPlanning.of(configuration);
        if (!planning.splittable()) {
            return 1;
        }
        return planning.span() == null ? 0 : planning.span().keys();
    }

    /**
     * Key ranges of about {@code desiredSize} keys, in key order, the first open below and the last open above; or
     * the whole configuration, as one split, when key ranges do not apply (see the class description).
     */
    @Split
    public List<JdbcInput> split(@PartitionSize long desiredSize) {
        KeyPlanning planning = KeyPlanning.of(configuration);
        KeyRange outer = configuration.keyRange();
        if (!planning.splittable()) {
            LOG.log(System.Logger.Level.INFO, () -> "jdbc/jdbc-input: " + configuration.sourceName()
                    + " is read as one split: " + planning.reason());
            return List.of(new JdbcInput(factory, configuration.forRange(outer)));
        }
        List<KeyRange> ranges = planning.span() == null ? List.of(outer)
                : KeyRanges.cut(outer, planning.span().min(), planning.span().max(), desiredSize);
        return ranges.stream().map(range -> new JdbcInput(factory, configuration.forRange(range))).toList();
    }

    /** {@code keys-<from>-<to>}, or {@code all} without bounds: see {@link KeyRange#id()}. */
    @SplitId
    public String splitId() {
        return configuration.keyRange().id();
    }

    /** The reader of this mapper's rows: the whole configuration's, or one key range's. */
    @Emitter
    public JdbcReader read() {
        return new JdbcReader(factory, configuration);
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
