package io.connectorkit.samples.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * A JDBC driver that logs the SQL of every statement a connector prepares or executes, then hands it to the real
 * driver: {@code jdbc:ck-log:<log>:<real url>}. Each {@link #start(String) log} has its own id, so tests do not see
 * each other's statements.
 */
final class StatementLog implements Driver {

    private static final String PREFIX = "jdbc:ck-log:";
    private static final Map<String, List<String>> LOGS = new ConcurrentHashMap<>();

    static {
        try {
            DriverManager.registerDriver(new StatementLog());
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final String id;

    private StatementLog() {
        this.id = null;
    }

    private StatementLog(String id) {
        this.id = id;
    }

    /** A new, empty log of the statements run over connections to {@link #url()}. */
    static StatementLog start(String realUrl) {
        StatementLog log = new StatementLog(UUID.randomUUID().toString().replace("-", "") + ":" + realUrl);
        LOGS.put(log.logId(), new ArrayList<>());
        return log;
    }

    /** The URL to give the connector. */
    String url() {
        return PREFIX + id;
    }

    /** The SQL logged so far, in order. */
    List<String> statements() {
        List<String> log = LOGS.get(logId());
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    /** How many of the statements logged so far contain {@code text}, case-insensitively. */
    long count(String text) {
        return statements().stream().filter(sql -> sql.toUpperCase().contains(text.toUpperCase())).count();
    }

    private String logId() {
        return id.substring(0, id.indexOf(':'));
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null;
        }
        String rest = url.substring(PREFIX.length());
        int colon = rest.indexOf(':');
        List<String> log = LOGS.get(rest.substring(0, colon));
        if (log == null) {
            throw new SQLException("no statement log " + rest.substring(0, colon));
        }
        Connection real = DriverManager.getConnection(rest.substring(colon + 1), info);
        return proxy(Connection.class, real, (target, method, args) -> {
            if ((method.getName().equals("prepareStatement") || method.getName().equals("prepareCall"))
                    && args != null && args[0] instanceof String sql) {
                add(log, sql);
            }
            Object result = invoke(method, target, args);
            if (result instanceof Statement statement && method.getName().equals("createStatement")) {
                return proxy(Statement.class, statement, (s, m, a) -> {
                    if (m.getName().startsWith("execute") && a != null && a.length > 0 && a[0] instanceof String sql) {
                        add(log, sql);
                    }
                    return invoke(m, s, a);
                });
            }
            return result;
        });
    }

    private static void add(List<String> log, String sql) {
        synchronized (log) {
            log.add(sql);
        }
    }

    /** A handler given the real object it forwards to. */
    private interface Forwarding<T> {
        Object invoke(T target, java.lang.reflect.Method method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, T target, Forwarding<T> forwarding) {
        InvocationHandler handler = (proxy, method, args) -> forwarding.invoke(target, method, args);
        return type.cast(Proxy.newProxyInstance(StatementLog.class.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    public boolean acceptsURL(String url) {
        return url != null && url.startsWith(PREFIX);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
        return new DriverPropertyInfo[0];
    }

    @Override
    public int getMajorVersion() {
        return 1;
    }

    @Override
    public int getMinorVersion() {
        return 0;
    }

    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }
}
