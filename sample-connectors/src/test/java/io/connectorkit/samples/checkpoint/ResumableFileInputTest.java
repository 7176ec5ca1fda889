package io.connectorkit.samples.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.runtime.ComponentException;
import io.connectorkit.runtime.ComponentManager;
import io.connectorkit.runtime.ConfigurationException;
import io.connectorkit.runtime.UnsupportedVersionException;
import io.connectorkit.runtime.CheckpointState;
import io.connectorkit.runtime.Input;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A connector written as outside code is (see {@link ResumableFileInput}) runs, fails and resumes as documented. */
class ResumableFileInputTest {

    @TempDir
    Path folder;

    private ComponentManager manager;
    private Path file;

    @BeforeEach
    void setUp() throws IOException {
        manager = ComponentManager.builder().checkpointing(true).build();
        file = folder.resolve("people.csv");
        Files.writeString(file, "id,name\n1,ada\n2,bob\n3,cyd\n4,dan\n5,eve\n");
    }

    @AfterEach
    void tearDown() {
        manager.close();
        Thread.interrupted(); // a test of InterruptedException must not leave the flag to the next one
    }

    @Test
    void theTestCompilationsIndexAndTheMainOneAreBothFoundInOnePackage() {
        assertTrue(manager.componentIds().contains("outside/resumable"), manager.componentIds().toString());
        assertTrue(manager.componentIds().contains("checkpoint/list-input"), manager.componentIds().toString());
        assertEquals(List.of(), manager.indexProblems());
    }

    @Test
    void readsAndResumesFromItsCheckpoint() {
        List<CheckpointState> saved = new ArrayList<>();
        Input input = create(configuration());
        input.start(saved::add);
        assertEquals(1, ((JsonObject) input.next()).getInt("id"));
        assertEquals(2, ((JsonObject) input.next()).getInt("id"));
        input.next(); // delivers the checkpoint after record 2
        input.stop();
        Map<String, String> resume = configuration();
        resume.putAll(ComponentManager.jsonToMap(saved.get(1).toJson()));
        assertEquals(List.of(3, 4, 5), ids(resume));
    }

    @Test
    void resumesATalendComponentKitMapWithVersionedConfigurationObjects() {
        // Written by version 1 of everything, the way TCK keeps configuration and checkpoint.
        Map<String, String> map = new HashMap<>();
        map.put("configuration.__version", "1");
        map.put("configuration.path", file.toString());
        map.put("configuration.dataset.__version", "1");
        map.put("configuration.dataset.url", "https://example.test");
        map.put("$checkpoint.sinceId", "3");
        map.put("$checkpoint.__version", "1");
        assertEquals(List.of(4, 5), ids(map));
    }

    @Test
    void migratesConfigurationObjectsWithoutAVersionAsVersionOne() {
        Map<String, String> map = new HashMap<>(Map.of("configuration.path", file.toString(),
                "configuration.dataset.url", "https://example.test", "configuration.checkpoint.sinceId", "4"));
        assertEquals(List.of(5), ids(map));
    }

    @Test
    void keepsCurrentConfigurationObjectsAsTheyAre() {
        Map<String, String> map = configuration();
        map.put("configuration.__version", "2");
        map.put("configuration.dataset.__version", "2");
        map.put("configuration.checkpoint.__version", "2");
        map.put("configuration.checkpoint.lastId", "2");
        assertEquals(List.of(3, 4, 5), ids(map));
    }

    @Test
    void refusesAConfigurationObjectNewerThanItsClassNamingThePath() {
        Map<String, String> map = configuration();
        map.put("configuration.dataset.__version", "3");
        UnsupportedVersionException error = assertThrows(UnsupportedVersionException.class,
                () -> manager.findMapper("outside", "resumable", 1, map));
        assertEquals("configuration.dataset.__version", error.field());
        assertTrue(error.getMessage().startsWith("outside/resumable: configuration.dataset.__version is 3 but this "
                + "version of the component reads up to 2"), error.getMessage());
    }

    @Test
    void refusesAVersionThatIsNotANumber() {
        Map<String, String> map = configuration();
        map.put("configuration.__version", "two");
        ConfigurationException error = assertThrows(ConfigurationException.class,
                () -> manager.findMapper("outside", "resumable", 1, map));
        assertTrue(error.getMessage().contains("configuration.__version"), error.getMessage());
        assertTrue(error.getMessage().contains("'two'"), error.getMessage());
    }

    @ParameterizedTest
    @CsvSource({
        "init,       @PostConstruct init(),         java.io.IOException,  cannot open",
        "next,       @Producer next(),              java.lang.InterruptedException, interrupted while waiting",
        "available,  @CheckpointAvailable available(), java.lang.Exception, cannot tell",
        "checkpoint, @CheckpointData checkpoint(),  java.io.IOException,  cannot snapshot",
    })
    void aCheckedExceptionReachesTheHostNamingComponentAndMethod(String failIn, String method, String type,
            String message) throws Exception {
        Map<String, String> map = configuration();
        map.put("configuration.failIn", failIn);
        Input input = create(map);
        ComponentException error = assertThrows(ComponentException.class, () -> {
            input.start(state -> { });
            input.next();
            input.next();
        });
        assertEquals("outside/resumable", error.componentId());
        assertTrue(error.getMessage().startsWith("outside/resumable: " + method + " failed: " + message),
                error.getMessage());
        assertEquals(Class.forName(type), error.getCause().getClass());
    }

    @Test
    void aCheckedExceptionOfTheConstructorAndOfPreDestroyReachTheHostToo() {
        Map<String, String> map = configuration();
        map.put("configuration.failIn", "constructor");
        ComponentException constructor = assertThrows(ComponentException.class, () -> create(map));
        assertTrue(constructor.getMessage().startsWith("outside/resumable: constructor of "
                + ResumableFileInput.class.getName() + " failed: cannot reach https://example.test"),
                constructor.getMessage());
        assertInstanceOf(IOException.class, constructor.getCause());

        map.put("configuration.failIn", "release");
        Input input = create(map);
        input.start();
        ComponentException release = assertThrows(ComponentException.class, input::stop);
        assertTrue(release.getMessage().startsWith("outside/resumable: @PreDestroy release() failed"),
                release.getMessage());
        assertEquals(Exception.class, release.getCause().getClass());
    }

    @Test
    void anInterruptedExceptionKeepsTheThreadsInterruptFlag() {
        Map<String, String> map = configuration();
        map.put("configuration.failIn", "next");
        Input input = create(map);
        input.start();
        assertFalse(Thread.currentThread().isInterrupted());
        ComponentException error = assertThrows(ComponentException.class, input::next);
        assertInstanceOf(InterruptedException.class, error.getCause());
        assertTrue(Thread.interrupted(), "the interrupt flag is set again for the host to see");
    }

    private Map<String, String> configuration() {
        Map<String, String> map = new HashMap<>();
        map.put("configuration.resourcePath", file.toString());
        map.put("configuration.dataset.systemUrl", "https://example.test");
        return map;
    }

    private Input create(Map<String, String> map) {
        return manager.findMapper("outside", "resumable", 1, map).orElseThrow().create();
    }

    private List<Integer> ids(Map<String, String> map) {
        Input input = create(map);
        input.start();
        List<Integer> ids = new ArrayList<>();
        for (Object record = input.next(); record != null; record = input.next()) {
            ids.add(((JsonObject) record).getInt("id"));
        }
        input.stop();
        return ids;
    }
}
