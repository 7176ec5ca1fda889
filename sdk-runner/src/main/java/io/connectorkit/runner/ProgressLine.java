package io.connectorkit.runner;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A one-line progress display on the terminal, redrawn every half second from a background thread: records,
 * records/s, last durable checkpoint generation, its age, and the input's backlog when it reports one. Off with {@code --quiet} or when not on a terminal.
 */
final class ProgressLine implements AutoCloseable {

    private final RunnerMetrics metrics;
    private final PrintStream terminal;
    private final ScheduledExecutorService timer;
    private boolean closed;

    private ProgressLine(RunnerMetrics metrics, PrintStream terminal) {
        this.metrics = metrics;
        this.terminal = terminal;
        this.timer = terminal == null ? null : Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "progress-line");
            thread.setDaemon(true);
            return thread;
        });
        if (timer != null) {
            timer.scheduleAtFixedRate(this::tick, 500, 500, TimeUnit.MILLISECONDS);
        }
    }

    /** A progress line on {@code stderr} when it is a terminal and not {@code quiet}, else one that shows nothing. */
    static ProgressLine start(RunnerMetrics metrics, boolean quiet) {
        boolean terminal = System.console() != null && !quiet;
        return on(metrics, terminal ? System.err : null);
    }

    /** A progress line drawn on {@code terminal}, or one that shows nothing when it is {@code null}. */
    static ProgressLine on(RunnerMetrics metrics, PrintStream terminal) {
        return new ProgressLine(metrics, terminal);
    }

    /** The text of the line now. */
    static String text(long records, double seconds, long generation, double checkpointAge) {
        double rate = seconds > 0 ? records / seconds : 0;
        return String.format(Locale.ROOT, "%,d records  %,.0f records/s  checkpoint %s", records, rate,
                generation == 0 ? "none yet"
                        : String.format(Locale.ROOT, "#%d  %.1f s ago", generation, checkpointAge));
    }

    /** The backlog part of the line: {@code "  backlog 1,024 bytes"}, or empty without {@code @Backlog}. */
    static String backlog(long value, String unit) {
        if (unit == null) {
            return "";
        }
        return value < 0 ? "  backlog unknown" : String.format(Locale.ROOT, "  backlog %,d %s", value, unit);
    }

    /** The timer's redraw; none once closed, so nothing follows the line's end. */
    private synchronized void tick() {
        if (!closed) {
            draw();
        }
    }

    private void draw() {
        String splits = metrics.splitsToRead() == 0 ? ""
                : "  splits " + metrics.splitsFinished() + "/" + metrics.splitsToRead() + " read";
        terminal.print("\r" + text(metrics.records(), metrics.secondsSinceStart(), metrics.lastSavedGeneration(),
                metrics.secondsSinceLastSave()) + splits + backlog(metrics.backlog(), metrics.backlogUnit())
                + "\u001b[K");
        terminal.flush();
    }

    /**
     * Prints {@code line} on {@code log} (standard error) on a line of its own: the progress line, when drawn, is
     * cleared first and drawn again below at the next tick. From any thread.
     */
    synchronized void println(PrintStream log, String line) {
        if (terminal != null && !closed) {
            terminal.print("\r\u001b[K");
            terminal.flush();
        }
        log.println(line);
        log.flush();
    }

    /** Draws the line a last time and ends it. Idempotent: {@code run} closes it before its summary line too. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (timer != null) {
            timer.shutdownNow();
            draw();
            terminal.println();
        }
    }
}
