package io.connectorkit.samples.cdc;

import io.connectorkit.samples.cdc.PgOutput.Begin;
import io.connectorkit.samples.cdc.PgOutput.Change;
import io.connectorkit.samples.cdc.PgOutput.Column;
import io.connectorkit.samples.cdc.PgOutput.Commit;
import io.connectorkit.samples.cdc.PgOutput.Relation;
import io.connectorkit.samples.cdc.PgOutput.Truncate;
import io.connectorkit.samples.cdc.PgOutput.Tuple;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code pgoutput} messages (protocol version 1, text values) from the payloads of the replication stream. It
 * keeps the relations the stream described, which later changes refer to by OID. Not thread-safe.
 */
final class PgOutputDecoder {

    private final Map<Integer, Relation> relations = new HashMap<>();

    /**
     * The message in {@code payload}: a {@link Begin}, {@link Commit}, {@link Change} or {@link Truncate}; or
     * {@code null} for one the input need not see (a relation, which is kept, a type, an origin, a message).
     *
     * @throws IllegalStateException for a message this decoder cannot read, naming its type
     */
    Object decode(ByteBuffer payload) {
        char type = (char) payload.get();
        return switch (type) {
            case 'B' -> new Begin(payload.getLong(), payload.getLong(), payload.getInt());
            case 'C' -> {
                payload.get(); // flags, unused
                yield new Commit(payload.getLong(), payload.getLong(), payload.getLong());
            }
            case 'R' -> {
                Relation relation = relation(payload);
                relations.put(relation.oid(), relation);
                yield null;
            }
            case 'I' -> {
                Relation relation = relationOf(payload.getInt());
                payload.get(); // 'N'
                yield new Change('I', relation, '0', null, tuple(payload));
            }
            case 'U' -> update(payload);
            case 'D' -> {
                Relation relation = relationOf(payload.getInt());
                char kind = (char) payload.get();
                yield new Change('D', relation, kind, tuple(payload), null);
            }
            case 'T' -> truncate(payload);
            case 'Y', 'O', 'M' -> null; // types, origins and logical messages carry no row
            default -> throw new IllegalStateException("unexpected pgoutput message type '" + type + "' (protocol "
                    + "version 1): is the slot's plugin pgoutput?");
        };
    }

    private Change update(ByteBuffer payload) {
        Relation relation = relationOf(payload.getInt());
        char kind = (char) payload.get();
        if (kind == 'N') {
            return new Change('U', relation, '0', null, tuple(payload));
        }
        Tuple old = tuple(payload);
        payload.get(); // 'N'
        return new Change('U', relation, kind, old, tuple(payload));
    }

    private Truncate truncate(ByteBuffer payload) {
        int count = payload.getInt();
        payload.get(); // options: CASCADE, RESTART IDENTITY
        List<Relation> truncated = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            truncated.add(relationOf(payload.getInt()));
        }
        return new Truncate(truncated);
    }

    private static Relation relation(ByteBuffer payload) {
        int oid = payload.getInt();
        String schema = string(payload);
        String table = string(payload);
        char identity = (char) payload.get();
        int count = payload.getShort();
        List<Column> columns = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            boolean key = (payload.get() & 1) != 0;
            String name = string(payload);
            int typeOid = payload.getInt();
            payload.getInt(); // type modifier
            columns.add(new Column(name, typeOid, key));
        }
        return new Relation(oid, schema.isEmpty() ? "pg_catalog" : schema, table, identity, List.copyOf(columns));
    }

    private Relation relationOf(int oid) {
        Relation relation = relations.get(oid);
        if (relation == null) {
            throw new IllegalStateException("a change of relation OID " + oid + " came before its description");
        }
        return relation;
    }

    private static Tuple tuple(ByteBuffer payload) {
        int count = payload.getShort();
        byte[] kinds = new byte[count];
        String[] values = new String[count];
        for (int i = 0; i < count; i++) {
            byte kind = payload.get();
            kinds[i] = kind;
            if (kind == 't') {
                int length = payload.getInt();
                values[i] = new String(payload.array(), payload.arrayOffset() + payload.position(), length,
                        StandardCharsets.UTF_8);
                payload.position(payload.position() + length);
            } else if (kind != 'n' && kind != 'u') {
                throw new IllegalStateException("unexpected pgoutput tuple value kind '" + (char) kind + "' (binary "
                        + "values are not asked for)");
            }
        }
        return new Tuple(kinds, values);
    }

    /** A NUL-terminated string. */
    private static String string(ByteBuffer payload) {
        int start = payload.position();
        int end = start;
        while (payload.get(end) != 0) {
            end++;
        }
        String value = new String(payload.array(), payload.arrayOffset() + start, end - start, StandardCharsets.UTF_8);
        payload.position(end + 1);
        return value;
    }
}
