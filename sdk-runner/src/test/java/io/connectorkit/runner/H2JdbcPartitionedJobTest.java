package io.connectorkit.runner;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** The partitioned job contract on jdbc-input over an embedded H2 file database (a child JVM reads it too). */
class H2JdbcPartitionedJobTest extends JdbcPartitionedJobContract {

    @Override
    String url() {
        return "jdbc:h2:file:" + dir.resolve("source") + ";DATABASE_TO_LOWER=TRUE";
    }

    @Override
    Connection connect() throws SQLException {
        return DriverManager.getConnection(url());
    }
}
