package io.connectorkit.runner;

import io.connectorkit.testsupport.RequiresPostgres;
import io.connectorkit.testsupport.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** The partitioned job contract on jdbc-input over PostgreSQL (skipped without a server, unless required). */
@RequiresPostgres
class PostgresJdbcPartitionedJobTest extends JdbcPartitionedJobContract {

    @Override
    String url() {
        return TestPostgres.URL;
    }

    @Override
    Connection connect() throws SQLException {
        return DriverManager.getConnection(url());
    }
}
