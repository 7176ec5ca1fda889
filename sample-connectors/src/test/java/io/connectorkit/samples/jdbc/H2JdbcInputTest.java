package io.connectorkit.samples.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

/** jdbc-input on embedded H2: one in-memory database per class, with a user and a password. */
class H2JdbcInputTest extends JdbcInputContract {

    @RegisterExtension
    static final TestDatabase.H2 DATABASE = new TestDatabase.H2("jdbc_input_", "ck", "H2-right-Pa55");

    H2JdbcInputTest() {
        super(DATABASE);
    }
}
