package io.connectorkit.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.api.spi.ComponentIndex;
import io.connectorkit.api.spi.Release;
import io.connectorkit.runtime.fixtures.BrokenIndexes;
import io.connectorkit.runtime.fixtures.TestIndex;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the runtime reads a class path whose indexes are broken, from another release, or in conflict. */
class ComponentRegistryTest {

    @TempDir
    Path folder;

    @Test
    void skipsAndReportsEachUnreadableIndexWhileTheOthersStillLoad() throws IOException {
        try (URLClassLoader loader = loaderListing(BrokenIndexes.OldFormat.class.getName(),
                "io.connectorkit.runtime.fixtures.NoSuchIndex", BrokenIndexes.Unlinkable.class.getName());
                ComponentManager manager = ComponentManager.builder().classLoader(loader).build()) {
            List<String> problems = manager.indexProblems();
            assertEquals(3, problems.size(), problems.toString());

            String oldFormat = find(problems, "OldFormat");
            assertTrue(oldFormat.contains("was built with Connector Kit before 0.2 (index format 1) but this runtime is "
                    + "Connector Kit " + Release.CURRENT + " (index format " + ComponentIndex.FORMAT + ")"), oldFormat);
            assertTrue(oldFormat.contains("test-classes"), "names where the index comes from: " + oldFormat);
            assertTrue(oldFormat.contains("rebuild that connector with Connector Kit " + Release.CURRENT), oldFormat);

            String missing = find(problems, "NoSuchIndex");
            assertTrue(missing.startsWith("a component index cannot be loaded, its components are skipped"), missing);

            String unlinkable = find(problems, "Unlinkable");
            assertTrue(unlinkable.contains("(built with Connector Kit 9.9.9) cannot be read by this runtime"),
                    unlinkable);
            assertTrue(unlinkable.contains("NoSuchMethodError"), unlinkable);

            // The well-formed index on the same class path still works.
            assertTrue(manager.componentIds().contains("test/counter"), manager.componentIds().toString());
            assertTrue(manager.findMapper("test", "counter", 1, Map.of("total", "1")).isPresent());
        }
    }

    @Test
    void aComponentDeclaredByTwoIndexesIsAnErrorNamingBoth() throws IOException {
        try (URLClassLoader loader = loaderListing(BrokenIndexes.Duplicate.class.getName());
                ComponentManager manager = ComponentManager.builder().classLoader(loader).build()) {
            String problem = find(manager.indexProblems(), "declared twice");
            IllegalStateException error = assertThrows(IllegalStateException.class,
                    () -> manager.findMapper("test", "plain", 1, Map.of()));
            assertEquals(problem, error.getMessage());
            assertTrue(error.getMessage().startsWith("component test/plain is declared twice: as "
                    + "io.connectorkit.runtime.fixtures.Plain by the index " + TestIndex.class.getName()),
                    error.getMessage());
            assertTrue(error.getMessage().contains("by the index " + BrokenIndexes.Duplicate.class.getName()),
                    error.getMessage());
            // The other components of both indexes are unaffected.
            assertTrue(manager.findMapper("extra", "ok", 1, Map.of()).isPresent());
            assertTrue(manager.findMapper("test", "counter", 1, Map.of("total", "1")).isPresent());
        }
    }

    @Test
    void theTestClassPathItselfHasNoIndexProblem() {
        try (ComponentManager manager = ComponentManager.builder().build()) {
            assertEquals(List.of(), manager.indexProblems());
        }
    }

    /** A loader over the test class path that also lists {@code providers} as component indexes. */
    private URLClassLoader loaderListing(String... providers) throws IOException {
        Path services = folder.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.writeString(services.resolve(ComponentIndex.class.getName()), String.join("\n", providers) + "\n");
        return new URLClassLoader(new URL[] {folder.toUri().toURL()}, getClass().getClassLoader());
    }

    private static String find(List<String> problems, String fragment) {
        return problems.stream().filter(p -> p.contains(fragment)).findFirst()
                .orElseThrow(() -> new AssertionError("no problem mentions " + fragment + ": " + problems));
    }
}
