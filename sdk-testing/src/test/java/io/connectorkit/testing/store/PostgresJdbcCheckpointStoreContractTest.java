package io.connectorkit.testing.store;

import io.connectorkit.testsupport.RequiresPostgres;
import io.connectorkit.testsupport.TestPostgres;

/** The store contract on the JDBC store with the PostgreSQL server of {@link TestPostgres}. */
@RequiresPostgres
class PostgresJdbcCheckpointStoreContractTest extends JdbcStoreContract {

    @Override
    String url() {
        return TestPostgres.URL;
    }
}
