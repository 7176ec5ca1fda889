package io.connectorkit.store.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * {@link ReproducibleSeeds} and {@code junit-platform.properties}: a probe property run through the JUnit Platform
 * launcher, as the build runs every property, generates the same values every run, prints a failure's seed, and is
 * not replayed from jqwik's failure database after a failure.
 */
class ReproducibleSeedsTest {

    private static final String FAIL = "connectorkit.test.probe.fail";

    /** Run only by {@link #run()}: surefire does not run nested classes. */
    static class Probe {
        static final List<Long> VALUES = new CopyOnWriteArrayList<>();

        @Property(tries = 10)
        void records(@ForAll long value) {
            VALUES.add(value);
            if (Boolean.getBoolean(FAIL)) {
                throw new AssertionError("probe failure");
            }
        }
    }

    @AfterEach
    void clearProperties() {
        System.clearProperty(ReproducibleSeeds.SEED_PROPERTY);
        System.clearProperty(FAIL);
    }

    /**
     * The values the probe was given, in order, in one run of the jqwik engine; what the run prints on standard
     * output (the seed line, jqwik's report of a planned failure) is kept out of the build's log.
     */
    private static List<Long> run() {
        Probe.VALUES.clear();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        PrintStream out = System.out;
        try {
            System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                    .selectors(DiscoverySelectors.selectClass(Probe.class))
                    .filters(EngineFilter.includeEngines("jqwik"))
                    .build(), listener);
        } finally {
            System.setOut(out);
        }
        assertEquals(1, listener.getSummary().getTestsFoundCount(), "the probe ran");
        return List.copyOf(Probe.VALUES);
    }

    private static List<Long> run(String seed) {
        System.setProperty(ReproducibleSeeds.SEED_PROPERTY, seed);
        return run();
    }

    @Test
    void everyRunGeneratesTheSameValuesByDefaultAndAGivenSeedReplaysThem() {
        List<Long> first = run();

        assertEquals(first, run());
        assertEquals(first, run(ReproducibleSeeds.DEFAULT_SEED));
        assertEquals(run("12345"), run("12345"));
        assertNotEquals(first, run("12345"));
    }

    @Test
    void aFailingPropertyPrintsItsSeedAndTheCommandThatReplaysIt() {
        System.setProperty(FAIL, "true");

        String printed = failingRun("777");

        assertTrue(printed.contains("failed with seed 777"), printed);
        assertTrue(printed.contains("-Dtest='Probe#records'"), printed);
        assertTrue(printed.contains("-D" + ReproducibleSeeds.SEED_PROPERTY + "=777"), printed);
    }

    @Test
    void aFailureUnderARandomSeedIsNotReplayedByTheNextRun() {
        System.setProperty(FAIL, "true");

        String first = seedOf(failingRun("random"));
        String second = seedOf(failingRun("random"));

        // jqwik's default (SAMPLE_FIRST) would run the failed sample, then the same seed, from its database.
        assertNotEquals(first, second, "the second run drew a new seed");
    }

    @Test
    void theFixedSeedIsKeptAfterAFailureUnderAnotherSeed() {
        List<Long> fixed = run();
        System.setProperty(FAIL, "true");
        failingRun("4242");
        System.clearProperty(FAIL);
        System.clearProperty(ReproducibleSeeds.SEED_PROPERTY);

        assertEquals(fixed, run(), "the next run uses the fixed seed, not the failed sample or seed");
    }

    /** What a run of the probe with {@code seed} printed on standard error. */
    private static String failingRun(String seed) {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            run(seed);
        } finally {
            System.setErr(err);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    private static String seedOf(String printed) {
        Matcher m = Pattern.compile("failed with seed (-?\\d+)").matcher(printed);
        assertTrue(m.find(), printed);
        return m.group(1);
    }
}
