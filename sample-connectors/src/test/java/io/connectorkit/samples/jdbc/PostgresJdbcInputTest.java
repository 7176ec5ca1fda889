package io.connectorkit.samples.jdbc;

import io.connectorkit.testsupport.RequiresPostgres;
import io.connectorkit.testsupport.TestPostgres;

/** jdbc-input on the PostgreSQL server of {@link TestPostgres}. */
@RequiresPostgres
class PostgresJdbcInputTest extends JdbcInputContract {

    PostgresJdbcInputTest() {
        super(TestDatabase.POSTGRES);
    }
}
