package io.connectorkit.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A split plan: made once, saved as JSON, checked against the configuration of a resume. */
class SplitPlanTest {

    private final ComponentManager manager = ComponentManager.builder().checkpointing(true).build();

    @AfterEach
    void close() {
        manager.close();
    }

    private Mapper ranges(Map<String, String> configuration) {
        return manager.findMapper("test", "ranges-named", 1, configuration).orElseThrow();
    }

    @Test
    void theSameConfigurationGivesTheSamePlan() {
        SplitPlan first = SplitPlan.create(ranges(Map.of("to", "10", "token", "s3cret")), 4);
        SplitPlan again = SplitPlan.create(ranges(Map.of("token", "s3cret", "to", "10")), 4);

        assertEquals(first, again);
        assertEquals(first.fingerprint(), again.fingerprint());
        assertEquals(List.of("range-0-4", "range-4-8", "range-8-10"),
                first.splits().stream().map(Split::id).toList());
        assertTrue(first.complete());
        assertEquals(first.splits(), first.pending());
    }

    @Test
    void roundTripsThroughVersionedJsonWithoutTheCredential() {
        SplitPlan plan = SplitPlan.create(ranges(Map.of("to", "10", "token", "s3cret")), 4).markFinished("range-4-8");
        JsonObject json = plan.toJson();

        assertEquals(SplitPlan.FORMAT, json.getInt("__version"));
        assertEquals("test/ranges-named", json.getString("component"));
        assertEquals(Json.createObjectBuilder().add("to", "10").build(), json.getJsonObject("configuration"));
        assertFalse(json.toString().contains("s3cret"), json.toString());
        assertEquals("FINISHED", json.getJsonArray("splits").getJsonObject(1).getString("status"));
        assertEquals(plan, SplitPlan.fromJson(json));
    }

    @Test
    void markFinishedLeavesThePendingSplitsAndFinishesThePlanAtTheLast() {
        SplitPlan plan = SplitPlan.create(ranges(Map.of("to", "10", "token", "s3cret")), 5);
        SplitPlan half = plan.markFinished("range-0-5");

        assertEquals(List.of("range-5-10"), half.pending().stream().map(Split::id).toList());
        assertFalse(half.isFinished());
        assertTrue(half.markFinished("range-5-10").isFinished());
        assertEquals(2, plan.pending().size(), "a plan is immutable");
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> plan.markFinished("range-9"));
        assertEquals("test/ranges-named: the split plan has no split 'range-9'; it has 2 splits, from 'range-0-5' to "
                + "'range-5-10'", unknown.getMessage());
    }

    @Test
    void aFinishedSplitKeepsItsLastCheckpointThroughJsonAndANextPassReadsOnFromIt() {
        CheckpointState end = CheckpointState.fromJson(Json.createObjectBuilder().add("$checkpoint",
                Json.createObjectBuilder().add("next", 5).add("__version", 1)).build());
        SplitPlan plan = SplitPlan.create(ranges(Map.of("to", "10", "token", "s3cret")), 5);
        assertThrows(IllegalStateException.class, plan::nextPass, "a pass ends when every split is finished");

        SplitPlan finished = plan.markFinished("range-0-5", end).markFinished("range-5-10");
        SplitPlan read = SplitPlan.fromJson(finished.toJson());
        SplitPlan next = read.nextPass();

        assertEquals(end, read.entries().get(0).lastCheckpoint());
        assertEquals(null, read.entries().get(1).lastCheckpoint(), "finished without a checkpoint: none recorded");
        assertEquals(finished, read);
        assertEquals(plan.splits(), next.pending(), "every split pending again, the same splits");
        assertEquals(end, next.entries().get(0).lastCheckpoint(), "from where it ended");
        assertEquals(end, next.markFinished("range-0-5").entries().get(0).lastCheckpoint(),
                "finishing without a new checkpoint keeps the last one");
    }

    @Test
    void anIncompletePlanTakesMoreSplitsUntilComplete() {
        Mapper mapper = ranges(Map.of("to", "10", "token", "s3cret"));
        List<Split> splits = mapper.split(5);
        SplitPlan partial = SplitPlan.of(mapper, splits.subList(0, 1), false);
        assertFalse(partial.markFinished("range-0-5").isFinished());

        SplitPlan whole = partial.adding(splits.subList(1, 2), true);
        assertEquals(SplitPlan.create(mapper, 5), whole);
        assertThrows(IllegalStateException.class, () -> whole.adding(List.of(), true));
    }

    @Test
    void aResumeWithAnotherConfigurationIsRefusedNamingWhatChangedAndHowToStartOver() {
        SplitPlan plan = SplitPlan.create(ranges(Map.of("to", "10", "token", "s3cret")), 5);
        Mapper changed = ranges(Map.of("from", "2", "to", "12", "token", "other"));

        SplitPlanMismatchException error = assertThrows(SplitPlanMismatchException.class,
                () -> plan.checkAgainst(changed, "run it with --start-over"));
        assertEquals("test/ranges-named: the configuration differs from the one its split plan was made from "
                + "(fingerprint " + plan.fingerprint().substring(0, 16) + ", 2 splits): added from ('2'); changed to "
                + "('10' -> '12'). A resume never splits again, so it cannot follow another configuration: to resume, "
                + "run with the plan's configuration; to start over from the new configuration, run it with "
                + "--start-over.", error.getMessage());
        assertEquals(List.of(new SplitPlanMismatchException.Change("from", null, "2"),
                new SplitPlanMismatchException.Change("to", "10", "12")), error.changes());
    }

    @Test
    void aChangedCredentialOrCheckpointIsNotAChangeOfConfiguration() {
        SplitPlan plan = SplitPlan.create(ranges(Map.of("to", "10", "token", "s3cret")), 5);
        plan.checkAgainst(ranges(Map.of("to", "10", "token", "rotated", "$checkpoint.next", "3")));
    }

    @Test
    void aPlanOfAnotherComponentIsRefused() {
        SplitPlan plan = SplitPlan.create(ranges(Map.of("to", "10", "token", "s3cret")), 5);
        Mapper other = manager.findMapper("test", "ranges", 1, Map.of("to", "10", "token", "s3cret")).orElseThrow();
        SplitPlanMismatchException error = assertThrows(SplitPlanMismatchException.class,
                () -> plan.checkAgainst(other));
        assertTrue(error.getMessage().startsWith("test/ranges: the split plan was made for the component "
                + "test/ranges-named, not test/ranges."), error.getMessage());
        assertTrue(error.getMessage().endsWith("to start over from the new configuration, discard the saved plan and "
                + "the checkpoints of its splits, then run the job again."), error.getMessage());
    }

    @Test
    void aPlanChangedByHandOrFromANewerReleaseIsNotRead() {
        JsonObject json = SplitPlan.create(ranges(Map.of("to", "10", "token", "s3cret")), 5).toJson();
        JsonObject edited = Json.createObjectBuilder(json)
                .add("configuration", Json.createObjectBuilder().add("to", "11")).build();
        IllegalArgumentException tampered = assertThrows(IllegalArgumentException.class,
                () -> SplitPlan.fromJson(edited));
        assertTrue(tampered.getMessage().contains("the plan was changed after it was written"), tampered.getMessage());

        JsonObject newer = Json.createObjectBuilder(json).add("__version", 2).build();
        IllegalArgumentException future = assertThrows(IllegalArgumentException.class, () -> SplitPlan.fromJson(newer));
        assertEquals("a split plan of format 2 cannot be read: this runtime reads format 1; it was written by a newer "
                + "Connector Kit", future.getMessage());
    }

    @Test
    void aSavedSplitIsReadWithTheJobsCredentialByAMapperOfTheResume() {
        SplitPlan saved = SplitPlan.fromJson(SplitPlan.create(ranges(Map.of("to", "10", "token", "s3cret")), 5)
                .toJson());
        Mapper resumed = ranges(Map.of("to", "10", "token", "s3cret"));
        saved.checkAgainst(resumed);
        assertEquals(List.of(5L, 6L, 7L, 8L, 9L), SplitTest.readAll(resumed.create(saved.pending().get(1), null)));
    }
}
