package io.connectorkit.runtime;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Collects the formatted messages a runtime logger writes (System.Logger goes to java.util.logging by default). */
final class LogCapture extends Handler implements AutoCloseable {

    private final Logger logger;
    final List<String> messages = new CopyOnWriteArrayList<>();

    LogCapture(Class<?> source) {
        this.logger = Logger.getLogger(source.getName());
        logger.addHandler(this);
    }

    @Override
    public void publish(LogRecord record) {
        messages.add(new java.util.logging.SimpleFormatter().formatMessage(record));
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
