package io.connectorkit.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.runtime.SplitPlan;
import io.connectorkit.store.FileCheckpointStore;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code file/folder-input} run by the runner: it moves a file to {@code done/} from {@code @CheckpointCommitted},
 * so after a crash every moved file is one whose split's durable checkpoint says it was read whole, and the resume
 * moves the rest and loses no line.
 */
class FolderInputRunTest {

    private static final String JOB = "folder";
    private static final int FILES = 6;
    private static final int LINES = 120;

    @TempDir
    Path dir;

    @Test
    void aFileIsMovedOnlyOnceADurableCheckpointCoversAllOfItAndTheResumeMovesTheRest() throws Exception {
        Path in = dir.resolve("in");
        Files.createDirectories(in);
        for (int file = 0; file < FILES; file++) {
            StringBuilder text = new StringBuilder();
            for (int line = 1; line <= LINES; line++) {
                text.append("file ").append(file).append(" line ").append(line).append('\n');
            }
            Files.writeString(in.resolve("f" + file + ".log"), text);
        }
        String[] arguments = {"run", "--family", "file", "--name", "folder-input", "--configuration",
            Cli.write(dir.resolve("folder.json"), "{\"configuration\": {\"folder\": \"" + in + "\", \"glob\": "
                    + "\"*.log\"}}").toString(), "--store", "file:" + dir.resolve("store"), "--output",
            dir.resolve("out.jsonl").toString(), "--job", JOB, "--parallelism", "2", "--sync-saves"};
        String[] crashing = Stream.concat(Stream.of(arguments), Stream.of("--fail-after", "400"))
                .toArray(String[]::new);

        Cli.fork(dir, crashing).assertCode(ExitCodes.SIMULATED_CRASH);

        Set<String> moved = names(in.resolve("done"));
        assertTrue(!moved.isEmpty() && moved.size() < FILES, "some files read whole and moved, not all: " + moved);
        try (FileCheckpointStore store = new FileCheckpointStore(dir.resolve("store"))) {
            SplitPlan plan = SavedPlans.load(store, JOB).orElseThrow();
            for (String file : moved) {
                JsonObject durable = store.loadLatest(JOB, file).map(saved -> saved.checkpoint())
                        .orElseGet(() -> plan.entries().stream().filter(e -> e.split().id().equals(file))
                                .findFirst().orElseThrow().lastCheckpoint().toJson());
                JsonObject position = durable.getJsonObject("$checkpoint");
                assertEquals(file, position.getString("file"));
                assertTrue(position.getBoolean("finished"), file + " moved before a durable checkpoint covered all of "
                        + "it: " + durable);
            }
        }

        Cli.run(arguments).assertCode(0);

        assertEquals(FILES, names(in.resolve("done")).size(), "every file moved once read");
        assertEquals(Set.of(), names(in).stream().filter(name -> name.endsWith(".log"))
                .collect(Collectors.toSet()), "no file left behind");
        Set<String> lines = new TreeSet<>();
        for (String line : Files.readAllLines(dir.resolve("out.jsonl"))) {
            try (JsonReader reader = Json.createReader(new StringReader(line))) {
                lines.add(reader.readObject().getString("text"));
            }
        }
        assertEquals(FILES * LINES, lines.size(), "every line read, some twice after the crash");
    }

    private static Set<String> names(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return new TreeSet<>(files.map(file -> file.getFileName().toString()).toList());
        }
    }
}
