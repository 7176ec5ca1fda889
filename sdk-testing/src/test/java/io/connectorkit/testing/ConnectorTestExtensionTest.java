package io.connectorkit.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;

/** {@link ConnectorTest}: the tester is injected with a checkpointing manager, one per test. */
@ConnectorTest
class ConnectorTestExtensionTest {

    @Test
    void theTesterReadsNaturallyInAConnectorsTest(ConnectorTester tester) {
        assertTrue(tester.manager().isCheckpointingEnabled());
        tester.resumeCheck("kit", "counter", Map.of("total", "30")).verify();
        tester.migrationCheck("kit", "migrating", Map.of("total", "30")).verify();
    }

    @Test
    void eachParameterOfOneTestGetsTheSameTesterAndItsGoldenFiles(ConnectorTester first, ConnectorTester second) {
        assertEquals(first, second);
        assertEquals(first.goldenFiles("kit", "migrating").path(2),
                GoldenFiles.of("kit", "migrating").path(2));
    }

    /** A host-side interval from the annotation overrides the components' own (5 for kit/counter). */
    @Nested
    @ConnectorTest(checkpointEveryRecords = 2)
    class WithAHostInterval {

        @Test
        void checkpointsComeEveryTwoRecords(ConnectorTester tester) {
            ResumeSummary summary = tester.resumeCheck("kit", "counter", Map.of("total", "30")).verify();
            assertEquals(15, summary.checkpoints());
            assertEquals(2, summary.duplicateBound());
        }
    }

    /** Class-level injection (constructor of a per-class instance): one tester for the class, shared by its tests. */
    @Nested
    @TestInstance(Lifecycle.PER_CLASS)
    class InjectedInTheConstructor {

        private final ConnectorTester classTester;

        InjectedInTheConstructor(ConnectorTester classTester) {
            this.classTester = classTester;
        }

        @Test
        void theMethodsGetTheClassTester(ConnectorTester methodTester) {
            assertSame(classTester, methodTester);
            assertTrue(classTester.manager().isCheckpointingEnabled());
        }
    }
}
