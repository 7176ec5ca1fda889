package io.connectorkit.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Captures what a class logs through {@code System.Logger} (backed by java.util.logging in tests), from
 * {@link #of} until {@link #close()}. Captured records are asserted on, not printed, which keeps the build log
 * readable. Thread-safe.
 */
public final class LogCapture extends Handler implements AutoCloseable {

    private final Logger logger;
    private final boolean usedParentHandlers;
    private final List<LogRecord> records = new ArrayList<>();

    private LogCapture(Class<?> source) {
        logger = Logger.getLogger(source.getName());
        usedParentHandlers = logger.getUseParentHandlers();
        logger.addHandler(this);
        logger.setUseParentHandlers(false);
    }

    /** Starts capturing what the logger named after {@code source} logs. */
    public static LogCapture of(Class<?> source) {
        return new LogCapture(source);
    }

    @Override
    public synchronized void publish(LogRecord record) {
        records.add(record);
    }

    /** Every message captured so far, formatted, oldest first. */
    public synchronized List<String> messages() {
        return records.stream().map(LogCapture::format).toList();
    }

    /** The messages at level WARNING or above captured so far, formatted, oldest first. */
    public synchronized List<String> warnings() {
        return records.stream().filter(r -> r.getLevel().intValue() >= Level.WARNING.intValue())
                .map(LogCapture::format).toList();
    }

    /** Forgets what was captured so far. */
    public synchronized void clear() {
        records.clear();
    }

    @Override
    public void flush() {
    }

    /** Stops capturing; the logger prints again as before. */
    @Override
    public void close() {
        logger.removeHandler(this);
        logger.setUseParentHandlers(usedParentHandlers);
    }

    private static String format(LogRecord record) {
        return new SimpleFormatter().formatMessage(record);
    }
}
