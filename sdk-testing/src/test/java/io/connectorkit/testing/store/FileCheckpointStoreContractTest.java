package io.connectorkit.testing.store;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.store.CheckpointStore;
import io.connectorkit.store.FileCheckpointStore;
import io.connectorkit.store.StoreOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on {@link FileCheckpointStore}, in a folder per test. */
class FileCheckpointStoreContractTest extends CheckpointStoreContract {

    @TempDir
    Path root;

    @Override
    protected CheckpointStore newStore(StoreOptions options) {
        return new FileCheckpointStore(root, options);
    }

    /**
     * The file store deletes the generations beyond the retention on a thread of its own: waits until no partition
     * folder holds more generation files than the retention (its documented layout:
     * {@code <root>/<job>/partitions/<partition>/checkpoint-*.json}).
     */
    @Override
    protected void awaitBackgroundWork(CheckpointStore store) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (mostGenerationFiles() > store.options().retention()) {
            assertTrue(System.nanoTime() < deadline, "old generations still on disk after 30 s");
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private long mostGenerationFiles() {
        long most = 0;
        try (Stream<Path> partitions = Files.exists(root) ? Files.walk(root, 3) : Stream.empty()) {
            for (Path dir : partitions.filter(p -> p.getParent() != null
                    && p.getParent().getFileName().toString().equals("partitions")).toList()) {
                long files = 0;
                try (DirectoryStream<Path> generations = Files.newDirectoryStream(dir, "checkpoint-*.json")) {
                    for (Path ignored : generations) {
                        files++;
                    }
                }
                most = Math.max(most, files);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return most;
    }
}
