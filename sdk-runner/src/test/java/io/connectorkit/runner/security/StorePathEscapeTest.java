package io.connectorkit.runner.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.runner.Cli;
import io.connectorkit.store.CheckpointStore;
import io.connectorkit.store.FileCheckpointStore;
import io.connectorkit.store.InMemoryCheckpointStore;
import io.connectorkit.store.JdbcCheckpointStore;
import io.connectorkit.store.StoreOptions;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Job and partition ids cannot escape the store's folder: through the runner's {@code --job} (run and the checkpoint
 * commands) and through the store API, every hostile id is refused with a message naming it, and nothing is created
 * or deleted outside the store, checked by listing the whole temp folder (the store's parent and grandparent) before
 * and after, and the absolute targets.
 */
class StorePathEscapeTest {

    @TempDir
    Path temp;

    private Path store;
    private Path absoluteTarget;
    private Path config;

    @BeforeEach
    void setUp() throws IOException {
        store = temp.resolve("work").resolve("store");
        Files.createDirectories(store);
        // Something that a ".." delete would remove, next to the store.
        Files.writeString(temp.resolve("work").resolve("keep.txt"), "keep");
        absoluteTarget = temp.resolve("absolute-target");
        config = Files.writeString(temp.resolve("work").resolve("config.json"),
                "{\"configuration\": {\"total\": 10, \"batchSize\": 5}}");
    }

    List<String> hostileIds() {
        return List.of("../x", "..", ".", "../../x", "a/b", "a\\b", absoluteTarget.toString(), "/etc/passwd",
                "x\0y", "x\ny", "x\ry", "", " ", "x".repeat(129), "x".repeat(100_000), "é", "C:x", "x*", "~");
    }

    static Stream<String> hostile() {
        return Stream.of("../x", "..", ".", "../../x", "a/b", "a\\b", "/tmp/ck-absolute-escape", "/etc/passwd",
                "x\0y", "x\ny", "", " ", "x".repeat(129), "x".repeat(100_000), "é", "~");
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void theRunnerRefusesAHostileJobIdAndTouchesNothingOutsideTheStore(String job) throws IOException {
        Set<String> before = tree();
        for (String[] command : List.of(
                new String[] {"run", "--family", "checkpoint", "--name", "list-input", "--configuration",
                    config.toString(), "--store", "file:" + store, "--job", job, "--output",
                    temp.resolve("work").resolve("out.jsonl").toString()},
                new String[] {"checkpoint", "show", "--job", job, "--store", "file:" + store},
                new String[] {"checkpoint", "history", "--job", job, "--store", "file:" + store},
                new String[] {"checkpoint", "delete", "--job", job, "--yes", "--store", "file:" + store},
                new String[] {"checkpoint", "reset", "--job", job, "--set", "sinceId=0", "--store", "file:" + store},
                new String[] {"checkpoint", "rewind", "--job", job, "--to", "1", "--store", "file:" + store})) {
            Cli.Result result = Cli.run(command);
            String text = result.all();
            assertEquals(2, result.code(), () -> String.join(" ", command).substring(0, 60) + ": " + text);
            assertTrue(text.contains("invalid job id"), text);
            assertFalse(text.contains("\0"), "a NUL is never printed raw");
            assertTrue(text.length() < 2_000, "a very long id is cut in the message: " + text.length());
        }
        assertEquals(before, tree(), "nothing created or deleted in the temp folder");
        assertFalse(Files.exists(Path.of("/tmp/ck-absolute-escape")));
    }

    @Test
    void everyStoreRefusesHostileJobAndPartitionIdsInEveryCall() throws IOException {
        Set<String> before = tree();
        JsonObject checkpoint = Json.createObjectBuilder()
                .add("$checkpoint", Json.createObjectBuilder().add("sinceId", 1)).build();
        try (CheckpointStore file = new FileCheckpointStore(store);
                CheckpointStore memory = new InMemoryCheckpointStore(StoreOptions.DEFAULTS);
                CheckpointStore h2 = JdbcCheckpointStore.connect("jdbc:h2:mem:escape-" + System.nanoTime()
                        + ";DB_CLOSE_DELAY=-1", null, null, JdbcCheckpointStore.DEFAULT_TABLE, StoreOptions.DEFAULTS)) {
            int refusals = 0;
            for (CheckpointStore s : List.of(file, memory, h2)) {
                for (String id : hostileIds()) {
                    List<Consumer<String>> jobCalls = List.of(
                            j -> s.save(j, "0", "checkpoint/list-input", checkpoint),
                            j -> s.loadLatest(j, "0"), j -> s.load(j, "0", 1), j -> s.history(j, "0"),
                            j -> s.delete(j), j -> s.lockForWriting(j));
                    List<Consumer<String>> partitionCalls = List.of(
                            p -> s.save("job", p, "checkpoint/list-input", checkpoint),
                            p -> s.loadLatest("job", p), p -> s.load("job", p, 1), p -> s.history("job", p));
                    for (Consumer<String> call : jobCalls) {
                        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> call.accept(id),
                                () -> s + " accepted job id '" + id + "'");
                        assertTrue(e.getMessage().startsWith("invalid job id"), e.getMessage());
                        assertFalse(e.getMessage().contains("\0") || e.getMessage().contains("\n"), e.getMessage());
                        refusals++;
                    }
                    for (Consumer<String> call : partitionCalls) {
                        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> call.accept(id),
                                () -> s + " accepted partition '" + id + "'");
                        assertTrue(e.getMessage().startsWith("invalid partition id"), e.getMessage());
                        refusals++;
                    }
                }
            }
            System.out.printf("store ids: %d hostile ids refused by the file, in-memory and H2 stores%n", refusals);
        }
        Set<String> after = tree();
        after.removeIf(p -> p.startsWith("work/store/job")); // a valid job "job" may have been created for partitions
        assertEquals(before, after);
        assertFalse(Files.exists(absoluteTarget));
    }

    /** Every path below the temp folder (the store's grandparent), relative. */
    private Set<String> tree() throws IOException {
        try (Stream<Path> all = Files.walk(temp)) {
            return all.map(p -> temp.relativize(p).toString().replace('\\', '/'))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
