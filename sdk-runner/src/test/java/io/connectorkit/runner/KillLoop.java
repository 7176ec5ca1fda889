package io.connectorkit.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Starts {@code connectorkit run} in child JVMs, always with the same arguments, and kills them with SIGKILL at random
 * moments: some during start-up, most once the job's progress (output bytes, committed generations…) has grown by a
 * random amount. Then lets a last run finish.
 */
final class KillLoop {

    private final Path dir;
    private final List<String> runArguments;
    private final LongSupplier progress;
    private final long maxGrowth;
    private final List<String> jvmArguments;

    /**
     * @param runArguments the arguments after {@code run}
     * @param progress how far the job got, growing while it runs
     * @param maxGrowth the most progress a run may make before it is killed
     */
    KillLoop(Path dir, List<String> runArguments, LongSupplier progress, long maxGrowth) {
        this(dir, runArguments, progress, maxGrowth, List.of());
    }

    /** @param jvmArguments more arguments of the child JVMs, such as system properties */
    KillLoop(Path dir, List<String> runArguments, LongSupplier progress, long maxGrowth, List<String> jvmArguments) {
        this.dir = dir;
        this.runArguments = runArguments;
        this.progress = progress;
        this.maxGrowth = maxGrowth;
        this.jvmArguments = jvmArguments;
    }

    /** Starts the runner and kills it at a random moment; the job must still be running then. */
    void killOnce(Random random) throws IOException, InterruptedException {
        long start = progress.getAsLong();
        Process child = start();
        if (random.nextInt(5) == 0) {
            Thread.sleep(50 + random.nextInt(400)); // likely before the first record
        } else {
            long growth = 1 + (long) (random.nextDouble() * maxGrowth);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (child.isAlive() && System.nanoTime() < deadline && progress.getAsLong() - start < growth) {
                Thread.sleep(2);
            }
        }
        assertTrue(child.isAlive(), "the job must still be running when killed; make it longer: "
                + Files.readString(dir.resolve("err.log")));
        child.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no stop(), no flush
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
    }

    /** Runs the job to its end, which must succeed. */
    void finish() throws IOException, InterruptedException {
        Process last = start();
        assertTrue(last.waitFor(180, TimeUnit.SECONDS), "the final run finishes");
        assertEquals(0, last.exitValue(), "the final run succeeds: " + Files.readString(dir.resolve("err.log")));
    }

    private Process start() throws IOException {
        List<String> arguments = new ArrayList<>(List.of("run"));
        arguments.addAll(runArguments);
        List<String> jvm = new ArrayList<>(List.of("-Xmx96m", "-XX:TieredStopAtLevel=1"));
        jvm.addAll(jvmArguments);
        return Cli.start(dir.resolve("err.log"), jvm, arguments.toArray(String[]::new));
    }
}
