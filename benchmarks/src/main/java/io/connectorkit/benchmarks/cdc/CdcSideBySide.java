package io.connectorkit.benchmarks.cdc;

import io.connectorkit.runtime.CheckpointState;
import io.connectorkit.runtime.ComponentManager;
import io.connectorkit.runtime.Input;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.postgresql.replication.PGReplicationStream;

/**
 * postgres/cdc-input against a bare pgjdbc loop reading the same replication stream, in one JVM, over interleaved
 * rounds: the figures of the CDC section of docs/PERFORMANCE.md. Not JMH: the point is ratios of runs made a moment
 * apart against the same server.
 *
 * <p>Each round makes two slots at the same moment, writes {@code --changes} inserts in transactions of
 * {@code --per-transaction} rows, then reads one slot through the input ({@link ComponentManager}, callback mode, each
 * checkpoint acknowledged as a host does once it is durable) and the other with the bare loop (pgjdbc's
 * {@code PGReplicationStream.read()}, counting the insert messages, nothing decoded), alternating which goes first.
 * Both stop at the last change. Round 0 warms up and is not counted.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.connectorkit.benchmarks.cdc.CdcSideBySide \
 *     --changes 200000 --rounds 5 [--url jdbc:postgresql://127.0.0.1:5432/test?user=postgres]</pre>
 */
public final class CdcSideBySide {

    private CdcSideBySide() {
    }

    public static void main(String[] args) throws Exception {
        String url = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
        int changes = 200_000;
        int rounds = 5;
        int perTransaction = 100;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--url" -> url = args[i + 1];
                case "--changes" -> changes = Integer.parseInt(args[i + 1]);
                case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
                case "--per-transaction" -> perTransaction = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; options: --url URL --changes N --rounds R --per-transaction T");
            }
        }
        List<Double> input = new ArrayList<>();
        List<Double> bare = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        try (CdcBench bench = new CdcBench(url); ComponentManager manager = ComponentManager.builder()
                .checkpointing(true).build()) {
            for (int round = 0; round <= rounds; round++) {
                bench.prepare(changes, perTransaction, "ck_cdc_bench_input", "ck_cdc_bench_bare");
                double ours;
                double theirs;
                if (round % 2 == 0) {
                    ours = throughInput(manager, bench, changes);
                    theirs = bareLoop(bench, changes);
                } else {
                    theirs = bareLoop(bench, changes);
                    ours = throughInput(manager, bench, changes);
                }
                bench.drop("ck_cdc_bench_input", "ck_cdc_bench_bare");
                System.out.printf(Locale.ROOT, "round %d%s: input %,.0f changes/s, bare loop %,.0f changes/s, "
                        + "ratio %.2f%n", round, round == 0 ? " (warm-up, not counted)" : "", ours, theirs,
                        ours / theirs);
                if (round > 0) {
                    input.add(ours);
                    bare.add(theirs);
                    ratios.add(ours / theirs);
                }
            }
        }
        System.out.printf(Locale.ROOT, "%n%,d changes in transactions of %d, %d rounds (medians):%n%n"
                + "| | changes/s |%n|---|---|%n| postgres/cdc-input | %,.0f |%n| bare pgjdbc loop | %,.0f |%n%n"
                + "ratio input / bare loop: %.2f (rounds: %s)%n", changes, perTransaction, rounds, median(input),
                median(bare), median(ratios), ratios.stream().map(r -> String.format(Locale.ROOT, "%.2f", r))
                        .toList());
    }

    /** Changes per second through the input, from its slot's start to the last change. */
    private static double throughInput(ComponentManager manager, CdcBench bench, int changes) {
        Map<String, String> configuration = Map.of("configuration.url", bench.url(),
                "configuration.slot", "ck_cdc_bench_input", "configuration.publication", CdcBench.PUBLICATION);
        long start = System.nanoTime();
        Input input = manager.findMapper("postgres", "cdc-input", 1, configuration).orElseThrow().create();
        List<CheckpointState> taken = new ArrayList<>();
        input.start(taken::add);
        long count = 0;
        while (count < changes) {
            if (input.next() != null) {
                count++;
            } else {
                Thread.onSpinWait();
            }
            if (!taken.isEmpty()) {
                input.checkpointCommitted(taken.get(taken.size() - 1)); // as a host does once it saved it
                taken.clear();
            }
        }
        input.stop();
        return changes / ((System.nanoTime() - start) / 1e9);
    }

    /** Changes per second through pgjdbc alone: the insert messages of the same stream, counted. */
    private static double bareLoop(CdcBench bench, int changes) throws SQLException {
        long start = System.nanoTime();
        try (Connection connection = bench.replicationConnection()) {
            PGReplicationStream stream = bench.stream(connection, "ck_cdc_bench_bare");
            long count = 0;
            while (count < changes) {
                ByteBuffer payload = stream.read();
                if (payload.get(payload.position()) == 'I') {
                    count++;
                }
            }
            stream.close();
        }
        return changes / ((System.nanoTime() - start) / 1e9);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
