package io.connectorkit.samples.jdbc;

import io.connectorkit.testsupport.RequiresPostgres;
import io.connectorkit.testsupport.TestPostgres;

/** jdbc-input's key ranges on the PostgreSQL server of {@link TestPostgres}. */
@RequiresPostgres
class PostgresJdbcInputSplitTest extends JdbcInputSplitContract {

    PostgresJdbcInputSplitTest() {
        super(TestDatabase.POSTGRES);
    }
}
