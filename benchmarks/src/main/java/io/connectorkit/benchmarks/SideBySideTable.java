package io.connectorkit.benchmarks;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * {@link SideBySide}'s results as the Markdown tables of docs/PERFORMANCE.md: every mode's records/s, ratio to the
 * bare loop and allocation, then each performance target with the figure measured and whether it is met.
 */
final class SideBySideTable {

    private SideBySideTable() {
    }

    /** Prints the tables of {@code report}, measured with {@code options}. */
    static void print(SideBySide.Options options, SideBySide.Report report, PrintStream out) {
        out.println();
        out.printf(Locale.ROOT, "%d records per mode (every-record modes: CK %d, TCK %d), %d rounds, medians; "
                        + "checkpoints every 1,000 records unless 'every record', saved durably off the record path; "
                        + "× bare loop: each run against the bare loop runs just before and after it; Connector Kit's "
                        + "writer saves at least %d ms apart%n",
                options.records(), options.everyRecordRecords(), options.tckEveryRecordRecords(), options.rounds(),
                options.savePause().toMillis());
        out.println();
        out.println("| mode | records/s | × bare loop | bytes allocated / record | runs (× the bare loop around it) |");
        out.println("|---|---:|---:|---:|---|");
        for (SideBySide.Series s : report.series().values()) {
            boolean bare = s.name.equals("bare loop");
            List<Double> runs = bare ? s.perSecond.stream().map(v -> v / 1e6).toList() : s.toBare;
            out.printf(Locale.ROOT, "| %s | %,.0f | %.3f | %.1f | %s%s |%n", s.name, s.median(), s.toBare(),
                    s.bytesPerRecord(), runs.stream().map(v -> String.format(Locale.ROOT, "%.2f", v))
                            .reduce((a, b) -> a + " " + b).orElse(""), bare ? " (M records/s)" : "");
        }
        double ckStart = SideBySide.median(report.ckStartupMillis());
        double tckStart = SideBySide.median(report.tckStartupMillis());
        double storeSaves = SideBySide.median(report.storeSavesPerSecond());
        double bareSaves = SideBySide.median(report.bareSavesPerSecond());
        out.println();
        out.printf(Locale.ROOT, "manager creation to first record (warm JVM, median): CK %.3f ms (%d runs), "
                + "TCK %.1f ms (%d runs)%n", ckStart, report.ckStartupMillis().size(), tckStart,
                report.tckStartupMillis().size());
        out.printf(Locale.ROOT, "durable saves/s (fsync on, synchronous, median): file store %,.0f, bare write+fsync+"
                + "rename+dir-fsync %,.0f%n", storeSaves, bareSaves);
        out.println();
        out.println("| target | measured | goal | met |");
        out.println("|---|---:|---|---|");
        target(out, "1a callback, every 1,000 / bare loop", report.ratio("CK callback", "bare loop"), ">= 0.9", 0.9);
        target(out, "1b callback, every 1,000 / TCK callback saving with temp+rename (as in TCK-NOTES)",
                report.ratio("CK callback", "TCK callback, sync temp+rename"), ">= 2", 2);
        target(out, "1b' callback, every 1,000 / TCK callback with our off-path saver (stricter)",
                report.ratio("CK callback", "TCK callback"), ">= 2", 2);
        target(out, "2a every record / bare loop", report.ratio("CK every record", "bare loop"), ">= 0.25", 0.25);
        target(out, "2b every record / TCK every record", report.ratio("CK every record", "TCK every record"),
                ">= 100", 100);
        out.println("| 3 capture + serialise one checkpoint | see JMH SnapshotBenchmark | < 2 µs | |");
        target(out, "4 TCK startup / CK startup", tckStart / ckStart, ">= 10", 10);
        target(out, "5 file store saves/s / bare saves/s", storeSaves / bareSaves, ">= 0.9", 0.9);
        double extra = Math.max(report.get("CK callback").bytesPerRecord(), Math.max(
                report.get("CK explicit").bytesPerRecord(), report.get("CK feature off").bytesPerRecord()))
                - report.get("bare loop").bytesPerRecord();
        out.printf(Locale.ROOT, "| 6 bytes/record above the bare loop (worst of off, explicit, callback) | %.2f | "
                + "<= 16 | %s |%n", extra, extra <= 16 ? "yes" : "NO");
        out.println("| 7 10M records through the runner with -Xmx64m | see run-side-by-side.sh | completes | |");
    }

    private static void target(PrintStream out, String name, double value, String goal, double min) {
        out.printf(Locale.ROOT, "| %s | %.2f | %s | %s |%n", name, value, goal, value >= min ? "yes" : "NO");
    }

}
