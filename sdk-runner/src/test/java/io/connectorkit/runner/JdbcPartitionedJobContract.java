package io.connectorkit.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The partitioned job contract on {@code jdbc/jdbc-input} split by key ranges ({@code --split-size 500} keys over
 * keys 1 … 2000 with gaps); a subclass gives the database.
 */
abstract class JdbcPartitionedJobContract extends PartitionedJobContract {

    static final String TABLE = "ck_partitioned_job";

    /** The database's JDBC URL, user and password included. */
    abstract String url();

    abstract Connection connect() throws SQLException;

    @BeforeEach
    void fillTable() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + TABLE);
            statement.execute("CREATE TABLE " + TABLE + " (id BIGINT PRIMARY KEY, name VARCHAR(40))");
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + TABLE + " VALUES (?, ?)")) {
                for (long id : ids()) {
                    insert.setLong(1, id);
                    insert.setString(2, "name " + id);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
    }

    /** 1 … 2000 without the multiples of 7: key ranges with gaps. */
    private static List<Long> ids() {
        List<Long> ids = new ArrayList<>();
        for (long id = 1; id <= 2000; id++) {
            if (id % 7 != 0) {
                ids.add(id);
            }
        }
        return ids;
    }

    @Test
    void aFinishedJobRunAgainReadsTheRowsAddedSinceFromWhereEachRangeEnded() throws Exception {
        Files.writeString(dir.resolve("configuration.json"), configuration());
        List<String> arguments = List.of("run", "--family", "jdbc", "--name", "jdbc-input", "--configuration",
                dir.resolve("configuration.json").toString(), "--store", "file:" + dir.resolve("store"), "--output",
                dir.resolve("out.jsonl").toString(), "--job", job(), "--split-size", "500", "--parallelism", "2");
        Cli.run(arguments.toArray(String[]::new)).assertCode(0);
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO " + TABLE + " SELECT id + 1000, name FROM " + TABLE + " WHERE id > 1900");
        }

        Cli.run(arguments.toArray(String[]::new)).assertCode(0).assertErrContains("finished its last pass");

        List<String> expected = new ArrayList<>(reference());
        for (String id : reference()) {
            if (Long.parseLong(id) > 1900) {
                expected.add(String.valueOf(Long.parseLong(id) + 1000));
            }
        }
        List<String> output = outputIdentities();
        assertEquals(new TreeSet<>(expected), new TreeSet<>(output), "the new rows, read by the open last range");
        assertEquals(expected.size(), output.size(), "and nothing read twice");
    }

    @Override
    String component() {
        return "jdbc/jdbc-input";
    }

    @Override
    String configuration() {
        return "{\"configuration\": {\"url\": \"" + url() + "\", \"table\": \"" + TABLE + "\", \"keyColumn\": \"id\"}}";
    }

    @Override
    String changedConfiguration() {
        return "{\"configuration\": {\"url\": \"" + url() + "\", \"table\": \"" + TABLE + "\", \"keyColumn\": \"id\", "
                + "\"fetchSize\": 10}}";
    }

    @Override
    String changedKey() {
        return "configuration.fetchSize";
    }

    @Override
    List<String> runArguments() {
        return List.of("--split-size", "500");
    }

    @Override
    List<String> reference() {
        return ids().stream().map(String::valueOf).toList();
    }

    @Override
    String identity(JsonObject record) {
        return record.getJsonNumber("id").toString();
    }
}
