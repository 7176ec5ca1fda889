package io.connectorkit.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.runtime.ComponentManager;
import jakarta.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** Each check of {@link ResumeCheck} against a correct emitter and against one broken emitter per kind of bug. */
class ResumeCheckTest {

    private final ComponentManager manager = ComponentManager.builder().checkpointing(true).build();

    @AfterEach
    void close() {
        manager.close();
    }

    @Test
    void aCorrectEmitterPassesEveryCheckAndTheSummarySaysWhatWasChecked() {
        ResumeSummary summary = check("counter", 50).orderedBy(state -> state.getInt("last")).verify();

        assertEquals(new ResumeSummary(50, 10, 10, 51, 5, false, 5), summary,
                "50 records, a checkpoint every 5, each resumed from, a crash before the first and after each record");
    }

    @Test
    void aCheckpointThatSkipsARecordFailsResumeEquivalenceSayingFirstWhichRecordIsLost() {
        AssertionFailedError error = assertThrows(AssertionFailedError.class, () -> check("skipping", 50).verify());

        assertEquals("kit/skipping: the checkpoint after record #5 (#1 of 10) is ahead of what it covers: record #6 "
                + "is lost. Resuming from it diverges from the reference run at record #6.\n"
                + "  checkpoint: {\"$checkpoint\":{\"last\":6,\"__version\":1}}\n"
                + "  record:     #6 (the checkpoint covers records 1 to 5)\n"
                + "  expected:   {\"n\":6}\n"
                + "  actual:     {\"n\":7}", error.getMessage(),
                "no note about safe points: kit/skipping has no @CheckpointAvailable");
        assertEquals("{\"n\":6}", error.getExpected().getStringRepresentation());
        assertEquals("{\"n\":7}", error.getActual().getStringRepresentation());
    }

    @Test
    void aCheckpointSeveralRecordsAheadNamesEveryRecordLost() {
        AssertionFailedError error = assertThrows(AssertionFailedError.class,
                () -> ResumeCheck.of(manager, "kit", "skipping", Map.of("total", "50", "ahead", "3")).verify());

        assertTrue(error.getMessage().startsWith("kit/skipping: the checkpoint after record #5 (#1 of 10) is ahead of "
                + "what it covers: records #6 to #8 are lost. Resuming from it diverges from the reference run at "
                + "record #6.\n"), error.getMessage());
    }

    @Test
    void aCheckpointThatSkipsARecordLosesItInACrashRightAfterTheRecordsItCovers() {
        AssertionFailedError error = assertThrows(AssertionFailedError.class,
                () -> check("skipping", 50).verifyCrashes());

        assertEquals("kit/skipping: the checkpoint after record #5 (#1 of 10) is ahead of what it covers: after a "
                + "crash after record #5, record #6 is lost (resuming from it starts at record #7).\n"
                + "  checkpoint: {\"$checkpoint\":{\"last\":6,\"__version\":1}}\n"
                + "  record:     #6 is never received\n"
                + "  expected:   {\"n\":6}\n"
                + "  actual:     {\"n\":7}", error.getMessage());
    }

    @Test
    void aCheckpointTakenAtASafePointWhileTheStateWasHalfUpdatedSaysSo() {
        AssertionFailedError error = assertThrows(AssertionFailedError.class,
                () -> check("half-updated", 20).verify());

        assertEquals("kit/half-updated: the checkpoint after record #5 (#1 of 4) is ahead of what it covers: record "
                + "#6 is lost. Resuming from it diverges from the reference run at record #6.\n"
                + "  checkpoint: {\"$checkpoint\":{\"last\":6,\"__version\":1}}\n"
                + "  record:     #6 (the checkpoint covers records 1 to 5)\n"
                + "  expected:   {\"n\":6}\n"
                + "  actual:     {\"n\":7}\n"
                + "  note:       this checkpoint was taken at a safe point reported by @CheckpointAvailable isSafe(): "
                + "the state may have been half-updated there (already past a record not returned yet); it must say "
                + "true only when the state covers exactly the records returned so far.", error.getMessage());

        AssertionFailedError crash = assertThrows(AssertionFailedError.class,
                () -> check("half-updated", 20).verifyCrashes());
        assertTrue(crash.getMessage().startsWith("kit/half-updated: the checkpoint after record #5 (#1 of 4) is ahead "
                + "of what it covers: after a crash after record #5, record #6 is lost"), crash.getMessage());
        assertTrue(crash.getMessage().endsWith("the state may have been half-updated there (already past a record "
                + "not returned yet); it must say true only when the state covers exactly the records returned so "
                + "far."), crash.getMessage());
    }

    @Test
    void aCheckpointThatLagsBehindFailsResumeEquivalenceSayingWhichRecordsAreReadAgain() {
        AssertionFailedError error = assertThrows(AssertionFailedError.class,
                () -> check("lagging", 50).verifyResumeEquivalence());

        assertTrue(error.getMessage().startsWith("kit/lagging: the checkpoint after record #5 (#1 of 10) is behind "
                + "what it covers: records #1 to #5 are read again. Resuming from it diverges from the reference run "
                + "at record #6.\n"), error.getMessage());
    }

    @Test
    void aCheckpointThatLagsBehindRepeatsMoreThanTheLargestGapBetweenCheckpoints() {
        AssertionFailedError error = assertThrows(AssertionFailedError.class,
                () -> check("lagging", 50).verifyCrashes());

        assertEquals("kit/lagging: a crash after record #6 repeats 6 records (#1 to #6) when resuming from checkpoint "
                + "#1 of 10 (delivered after record #5), more than the bound of 5 (the largest gap between "
                + "checkpoints of the reference run).\n"
                + "  checkpoint: {\"$checkpoint\":{\"last\":0,\"__version\":1}}\n"
                + "  record:     #1 is the first record resumed\n"
                + "  expected:   at most 5 records repeated\n"
                + "  actual:     6 records repeated", error.getMessage());
        assertThrows(AssertionFailedError.class, () -> check("lagging", 50).verify(), "equivalence catches it too");
    }

    @Test
    void aDeclaredDuplicateBoundSmallerThanTheConnectorsGapIsABoundThatACorrectEmitterBreaks() {
        AssertionFailedError error = assertThrows(AssertionFailedError.class,
                () -> check("counter", 50).duplicateBound(3).verifyCrashes());

        assertTrue(error.getMessage().startsWith("kit/counter: a crash after record #4 repeats 4 records (#1 to #4) "
                + "when resuming from the start (no checkpoint delivered yet), more than the bound of 3 (declared "
                + "with duplicateBound)."), error.getMessage());
        ResumeSummary summary = check("counter", 50).duplicateBound(5).verifyCrashes();
        assertEquals(5, summary.maxDuplicates());
        assertEquals(5, summary.duplicateBound());
        assertTrue(summary.boundDeclared());
    }

    /** The former name of {@code duplicateBound}, kept for one release. */
    @Test
    @SuppressWarnings("removal")
    void theDeprecatedCheckpointIntervalStillDeclaresTheDuplicateBound() {
        ResumeSummary summary = check("counter", 50).checkpointInterval(7).verifyCrashes();

        assertEquals(7, summary.duplicateBound());
        assertTrue(summary.boundDeclared());
        assertThrows(AssertionFailedError.class, () -> check("counter", 50).checkpointInterval(3).verifyCrashes());
    }

    @Test
    void aWatermarkThatGoesBackwardsFailsTheDeclaredOrderThoughItResumesCorrectly() {
        assertEquals(12, check("watermark", 12).verifyResumeEquivalence().resumedFrom());

        AssertionFailedError error = assertThrows(AssertionFailedError.class,
                () -> check("watermark", 12).orderedBy(state -> state.getJsonNumber("watermark").longValue())
                        .verify());

        assertEquals("kit/watermark: checkpoint #4 of 12 (delivered after record #4) goes backwards: it is before "
                + "checkpoint #3 of 12 (delivered after record #3) in the declared order.\n"
                + "  previous:   {\"$checkpoint\":{\"offset\":3,\"watermark\":300,\"__version\":1}}\n"
                + "  checkpoint: {\"$checkpoint\":{\"offset\":4,\"watermark\":250,\"__version\":1}}",
                error.getMessage());
    }

    @Test
    void monotonicCheckWithoutADeclaredOrderIsAMistakeOfTheTest() {
        assertThrows(IllegalStateException.class, () -> check("counter", 10).verifyMonotonic());
    }

    @Test
    void recordsThatDifferOnlyByANonDeterministicFieldPassWithACustomEquivalence() {
        Map<String, String> config = Map.of("total", "20", "stamp", "true");
        assertThrows(AssertionFailedError.class,
                () -> ResumeCheck.of(manager, "kit", "counter", config).verifyResumeEquivalence());

        ResumeSummary summary = ResumeCheck.of(manager, "kit", "counter", config)
                .recordsEquivalentBy((expected, actual) ->
                        ((JsonObject) expected).getInt("n") == ((JsonObject) actual).getInt("n"))
                .verify();
        assertEquals(4, summary.resumedFrom());
    }

    @Test
    void manyCheckpointsAreSampledWithASeedThatTheFailureNames() {
        ResumeSummary summary = check("counter", 1_000).sampleAtMost(20, 7L)
                .crashPoints(CrashPoints.sample(30, 7L)).verify();
        assertEquals(200, summary.checkpoints());
        assertEquals(20, summary.resumedFrom());
        assertEquals(30, summary.crashPoints(), "distinct points of the seeded sample: " + summary);

        AssertionFailedError error = assertThrows(AssertionFailedError.class,
                () -> check("skipping", 1_000).sampleAtMost(20, 7L).verifyResumeEquivalence());
        assertTrue(error.getMessage().endsWith("(one of 20 checkpoints out of 200 sampled with seed 7)"),
                error.getMessage());
    }

    @Test
    void explicitCrashPointsAreTheOnlyOnesTried() {
        assertEquals(2, check("counter", 50).crashPoints(CrashPoints.at(3, 50, 99)).verifyCrashes().crashPoints());
        assertEquals(0, check("counter", 50).crashPoints(CrashPoints.none()).verifyCrashes().crashPoints());
    }

    @Test
    void aManagerWithCheckpointingOffIsRefusedUpFront() {
        try (ComponentManager off = ComponentManager.builder().checkpointing(false).build()) {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> ResumeCheck.of(off, "kit", "counter", Map.of("total", "5")));
            assertTrue(error.getMessage().contains("checkpointing(true)"), error.getMessage());
        }
    }

    @Test
    void aConnectorThatDoesNotEndWithinTheLimitFailsInsteadOfRunningForever() {
        AssertionFailedError error = assertThrows(AssertionFailedError.class,
                () -> check("counter", 100).maxRecords(40).verify());
        assertTrue(error.getMessage().contains("produced more than 40 records"), error.getMessage());
    }

    private ResumeCheck check(String name, int total) {
        return ResumeCheck.of(manager, "kit", name, Map.of("total", String.valueOf(total)));
    }
}
