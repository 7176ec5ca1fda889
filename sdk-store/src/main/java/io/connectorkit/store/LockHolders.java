package io.connectorkit.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Who holds locks on a table, for the message of a statement that gave up waiting for one. PostgreSQL tells
 * ({@code pg_locks} and {@code pg_stat_activity}: pid, user, application, client, state, since when); other databases
 * are not asked.
 */
final class LockHolders {

    private static final int LISTED = 5;

    private LockHolders() {
    }

    /**
     * {@code "; sessions holding locks on table t: pid 42 (user …, application 'psql', …)"}, or an empty string when the
     * database does not say or cannot be asked.
     */
    static String describe(Connection c, String table) {
        try {
            if (!"PostgreSQL".equals(c.getMetaData().getDatabaseProductName())) {
                return "";
            }
            List<String> sessions = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT a.pid, a.usename, a.application_name, "
                    + "a.client_addr, a.state, a.xact_start, l.mode FROM pg_locks l JOIN pg_stat_activity a "
                    + "ON a.pid = l.pid WHERE l.locktype = 'relation' AND l.relation = to_regclass(?) AND l.granted "
                    + "AND l.pid <> pg_backend_pid() ORDER BY a.xact_start")) {
                select.setString(1, table.toLowerCase());
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        sessions.add("pid " + rs.getInt(1) + " (user " + rs.getString(2) + ", application '"
                                + rs.getString(3) + "', client " + rs.getString(4) + ", " + rs.getString(5)
                                + ", transaction since " + rs.getObject(6) + ", " + rs.getString(7) + ")");
                    }
                }
            }
            if (sessions.isEmpty()) {
                return "";
            }
            String listed = String.join(", ", sessions.subList(0, Math.min(LISTED, sessions.size())));
            return "; PostgreSQL sessions holding locks on table " + table + ": "
                    + StoreIds.printable(listed, 2000)
                    + (sessions.size() > LISTED ? " and " + (sessions.size() - LISTED) + " more" : "");
        } catch (SQLException e) {
            return "";
        }
    }
}
