package io.connectorkit.runner;

import static io.connectorkit.runner.Cli.ids;
import static io.connectorkit.runner.Cli.listInput;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.store.JdbcCheckpointStore;
import io.connectorkit.store.StoreOptions;
import io.connectorkit.testsupport.RequiresPostgres;
import io.connectorkit.testsupport.TestPostgres;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --store jdbc:...}: embedded H2 always; PostgreSQL at {@link TestPostgres#URL} where
 * {@link RequiresPostgres} lets the tests run.
 */
class JdbcStoreRunTest {


    @TempDir
    Path dir;

    private final String job = "runner-test-" + UUID.randomUUID().toString().substring(0, 8);
    private String usedStore;

    @AfterEach
    void deleteTheJob() {
        if (usedStore != null) {
            Cli.run("checkpoint", "delete", "--store", usedStore, "--job", job, "--yes").assertCode(0);
        }
    }

    private String h2() {
        return "jdbc:h2:file:" + dir.resolve("ck").toAbsolutePath();
    }

    private static String postgres() {
        return TestPostgres.URL;
    }

    private String[] run(String store, int total, String... more) {
        usedStore = store;
        List<String> args = new ArrayList<>(List.of("run", "--family", "checkpoint", "--name", "list-input",
                "--configuration", listInput(dir, total, 10).toString(), "--store", store, "--job", job,
                "--output", dir.resolve("out.jsonl").toString(), "--quiet"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private void runAndResume(String store) {
        Cli.run(run(store, 25)).assertCode(0);
        Cli.run(run(store, 40)).assertCode(0).assertErrContains("resumes from checkpoint");

        assertEquals(IntStream.rangeClosed(1, 40).boxed().toList(), ids(dir.resolve("out.jsonl")));
        JsonObject shown = Json.createReader(new StringReader(
                Cli.run("checkpoint", "show", "--store", store, "--job", job).assertCode(0).out())).readObject();
        assertEquals(40, shown.getJsonObject("checkpoint").getJsonObject("$checkpoint").getInt("sinceId"));
        Cli.run("checkpoint", "list", "--store", store).assertCode(0).assertOutContains(job);
    }

    private void crashAndResume(String store) {
        Cli.fork(dir, run(store, 50, "--fail-after", "23")).assertCode(3);
        // The crashed process's writer claim is taken over at once: it was a process of this host that has ended.
        Cli.fork(dir, run(store, 50)).assertCode(0);

        List<Integer> ids = ids(dir.resolve("out.jsonl"));
        assertEquals(new TreeSet<>(IntStream.rangeClosed(1, 50).boxed().toList()), new TreeSet<>(ids));
        assertTrue(ids.size() - 50 <= 10, ids::toString);
    }

    @Test
    void aJobRunsAndResumesWithAnH2Store() {
        runAndResume(h2());
    }

    @Test
    void aCrashedJobResumesWithAnH2Store() {
        crashAndResume(h2());
    }

    @Test
    @RequiresPostgres
    void aJobRunsAndResumesWithAPostgresStore() {
        runAndResume(postgres());
    }

    @Test
    @RequiresPostgres
    void aCrashedJobResumesWithAPostgresStore() {
        crashAndResume(postgres());
    }

    @Test
    @RequiresPostgres
    void aSecondRunnerOnTheSameJobIsRefusedWithAPostgresStore() {
        String store = postgres();
        Cli.run(run(store, 5)).assertCode(0);
        try (JdbcCheckpointStore running = JdbcCheckpointStore.connect(store, null, null,
                JdbcCheckpointStore.DEFAULT_TABLE, StoreOptions.DEFAULTS)) {
            running.lockForWriting(job);

            Cli.run(run(store, 10)).assertCode(6).assertErrContains("locked", job);
        }
        assertFalse(ids(dir.resolve("out.jsonl")).contains(6), "the refused run read nothing");
    }
}
