package io.connectorkit.samples.folder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The files a {@link FolderInputConfig} names: listed in name order, and moved to the done folder. */
final class FolderFiles {

    private final Path folder;
    private final PathMatcher glob;
    private final String only;
    private final Path done;

    FolderFiles(FolderInputConfig configuration) {
        this.folder = Path.of(configuration.getFolder());
        this.glob = FileSystems.getDefault().getPathMatcher("glob:" + configuration.getGlob());
        this.only = configuration.getFile();
        this.done = folder.resolve(configuration.getDoneFolder());
    }

    /**
     * The names of the regular files to read, sorted: the configuration's one file (whether or not it is still
     * there), or every file of the folder matching the glob. Sorted by name, never in directory order: the same folder
     * always gives the same splits.
     */
    List<String> names() {
        if (!only.isEmpty()) {
            return List.of(only);
        }
        try (Stream<Path> listed = Files.list(folder)) {
            List<String> names = new ArrayList<>();
            listed.filter(Files::isRegularFile)
                    .map(path -> path.getFileName().toString())
                    .filter(name -> glob.matches(Path.of(name)))
                    .sorted()
                    .forEach(names::add);
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException("folder-input: cannot list the folder " + folder, e);
        }
    }

    Path path(String name) {
        return folder.resolve(name);
    }

    /** The sum of the files' sizes, in bytes; a file moved away meanwhile counts 0. */
    long totalSize() {
        long total = 0;
        for (String name : names()) {
            try {
                total += Files.size(path(name));
            } catch (NoSuchFileException e) {
                // moved to the done folder since it was listed
            } catch (IOException e) {
                throw new UncheckedIOException("folder-input: cannot read the size of " + path(name), e);
            }
        }
        return total;
    }

    /** Moves {@code name} to the done folder; one already moved (by an earlier commit) is left alone. */
    void moveToDone(String name) throws IOException {
        Path source = path(name);
        if (!Files.exists(source)) {
            return;
        }
        Files.createDirectories(done);
        Files.move(source, done.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
