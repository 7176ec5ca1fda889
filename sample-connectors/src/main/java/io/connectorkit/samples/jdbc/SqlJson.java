package io.connectorkit.samples.jdbc;

import jakarta.json.JsonObjectBuilder;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

/**
 * How an SQL value becomes JSON in the sample connectors, once for all of them: {@code jdbc/jdbc-input} adds the
 * values of a result set's columns with these methods, and {@code postgres/cdc-input} the values of a change, so the
 * same row reads the same through both. Integers, decimals and booleans are JSON numbers and booleans (written
 * directly by the callers); the rest is here.
 */
public final class SqlJson {

    private SqlJson() {
    }

    /** A finite double as a JSON number; NaN and the infinities, which JSON lacks, as the strings Java writes. */
    public static void addDouble(JsonObjectBuilder json, String label, double value) {
        if (Double.isFinite(value)) {
            json.add(label, value);
        } else {
            json.add(label, Double.toString(value));
        }
    }

    /** A date, {@code "2024-01-31"}. */
    public static void addDate(JsonObjectBuilder json, String label, LocalDate value) {
        json.add(label, value.toString());
    }

    /** A time of day, ISO-8601: {@code "10:15:30.5"}. */
    public static void addTime(JsonObjectBuilder json, String label, LocalTime value) {
        json.add(label, DateTimeFormatter.ISO_LOCAL_TIME.format(value));
    }

    /** A time of day with its offset, ISO-8601: {@code "10:15:30+02:00"}. */
    public static void addTime(JsonObjectBuilder json, String label, OffsetTime value) {
        json.add(label, DateTimeFormatter.ISO_OFFSET_TIME.format(value));
    }

    /** A timestamp without time zone, ISO-8601 local: {@code "2024-01-31T10:15:30.123"}. */
    public static void addTimestamp(JsonObjectBuilder json, String label, LocalDateTime value) {
        json.add(label, DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(value));
    }

    /** A timestamp with time zone, as the same instant in UTC: {@code "2024-01-31T08:15:30.123Z"}. */
    public static void addTimestamp(JsonObjectBuilder json, String label, OffsetDateTime value) {
        json.add(label, DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value.withOffsetSameInstant(ZoneOffset.UTC)));
    }

    /** Bytes, in Base64. */
    public static void addBytes(JsonObjectBuilder json, String label, byte[] value) {
        json.add(label, Base64.getEncoder().encodeToString(value));
    }
}
