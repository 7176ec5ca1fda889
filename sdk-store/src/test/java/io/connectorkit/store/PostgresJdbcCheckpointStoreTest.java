package io.connectorkit.store;

import io.connectorkit.testsupport.RequiresPostgres;
import io.connectorkit.testsupport.TestPostgres;

/** The JDBC store on the PostgreSQL server of {@link TestPostgres}. */
@RequiresPostgres
class PostgresJdbcCheckpointStoreTest extends JdbcCheckpointStoreContract {

    private static final UrlDataSource DATA_SOURCE = new UrlDataSource(TestPostgres.URL);

    @Override
    UrlDataSource dataSource() {
        return DATA_SOURCE;
    }
}
