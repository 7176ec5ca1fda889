package io.connectorkit.testing.store;

import java.util.UUID;

/** The store contract on the JDBC store with an embedded H2 database per test. */
class H2JdbcCheckpointStoreContractTest extends JdbcStoreContract {

    private final String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

    @Override
    String url() {
        return url;
    }
}
