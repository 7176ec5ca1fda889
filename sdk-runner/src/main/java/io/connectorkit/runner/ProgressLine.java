package io.connectorkit.runner;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A one-line progress display on the terminal, redrawn every half second from a background thread: records,
 * records/s, last durable checkpoint generation, and its age. Off with {@code --quiet} or when not on a terminal.
 */
final class ProgressLine implements AutoCloseable {

    private final RunnerMetrics metrics;
    private final PrintStream terminal;
    private final ScheduledExecutorService timer;

    private ProgressLine(RunnerMetrics metrics, PrintStream terminal) {
        this.metrics = metrics;
        this.terminal = terminal;
        this.timer = terminal == null ? null : Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "progress-line");
            thread.setDaemon(true);
            return thread;
        });
        if (timer != null) {
            timer.scheduleAtFixedRate(this::draw, 500, 500, TimeUnit.MILLISECONDS);
        }
    }

    /** A progress line on {@code stderr} when it is a terminal and not {@code quiet}, else one that shows nothing. */
    static ProgressLine start(RunnerMetrics metrics, boolean quiet) {
        boolean terminal = System.console() != null && !quiet;
        return new ProgressLine(metrics, terminal ? System.err : null);
    }

    /** The text of the line now. */
    static String text(long records, double seconds, long generation, double checkpointAge) {
        double rate = seconds > 0 ? records / seconds : 0;
        return String.format(Locale.ROOT, "%,d records  %,.0f records/s  checkpoint %s  %s", records, rate,
                generation == 0 ? "none yet" : "#" + generation,
                generation == 0 ? "" : String.format(Locale.ROOT, "%.1f s ago", checkpointAge));
    }

    private void draw() {
        terminal.print("\r" + text(metrics.records(), metrics.secondsSinceStart(), metrics.lastSavedGeneration(),
                metrics.secondsSinceLastSave()) + "\u001b[K");
        terminal.flush();
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
            draw();
            terminal.println();
        }
    }
}
