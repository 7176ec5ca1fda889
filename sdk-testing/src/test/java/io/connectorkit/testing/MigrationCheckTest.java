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

    @Test
    void aHandlerThatDropsAFieldFailsAgainstTheExpectedMigratedState() {
        AssertionFailedError error = assertThrows(AssertionFailedError.class,
                () -> MigrationCheck.of(manager, "kit", "migrating-broken", CONFIG).verify());

        assertEquals("kit/migrating-broken: the golden checkpoint v1 does not migrate to its expected state; a field "
                + "was lost or changed on the way.\n"
                + "  golden:   {\"$checkpoint\":{\"offset\":42,\"mode\":\"INCREMENTAL\",\"__version\":1}}\n"
                + "  expected: {\"$checkpoint\":{\"position\":42,\"mode\":\"INCREMENTAL\",\"__version\":2}}\n"
                + "  actual:   {\"$checkpoint\":{\"position\":0,\"mode\":\"INCREMENTAL\",\"__version\":2}}",
                error.getMessage());
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
}
