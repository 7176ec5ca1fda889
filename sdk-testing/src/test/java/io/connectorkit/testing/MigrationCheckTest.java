package io.connectorkit.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.runtime.ComponentManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/**
 * {@link MigrationCheck} and {@link GoldenFiles}: the golden files of {@code kit/migrating} and
 * {@code kit/migrating-broken} are in this module's {@code src/test/resources/connectorkit/golden/kit/}.
 */
class MigrationCheckTest {

    private static final Map<String, String> CONFIG = Map.of("total", "20");
    private static final String V1 = "{\"$checkpoint\": {\"offset\": 42, \"mode\": \"INCREMENTAL\", \"__version\": 1}}";
    private static final String V2 = "{\"$checkpoint\": {\"position\": 5, \"mode\": \"FULL\", \"__version\": 2}}";

    private final ComponentManager manager = ComponentManager.builder().checkpointing(true).build();

    @TempDir
    Path folder;

    private String writeProperty;

    /** The tests decide whether golden files are written, whatever the build was started with. */
    @BeforeEach
    void clearTheWriteProperty() {
        writeProperty = System.clearProperty(GoldenFiles.WRITE_PROPERTY);
    }

    @AfterEach
    void close() {
        manager.close();
        if (writeProperty == null) {
            System.clearProperty(GoldenFiles.WRITE_PROPERTY);
        } else {
            System.setProperty(GoldenFiles.WRITE_PROPERTY, writeProperty);
        }
    }

    @Test
    void aCorrectHandlerMigratesEveryGoldenFileAndANewerVersionIsRefused() {
        MigrationSummary summary = MigrationCheck.of(manager, "kit", "migrating", CONFIG).verify();

        assertEquals(new MigrationSummary(2, List.of(1, 2), Optional.empty()), summary);
    }

    /** kit/deep: version 3, two levels deep, a version 1 file without __version (written before @Version). */
    @Test
    void aCheckpointTwoLevelsDeepAtVersionThreeMigratesFromEveryOldVersion() {
        MigrationSummary summary = MigrationCheck.of(manager, "kit", "deep", Map.of("configuration.total", "20"))
                .verify();

        assertEquals(new MigrationSummary(3, List.of(1, 2, 3), Optional.empty()), summary);
    }

    @Test
    void everyOldVersionWithoutItsExpectedStateIsReportedInOneFailureAndGetsItsDraft() throws IOException {
        GoldenFiles files = GoldenFiles.of("kit", "deep").in(folder);
        write(files.path(1), "{\"$checkpoint\": {\"last\": 42}}");
        write(files.path(2), "{\"$checkpoint\": {\"lastId\": 17, \"__version\": 2}}");
        write(files.path(3), "{\"$checkpoint\": {\"lastId\": 5, \"source\": \"db\", \"__version\": 3}}");

        AssertionFailedError error = assertThrows(AssertionFailedError.class,
                () -> MigrationCheck.of(manager, "kit", "deep", Map.of("configuration.total", "20")).goldenFiles(files)
                        .verify());

        assertTrue(error.getMessage().startsWith("kit/deep: 2 old golden checkpoints fail.\n\n"
                + "kit/deep: the golden checkpoint v1 has no expected state: "), error.getMessage());
        assertTrue(error.getMessage().contains("\n\nkit/deep: the golden checkpoint v2 has no expected state: "),
                error.getMessage());
        assertEquals("{\n    \"$checkpoint\": {\n        \"lastId\": 42,\n        \"source\": \"db\",\n"
                + "        \"__version\": 3\n    }\n}\n", Files.readString(files.draftPath(1)));
        assertEquals("{\n    \"$checkpoint\": {\n        \"lastId\": 17,\n        \"source\": \"db\",\n"
                + "        \"__version\": 3\n    }\n}\n", Files.readString(files.draftPath(2)));
    }

    @Test
    void aHandlerThatDropsAKeyFailsNamingItAndAgainstTheExpectedMigratedState() {
        AssertionFailedError error = assertThrows(AssertionFailedError.class,
                () -> MigrationCheck.of(manager, "kit", "migrating-broken", CONFIG).verify());

        assertEquals("kit/migrating-broken: the golden checkpoint v1 does not migrate to its expected state; a field "
                + "was lost or changed on the way. It loses offset on migration: the migrated state is the same with "
                + "or without it, so the migration handler drops it or it lands on a field's default. Fix the "
                + "handler, or, if version 2 drops it on purpose, call acknowledgeLost(1, \"offset\").\n"
                + "  golden:   {\"$checkpoint\":{\"offset\":42,\"mode\":\"INCREMENTAL\",\"__version\":1}}\n"
                + "  expected: {\"$checkpoint\":{\"position\":42,\"mode\":\"INCREMENTAL\",\"__version\":2}}\n"
                + "  actual:   {\"$checkpoint\":{\"position\":0,\"mode\":\"INCREMENTAL\",\"__version\":2}}\n"
                + "  lost:     offset=42 reaches no field of the migrated state",
                error.getMessage());
    }

    /** An expected file written from the broken migration itself (a draft renamed without review) does not hide it. */
    @Test
    void aHandlerThatDropsAKeyFailsNamingItEvenWhenTheExpectedFileAgreesWithTheMigration() throws IOException {
        GoldenFiles files = GoldenFiles.of("kit", "migrating-broken").in(folder);
        write(files.path(1), V1);
        write(files.path(2), V2);
        write(files.expectedPath(1), "{\"$checkpoint\": {\"position\": 0, \"mode\": \"INCREMENTAL\", \"__version\": 2}}");

        AssertionFailedError error = assertThrows(AssertionFailedError.class,
                () -> MigrationCheck.of(manager, "kit", "migrating-broken", CONFIG).goldenFiles(files).verify());

        assertEquals("kit/migrating-broken: the golden checkpoint v1 loses offset on migration: the migrated state is "
                + "the same with or without it, so the migration handler drops it or it lands on a field's default. "
                + "Fix the handler, or, if version 2 drops it on purpose, call acknowledgeLost(1, \"offset\").\n"
                + "  golden:   {\"$checkpoint\":{\"offset\":42,\"mode\":\"INCREMENTAL\",\"__version\":1}}\n"
                + "  expected: {\"$checkpoint\":{\"position\":0,\"mode\":\"INCREMENTAL\",\"__version\":2}}\n"
                + "  actual:   {\"$checkpoint\":{\"position\":0,\"mode\":\"INCREMENTAL\",\"__version\":2}}\n"
                + "  lost:     offset=42 reaches no field of the migrated state",
                error.getMessage());
    }

    @Test
    void aHandlerThatDropsAKeyFailsNamingItWithoutAnExpectedFile() throws IOException {
        GoldenFiles files = GoldenFiles.of("kit", "migrating-broken").in(folder);
        write(files.path(1), V1);
        write(files.path(2), V2);

        AssertionFailedError error = assertThrows(AssertionFailedError.class,
                () -> MigrationCheck.of(manager, "kit", "migrating-broken", CONFIG).goldenFiles(files).verify());

        assertEquals("kit/migrating-broken: the golden checkpoint v1 has no expected state: "
                + "checkpoint-v1.expected.json is missing, so the check cannot tell whether the migration keeps every "
                + "value. It loses offset on migration: the migrated state is the same with or without it, so the "
                + "migration handler drops it or it lands on a field's default. Fix the handler, or, if version 2 "
                + "drops it on purpose, call acknowledgeLost(1, \"offset\"). A draft from the current migration is at "
                + files.draftPath(1) + ", but it carries that loss: once the handler is fixed, delete it and run "
                + "again for a new one, then review it and rename it to checkpoint-v1.expected.json.\n"
                + "  golden:   {\"$checkpoint\":{\"offset\":42,\"mode\":\"INCREMENTAL\",\"__version\":1}}\n"
                + "  actual:   {\"$checkpoint\":{\"position\":0,\"mode\":\"INCREMENTAL\",\"__version\":2}}\n"
                + "  lost:     offset=42 reaches no field of the migrated state", error.getMessage());
    }

    @Test
    void aValueThatLandsOnItsFieldsDefaultFailsWithItsNameWithAndWithoutAnExpectedFile() throws IOException {
        GoldenFiles files = GoldenFiles.of("kit", "migrating").in(folder);
        write(files.path(1), "{\"$checkpoint\": {\"offset\": 42, \"mode\": \"FULL\", \"__version\": 1}}");
        write(files.path(2), V2);

        AssertionFailedError withoutExpected = assertThrows(AssertionFailedError.class,
                () -> MigrationCheck.of(manager, "kit", "migrating", CONFIG).goldenFiles(files).verify());
        assertTrue(withoutExpected.getMessage().contains(" It loses mode on migration: "),
                withoutExpected.getMessage());
        assertTrue(withoutExpected.getMessage().endsWith("\n  lost:     mode=FULL reaches only mode, which holds FULL "
                + "without it too (its default)"), withoutExpected.getMessage());

        write(files.expectedPath(1), "{\"$checkpoint\": {\"position\": 42, \"mode\": \"FULL\", \"__version\": 2}}");
        AssertionFailedError withExpected = assertThrows(AssertionFailedError.class,
                () -> MigrationCheck.of(manager, "kit", "migrating", CONFIG).goldenFiles(files).verify());
        assertEquals("kit/migrating: the golden checkpoint v1 loses mode on migration: the migrated state is the same "
                + "with or without it, so the migration handler drops it or it lands on a field's default. A value "
                + "that is its field's default (lost, below) cannot be seen migrating: give checkpoint-v1.json another "
                + "value. Otherwise fix the handler, or, if version 2 drops it on purpose, call "
                + "acknowledgeLost(1, \"mode\").\n"
                + "  golden:   {\"$checkpoint\":{\"offset\":42,\"mode\":\"FULL\",\"__version\":1}}\n"
                + "  expected: {\"$checkpoint\":{\"position\":42,\"mode\":\"FULL\",\"__version\":2}}\n"
                + "  actual:   {\"$checkpoint\":{\"position\":42,\"mode\":\"FULL\",\"__version\":2}}\n"
                + "  lost:     mode=FULL reaches only mode, which holds FULL without it too (its default)",
                withExpected.getMessage());
    }

    @Test
    void aMissingExpectedFileFailsAndWritesADraftThatIsNeverReadAsTheExpectedState() throws IOException {
        GoldenFiles files = GoldenFiles.of("kit", "migrating").in(folder);
        write(files.path(1), V1);
        write(files.path(2), V2);
        Path draft = folder.resolve("kit/migrating/checkpoint-v1.expected.json.draft");

        AssertionFailedError error = assertThrows(AssertionFailedError.class,
                () -> MigrationCheck.of(manager, "kit", "migrating", CONFIG).goldenFiles(files).verify());

        assertEquals("kit/migrating: the golden checkpoint v1 has no expected state: checkpoint-v1.expected.json is "
                + "missing, so the check cannot tell whether the migration keeps every value. A draft from the current "
                + "migration is at " + draft + ": review it (every value of checkpoint-v1.json must be in it), then "
                + "rename it to checkpoint-v1.expected.json and commit it.\n"
                + "  golden:   {\"$checkpoint\":{\"offset\":42,\"mode\":\"INCREMENTAL\",\"__version\":1}}\n"
                + "  actual:   {\"$checkpoint\":{\"position\":42,\"mode\":\"INCREMENTAL\",\"__version\":2}}",
                error.getMessage());
        assertEquals(draft, files.draftPath(1));
        String drafted = "{\n    \"$checkpoint\": {\n        \"position\": 42,\n        \"mode\": \"INCREMENTAL\",\n"
                + "        \"__version\": 2\n    }\n}\n";
        assertEquals(drafted, Files.readString(draft));
        assertTrue(Files.notExists(files.expectedPath(1)));

        AssertionFailedError again = assertThrows(AssertionFailedError.class,
                () -> MigrationCheck.of(manager, "kit", "migrating", CONFIG).goldenFiles(files).verify(),
                "a draft left by a run is not an expected file: the next run fails too");
        assertEquals(error.getMessage(), again.getMessage());
        assertEquals(drafted, Files.readString(draft));

        Files.move(draft, files.expectedPath(1));
        assertEquals(List.of(1, 2),
                MigrationCheck.of(manager, "kit", "migrating", CONFIG).goldenFiles(files).verify().versionsChecked(),
                "reviewed and renamed, the draft is the expected state");
    }

    @Test
    void aDraftIsNeverOverwrittenAndOneThatDiffersFromTheMigrationIsNamedAsStale() throws IOException {
        GoldenFiles files = GoldenFiles.of("kit", "migrating").in(folder);
        write(files.path(1), V1);
        write(files.path(2), V2);
        String stale = "{\"$checkpoint\": {\"position\": 7, \"__version\": 2}}";
        write(files.draftPath(1), stale);

        AssertionFailedError error = assertThrows(AssertionFailedError.class,
                () -> MigrationCheck.of(manager, "kit", "migrating", CONFIG).goldenFiles(files).verify());

        assertTrue(error.getMessage().contains("A draft from an earlier run is at " + files.draftPath(1) + ", but it "
                + "differs from the current migration (actual, below); drafts are never overwritten: delete it and "
                + "run again for a new one"), error.getMessage());
        assertEquals(stale, Files.readString(files.draftPath(1)));
    }

    @Test
    void aLossAcknowledgedForItsVersionPassesAndAnAcknowledgedKeyTheFileLacksFails() throws IOException {
        GoldenFiles files = GoldenFiles.of("kit", "migrating-broken").in(folder);
        write(files.path(1), V1);
        write(files.path(2), V2);
        write(files.expectedPath(1), "{\"$checkpoint\": {\"position\": 0, \"mode\": \"INCREMENTAL\", \"__version\": 2}}");

        MigrationSummary summary = MigrationCheck.of(manager, "kit", "migrating-broken", CONFIG).goldenFiles(files)
                .acknowledgeLost(1, "offset").verify();
        assertEquals(List.of(1, 2), summary.versionsChecked());

        AssertionFailedError typo = assertThrows(AssertionFailedError.class,
                () -> MigrationCheck.of(manager, "kit", "migrating-broken", CONFIG).goldenFiles(files)
                        .acknowledgeLost(1, "ofset").verify());
        assertEquals("kit/migrating-broken: acknowledgeLost(1, \"ofset\") names a key that checkpoint-v1.json does "
                + "not have; its keys are [offset, mode].", typo.getMessage());
        AssertionFailedError current = assertThrows(AssertionFailedError.class,
                () -> MigrationCheck.of(manager, "kit", "migrating-broken", CONFIG).goldenFiles(files)
                        .acknowledgeLost(2, "position").verify());
        assertTrue(current.getMessage().contains("the current version is 2"), current.getMessage());
    }

    @Test
    void aMissingGoldenFileOfTheCurrentVersionFailsAndSaysHowToWriteIt() {
        GoldenFiles empty = GoldenFiles.of("kit", "migrating").in(folder);

        AssertionFailedError error = assertThrows(AssertionFailedError.class,
                () -> MigrationCheck.of(manager, "kit", "migrating", CONFIG).goldenFiles(empty).skipVersions(1)
                        .verify());

        assertTrue(error.getMessage().startsWith("kit/migrating: no golden checkpoint for the current version 2 at "
                + folder.resolve("kit/migrating/checkpoint-v2.json")), error.getMessage());
        assertTrue(error.getMessage().contains("Write it with -Dconnectorkit.golden.write=true"), error.getMessage());
        assertTrue(Files.notExists(empty.path(2)), "nothing written without the property");
    }

    @Test
    void aMissingGoldenFileOfAnOldVersionFailsUnlessSkipped() {
        GoldenFiles empty = GoldenFiles.of("kit", "migrating").in(folder);

        AssertionFailedError error = assertThrows(AssertionFailedError.class,
                () -> MigrationCheck.of(manager, "kit", "migrating", CONFIG).goldenFiles(empty).verify());

        assertTrue(error.getMessage().startsWith("kit/migrating: no golden checkpoint for the old version 1 at "),
                error.getMessage());
        assertTrue(error.getMessage().contains("Write it by hand"), error.getMessage());
        assertTrue(error.getMessage().contains("skipVersions(1)"), error.getMessage());
    }

    @Test
    void withTheWritePropertyTheMissingCurrentGoldenFileIsWrittenFromTheFirstCheckpointThenChecked()
            throws IOException {
        GoldenFiles files = GoldenFiles.of("kit", "migrating").in(folder);
        System.setProperty(GoldenFiles.WRITE_PROPERTY, "true");

        MigrationSummary summary = MigrationCheck.of(manager, "kit", "migrating", CONFIG).goldenFiles(files)
                .skipVersions(1).verify();

        assertEquals(Optional.of(files.path(2)), summary.written());
        assertEquals(List.of(2), summary.versionsChecked());
        assertEquals("{\n    \"$checkpoint\": {\n        \"position\": 5,\n        \"mode\": \"FULL\",\n"
                + "        \"__version\": 2\n    }\n}\n", Files.readString(files.path(2)),
                "the first checkpoint, after 5 records (@Checkpoint(interval = 5))");

        MigrationSummary again = MigrationCheck.of(manager, "kit", "migrating", CONFIG).goldenFiles(files)
                .skipVersions(1).verify();
        assertEquals(Optional.empty(), again.written(), "an existing file is kept");
    }

    /** kit/migrating's v1 expected file is on the test class path; a source folder without it must win. */
    @Test
    void aFileMissingFromTheComponentsSourceFolderIsNotReadFromTheClassPath() throws IOException {
        String directory = System.setProperty(GoldenFiles.DIRECTORY_PROPERTY, folder.toString());
        try {
            GoldenFiles files = GoldenFiles.of("kit", "migrating");
            assertTrue(files.loadExpected(1).isPresent(), "no source folder for the component: the class path's");
            write(files.path(1), V1);
            write(files.path(2), V2);

            assertEquals(Optional.empty(), files.loadExpected(1));
            AssertionFailedError error = assertThrows(AssertionFailedError.class,
                    () -> MigrationCheck.of(manager, "kit", "migrating", CONFIG).verify());
            assertTrue(error.getMessage().contains("has no expected state"), error.getMessage());
        } finally {
            if (directory == null) {
                System.clearProperty(GoldenFiles.DIRECTORY_PROPERTY);
            } else {
                System.setProperty(GoldenFiles.DIRECTORY_PROPERTY, directory);
            }
        }
    }

    /** After a version bump: the new current file is missing, and the previous one has no expected state yet. */
    @Test
    void withTheWritePropertyOneRunWritesTheCurrentGoldenFileAndThePreviousVersionsDraft() throws IOException {
        GoldenFiles files = GoldenFiles.of("kit", "migrating").in(folder);
        write(files.path(1), V1);
        System.setProperty(GoldenFiles.WRITE_PROPERTY, "true");

        AssertionFailedError error = assertThrows(AssertionFailedError.class,
                () -> MigrationCheck.of(manager, "kit", "migrating", CONFIG).goldenFiles(files).verify());

        assertTrue(error.getMessage().startsWith("kit/migrating: the golden checkpoint v1 has no expected state"),
                error.getMessage());
        assertTrue(Files.exists(files.path(2)), "the current version's file is written before the old ones fail");
        assertTrue(Files.exists(files.draftPath(1)));
    }

    @Test
    void writeCurrentNeverOverwrites() {
        GoldenFiles files = GoldenFiles.of("kit", "migrating").in(folder);
        Path written = files.writeCurrent(manager, CONFIG);
        assertEquals(folder.resolve("kit/migrating/checkpoint-v2.json"), written);

        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> files.writeCurrent(manager, CONFIG));
        assertTrue(error.getMessage().contains("never overwritten"), error.getMessage());
    }

    @Test
    void aCurrentGoldenFileThatNoLongerLoadsMeansTheFormatChangedWithoutAVersionBump() throws IOException {
        GoldenFiles files = GoldenFiles.of("kit", "migrating").in(folder);
        Files.createDirectories(files.path(2).getParent());
        Files.writeString(files.path(2), "{\"$checkpoint\": {\"position\": 5, \"cursorId\": \"abc\", \"__version\": 2}}");

        AssertionFailedError error = assertThrows(AssertionFailedError.class,
                () -> MigrationCheck.of(manager, "kit", "migrating", CONFIG).goldenFiles(files).skipVersions(1)
                        .verify());

        assertTrue(error.getMessage().startsWith("kit/migrating: the golden checkpoint v2 no longer loads: "),
                error.getMessage());
        assertTrue(error.getMessage().contains("cursorId"), error.getMessage());
    }

    @Test
    void aGoldenFileWhoseVersionFieldContradictsItsNameFails() throws IOException {
        GoldenFiles files = GoldenFiles.of("kit", "migrating").in(folder);
        Files.createDirectories(files.path(1).getParent());
        Files.writeString(files.path(1), "{\"$checkpoint\": {\"position\": 5, \"__version\": 2}}");

        AssertionFailedError error = assertThrows(AssertionFailedError.class,
                () -> MigrationCheck.of(manager, "kit", "migrating", CONFIG).goldenFiles(files).verify());

        assertTrue(error.getMessage().contains("holds __version 2, but its name says version 1"), error.getMessage());
    }

    private static void write(Path file, String json) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, json);
    }
}
