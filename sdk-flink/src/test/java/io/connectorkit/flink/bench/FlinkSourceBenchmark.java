package io.connectorkit.flink.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.connectorkit.flink.ConnectorKitSource;
import io.connectorkit.flink.JsonObjectTypeInfo;
import jakarta.json.JsonObject;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * list-input on the MiniCluster, through {@link ConnectorKitSource} and through {@link DirectListSource} (the same
 * emitter class called by a hand-written FLIP-27 source), in one run: after a warm-up job of each, rounds alternate
 * the two, a checkpoint every second, parallelism 1, a counting map and a discarding sink. Prints records per second
 * per round and the median ratio. Never run by the build (its name is no test's); run it with
 * {@code mvn -B -q -o verify -pl sdk-flink -am -Dtest=FlinkSourceBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * -DargLine="-Xms2g -Xmx2g -XX:+UseParallelGC"} ({@code -Dbench.records=N -Dbench.rounds=R} to change the size; the
 * defaults make rounds of 2–3 s, long enough that the JIT is done before the first counted one). docs/PERFORMANCE.md
 * has the figures.
 */
class FlinkSourceBenchmark {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(1)
                    .build());

    private static final int RECORDS = Integer.getInteger("bench.records", 20_000_000);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 12);
    private static final int BATCH = 1000;
    static final LongAdder COUNTED = new LongAdder();
    /** CPU time of the task's thread (source and map, chained) at the first record and at the last. */
    static volatile long firstCpuNanos;
    static volatile long lastCpuNanos;

    @Test
    void connectorKitSourceAgainstAHandWrittenSource() throws Exception {
        ConnectorKitSource<JsonObject> connectorKit = ConnectorKitSource.builder("checkpoint", "list-input")
                .configuration(Map.of("configuration.total", String.valueOf(RECORDS),
                        "configuration.batchSize", String.valueOf(BATCH)))
                .build();
        DirectListSource direct = new DirectListSource(RECORDS, BATCH);
        run("warm-up connector-kit", connectorKit);
        run("warm-up direct", direct);
        List<Double> wallRatios = new ArrayList<>();
        List<Double> cpuRatios = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            boolean connectorKitFirst = round % 2 == 1;
            double[] a = run("round " + round + (connectorKitFirst ? " connector-kit" : " direct"),
                    connectorKitFirst ? connectorKit : direct);
            double[] b = run("round " + round + (connectorKitFirst ? " direct" : " connector-kit"),
                    connectorKitFirst ? direct : connectorKit);
            double[] ck = connectorKitFirst ? a : b;
            double[] plain = connectorKitFirst ? b : a;
            wallRatios.add(ck[0] / plain[0]);
            cpuRatios.add(ck[1] / plain[1]);
        }
        System.out.println("connector-kit / direct, wall time: " + summary(wallRatios));
        System.out.println("connector-kit / direct, task CPU time: " + summary(cpuRatios));
    }

    private static String summary(List<Double> ratios) {
        List<Double> sorted = ratios.stream().sorted().toList();
        return ratios.stream().map(r -> String.format("%.3f", r)).toList() + ", median "
                + String.format("%.3f", sorted.get(sorted.size() / 2));
    }

    /**
     * Runs one job over {@code source}; returns its records per second of the job's net run time, and per second of
     * CPU time of the task's thread from the first record to the last (what contention for the CPU barely moves).
     */
    private static double[] run(String label, Source<JsonObject, ?, ?> source) throws Exception {
        COUNTED.reset();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        env.enableCheckpointing(1000);
        env.fromSource(source, WatermarkStrategy.noWatermarks(), label, JsonObjectTypeInfo.INSTANCE)
                .map(new Count()).sinkTo(new DiscardingSink<>());
        JobExecutionResult result = env.execute(label);
        assertEquals(RECORDS, COUNTED.sum(), label + ": every record read once");
        double perSecond = RECORDS * 1000.0 / result.getNetRuntime();
        double cpuMillis = (lastCpuNanos - firstCpuNanos) / 1e6;
        double perCpuSecond = RECORDS * 1000.0 / cpuMillis;
        System.out.printf("%-28s %,12.0f records/s (%,d ms); %,12.0f records per CPU second (%,.0f ms)%n", label,
                perSecond, result.getNetRuntime(), perCpuSecond, cpuMillis);
        return new double[] {perSecond, perCpuSecond};
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Counts the records; parallelism 1, so one instance, on the task's thread. */
    private static final class Count extends RichMapFunction<JsonObject, Integer> {

        private long count;

        @Override
        public Integer map(JsonObject record) {
            count++;
            if (count == 1) {
                firstCpuNanos = THREADS.getCurrentThreadCpuTime();
            } else if (count == RECORDS) {
                lastCpuNanos = THREADS.getCurrentThreadCpuTime();
            }
            return 1;
        }

        @Override
        public void close() {
            COUNTED.add(count);
        }
    }
}
