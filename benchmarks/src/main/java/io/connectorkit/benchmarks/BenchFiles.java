package io.connectorkit.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.stream.Stream;

/** The benchmarks' folders: where they work ({@code benchmarks/target}), and clearing one between runs. */
final class BenchFiles {

    private BenchFiles() {
    }

    /** {@code benchmarks/target}: the folder holding this program's classes or jar. */
    static Path targetDir() {
        try {
            Path source = Paths.get(BenchFiles.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return source.getParent();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }


    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
