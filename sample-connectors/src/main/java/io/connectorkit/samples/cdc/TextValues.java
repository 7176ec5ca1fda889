package io.connectorkit.samples.cdc;

import io.connectorkit.samples.jdbc.SqlJson;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;

/**
 * A value of a change, as PostgreSQL's output function wrote it (the replication session asks for ISO dates in UTC
 * and hex bytea), added to a JSON object the way {@code jdbc/jdbc-input} adds the same column ({@link SqlJson}):
 * integers and decimals as numbers, booleans, dates and times as ISO-8601 (timestamps with time zone in UTC), bytes
 * in Base64, other types as their text. A value its type's parser does not take (an infinite date, a BC year) stays
 * text.
 */
final class TextValues {

    // Built-in type OIDs (pg_type.dat): stable across PostgreSQL releases.
    private static final int BOOL = 16;
    private static final int BYTEA = 17;
    private static final int INT8 = 20;
    private static final int INT2 = 21;
    private static final int INT4 = 23;
    private static final int OID = 26;
    private static final int FLOAT4 = 700;
    private static final int FLOAT8 = 701;
    private static final int NUMERIC = 1700;
    private static final int DATE = 1082;
    private static final int TIME = 1083;
    private static final int TIMESTAMP = 1114;
    private static final int TIMESTAMPTZ = 1184;
    private static final int TIMETZ = 1266;

    /** {@code 2024-01-31 10:15:30.123456}: ISO with a space. */
    private static final DateTimeFormatter LOCAL_TIMESTAMP = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE).appendLiteral(' ').append(DateTimeFormatter.ISO_LOCAL_TIME)
            .toFormatter();
    /** {@code +00}, {@code +05:30}, {@code -03:30:15}. */
    private static final DateTimeFormatter OFFSET = new DateTimeFormatterBuilder().appendOffset("+HH:mm:ss", "+00")
            .toFormatter();
    private static final DateTimeFormatter TIMESTAMP_WITH_OFFSET = new DateTimeFormatterBuilder()
            .append(LOCAL_TIMESTAMP).append(OFFSET).toFormatter();
    private static final DateTimeFormatter TIME_WITH_OFFSET = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_TIME).append(OFFSET).toFormatter();

    private TextValues() {
    }

    /** Adds {@code text}, a value of the type {@code typeOid}, to {@code json} as {@code label}. */
    static void add(JsonObjectBuilder json, String label, int typeOid, String text) {
        try {
            switch (typeOid) {
                case INT2, INT4, INT8, OID -> json.add(label, Long.parseLong(text));
                case NUMERIC -> json.add(label, new BigDecimal(text));
                case FLOAT4, FLOAT8 -> SqlJson.addDouble(json, label, Double.parseDouble(text));
                case BOOL -> json.add(label, "t".equals(text));
                case DATE -> SqlJson.addDate(json, label, LocalDate.parse(text));
                case TIME -> SqlJson.addTime(json, label, LocalTime.parse(text));
                case TIMETZ -> SqlJson.addTime(json, label, OffsetTime.parse(text, TIME_WITH_OFFSET));
                case TIMESTAMP -> SqlJson.addTimestamp(json, label, LocalDateTime.parse(text, LOCAL_TIMESTAMP));
                case TIMESTAMPTZ -> SqlJson.addTimestamp(json, label,
                        OffsetDateTime.parse(text, TIMESTAMP_WITH_OFFSET));
                case BYTEA -> SqlJson.addBytes(json, label, HexFormat.of().parseHex(text, 2, text.length()));
                default -> json.add(label, text);
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            json.add(label, text); // NaN numeric, infinity, BC dates: kept as the server wrote them
        }
    }
}
