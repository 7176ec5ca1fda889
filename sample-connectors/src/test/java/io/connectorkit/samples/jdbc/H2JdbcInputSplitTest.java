package io.connectorkit.samples.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

/** jdbc-input's key ranges on embedded H2: one in-memory database per class, with a user and a password. */
class H2JdbcInputSplitTest extends JdbcInputSplitContract {

    @RegisterExtension
    static final TestDatabase.H2 DATABASE = new TestDatabase.H2("jdbc_split_", "ck", "H2-split-Pa55-c7e1");

    H2JdbcInputSplitTest() {
        super(DATABASE);
    }
}
