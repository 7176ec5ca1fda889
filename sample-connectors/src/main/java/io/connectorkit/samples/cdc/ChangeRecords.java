package io.connectorkit.samples.cdc;

import io.connectorkit.samples.cdc.PgOutput.Begin;
import io.connectorkit.samples.cdc.PgOutput.Change;
import io.connectorkit.samples.cdc.PgOutput.Column;
import io.connectorkit.samples.cdc.PgOutput.Relation;
import io.connectorkit.samples.cdc.PgOutput.Truncate;
import io.connectorkit.samples.cdc.PgOutput.Tuple;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.postgresql.replication.LogSequenceNumber;

/**
 * Builds {@link CdcInput}'s records, one JSON object per change, all of the same fields (so that a table sink takes
 * them):
 * <pre>{"op": "update", "schemaName": "public", "tableName": "orders", "key": {"id": 7}, "new": {...},
 *  "old": {...}, "unchangedToast": null, "lsn": "0/1A2B3C4", "commitTime": "2024-01-31T08:15:30.123456Z",
 *  "xid": 812}</pre>
 * {@code op} is {@code insert}, {@code update}, {@code delete} or {@code truncate} (one record per truncated table);
 * {@code key} holds the primary key columns (those of the replica identity when the table has no primary key);
 * {@code new} every column of an insert or update but those whose unchanged TOASTed value the server did not send,
 * listed in {@code unchangedToast}; {@code old} is there when the replica identity gives it: the whole old row with
 * {@code REPLICA IDENTITY FULL}, the old key when an update changed it, the deleted row's key. A field without a
 * value is {@code null}. {@code lsn} and {@code commitTime} are the transaction's commit position and time.
 */
final class ChangeRecords {

    private static final long POSTGRES_EPOCH_SECONDS = 946_684_800L; // 2000-01-01T00:00:00Z

    private final JsonBuilderFactory json;
    private final Map<String, Set<String>> primaryKeys;
    private Begin described;
    private String commitLsn;
    private String commitTime;

    /** @param primaryKeys the primary key columns by {@code schema.table}, read when the stream started */
    ChangeRecords(JsonBuilderFactory json, Map<String, Set<String>> primaryKeys) {
        this.json = json;
        this.primaryKeys = primaryKeys;
    }

    /** The record of {@code change}, in the transaction {@code begin}. */
    JsonObject change(Change change, Begin begin) {
        Relation relation = change.relation();
        JsonObjectBuilder record = json.createObjectBuilder()
                .add("op", change.op() == 'I' ? "insert" : change.op() == 'U' ? "update" : "delete")
                .add("schemaName", relation.schema())
                .add("tableName", relation.table());
        Set<String> key = primaryKeys.get(relation.schema() + "." + relation.table());
        Tuple keySource = change.newTuple() != null ? change.newTuple() : change.oldTuple();
        record.add("key", key != null ? values(relation, keySource, key, false)
                : values(relation, keySource, null, true));
        if (change.newTuple() != null) {
            record.add("new", values(relation, change.newTuple(), null, false));
        } else {
            record.addNull("new");
        }
        if (change.oldTuple() != null) {
            // With the old key only ('K'), the other columns come as nulls that mean "not sent": left out.
            record.add("old", values(relation, change.oldTuple(), null, change.oldKind() == 'K'));
        } else {
            record.addNull("old");
        }
        JsonArrayBuilder unchanged = change.newTuple() == null ? null : unchangedToast(relation, change.newTuple());
        if (unchanged != null) {
            record.add("unchangedToast", unchanged);
        } else {
            record.addNull("unchangedToast");
        }
        return transaction(record, begin).build();
    }

    /** The records of {@code truncate}, one per table, in the transaction {@code begin}. */
    List<JsonObject> truncate(Truncate truncate, Begin begin) {
        List<JsonObject> truncated = new ArrayList<>();
        for (Relation relation : truncate.relations()) {
            truncated.add(transaction(json.createObjectBuilder().add("op", "truncate")
                    .add("schemaName", relation.schema()).add("tableName", relation.table()).addNull("key")
                    .addNull("new").addNull("old").addNull("unchangedToast"), begin).build());
        }
        return truncated;
    }

    private JsonObjectBuilder transaction(JsonObjectBuilder record, Begin begin) {
        if (begin != described) {
            // Once per transaction rather than per change: the same for all its records.
            long micros = begin.commitMicros();
            commitTime = Instant.ofEpochSecond(POSTGRES_EPOCH_SECONDS + Math.floorDiv(micros, 1_000_000L),
                    Math.floorMod(micros, 1_000_000L) * 1000L).toString();
            commitLsn = LogSequenceNumber.valueOf(begin.finalLsn()).asString();
            described = begin;
        }
        return record.add("lsn", commitLsn).add("commitTime", commitTime)
                .add("xid", Integer.toUnsignedLong(begin.xid()));
    }

    /**
     * The columns of {@code tuple} but unchanged TOASTed values: those named in {@code only} when given, else the
     * replica identity's when {@code identityOnly}, else all.
     */
    private JsonObject values(Relation relation, Tuple tuple, Set<String> only, boolean identityOnly) {
        JsonObjectBuilder values = json.createObjectBuilder();
        List<Column> columns = relation.columns();
        for (int i = 0; i < columns.size() && i < tuple.kinds().length; i++) {
            Column column = columns.get(i);
            if (only != null ? !only.contains(column.name()) : identityOnly && !column.identity()) {
                continue;
            }
            byte kind = tuple.kinds()[i];
            if (kind == 'n') {
                values.addNull(column.name());
            } else if (kind == 't') {
                TextValues.add(values, column.name(), column.typeOid(), tuple.values()[i]);
            }
        }
        return values.build();
    }

    private JsonArrayBuilder unchangedToast(Relation relation, Tuple tuple) {
        JsonArrayBuilder names = null;
        for (int i = 0; i < tuple.kinds().length; i++) {
            if (tuple.kinds()[i] == 'u') {
                names = names == null ? json.createArrayBuilder() : names;
                names.add(relation.columns().get(i).name());
            }
        }
        return names;
    }
}
