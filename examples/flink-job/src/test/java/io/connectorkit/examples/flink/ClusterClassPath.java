package io.connectorkit.examples.flink;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The class path of the cluster's JVMs: the test's class path without every entry that holds a class of the job jar.
 * So the JobManager, the TaskManager and the client have Flink but neither sdk-flink, sdk-runtime, the connectors,
 * Jakarta JSON, Parsson nor Yasson, as in a real cluster: the job jar, in Flink's user-code class loader, is the only
 * place those classes come from.
 *
 * @param kept    the entries the cluster JVMs get
 * @param removed the entries left out
 */
record ClusterClassPath(List<String> kept, List<String> removed) {

    /** Splits {@code classPath} (as {@code java.class.path}) by whether an entry holds a class of {@code jobJar}. */
    static ClusterClassPath of(String classPath, Path jobJar) {
        Set<String> jobClasses = new HashSet<>(classes(jobJar));
        List<String> kept = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (entry.isEmpty() || !Files.exists(path)) {
                continue;
            }
            boolean overlaps = classes(path).stream().anyMatch(jobClasses::contains);
            (overlaps ? removed : kept).add(entry);
        }
        return new ClusterClassPath(List.copyOf(kept), List.copyOf(removed));
    }

    /** The kept entries joined for {@code -cp}. */
    String asArgument() {
        return String.join(File.pathSeparator, kept);
    }

    /** The kept entries that hold a class whose name starts with {@code prefix} ({@code org/eclipse/parsson/}). */
    List<String> keptProviding(String prefix) {
        return kept.stream()
                .filter(entry -> classes(Path.of(entry)).stream().anyMatch(name -> name.startsWith(prefix)))
                .toList();
    }

    /** The class files of a jar or a class folder, as jar entry names ({@code a/b/C.class}). */
    private static List<String> classes(Path entry) {
        try {
            if (Files.isDirectory(entry)) {
                try (Stream<Path> files = Files.walk(entry)) {
                    return files.filter(Files::isRegularFile)
                            .map(file -> entry.relativize(file).toString().replace(File.separatorChar, '/'))
                            .filter(ClusterClassPath::isClass)
                            .toList();
                }
            }
            try (JarFile jar = new JarFile(entry.toFile())) {
                return jar.stream().map(JarEntry::getName).filter(ClusterClassPath::isClass).toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the classes of " + entry, e);
        }
    }

    // module-info and multi-release copies are not the classes a class loader would find first.
    private static boolean isClass(String name) {
        return name.endsWith(".class") && !name.endsWith("module-info.class") && !name.startsWith("META-INF/");
    }
}
