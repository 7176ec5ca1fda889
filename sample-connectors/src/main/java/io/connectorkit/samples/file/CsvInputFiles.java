package io.connectorkit.samples.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The files a {@link CsvInputConfig} names: {@code path} and each of {@code paths}, a file or a glob, listed in path
 * order, each once. A value is a glob when no file has that name and its last part holds {@code *} or {@code ?}
 * (then {@code [...]} and <code>{a,b}</code> work too, as in {@link java.nio.file.FileSystem#getPathMatcher}): so a
 * file whose name holds them is still read as itself. A glob matching nothing names no file; a plain path that does
 * not exist is named anyway, and fails when it is read.
 */
final class CsvInputFiles {

    /**
     * One file to read.
     *
     * @param path the file, as the configuration gave it or as its glob's folder resolves it
     * @param option the option that named it, for messages ({@code configuration.path}, {@code configuration.paths[1]})
     */
    record CsvFile(Path path, String option) {
    }

    private CsvInputFiles() {
    }

    /** The files, sorted by path. */
    static List<CsvFile> list(CsvInputConfig configuration) {
        Map<Path, CsvFile> files = new LinkedHashMap<>();
        add(files, configuration.getPath(), "configuration.path");
        List<String> paths = configuration.getPaths();
        for (int i = 0; i < paths.size(); i++) {
            add(files, paths.get(i), "configuration.paths[" + i + "]");
        }
        List<CsvFile> sorted = new ArrayList<>(files.values());
        sorted.sort(Comparator.comparing(file -> file.path().toString()));
        return sorted;
    }

    /** Whether the configuration names one file by its path: no {@code paths}, and a {@code path} that is no glob. */
    static boolean isOneFile(CsvInputConfig configuration) {
        String path = configuration.getPath();
        return configuration.getPaths().isEmpty() && !isGlob(path, path(path, "configuration.path"));
    }

    /** The sum of the files' sizes in bytes. */
    static long totalSize(List<CsvFile> files) {
        long total = 0;
        for (CsvFile file : files) {
            total += size(file);
        }
        return total;
    }

    /** The file's size in bytes. */
    static long size(CsvFile file) {
        try {
            return Files.size(file.path());
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("CSV file " + file.path() + " (" + file.option() + ") does not exist");
        } catch (IOException e) {
            throw new UncheckedIOException("CSV file " + file.path() + " (" + file.option() + ") cannot be read: "
                    + e, e);
        }
    }

    private static void add(Map<Path, CsvFile> files, String value, String option) {
        Path path = path(value, option);
        if (isGlob(value, path)) {
            for (Path match : matches(path, option)) {
                files.putIfAbsent(match, new CsvFile(match, option));
            }
        } else {
            files.putIfAbsent(path, new CsvFile(path, option));
        }
    }

    static Path path(String value, String option) {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(option + " '" + value + "' is not a valid path: " + e.getMessage());
        }
    }

    private static boolean isGlob(String value, Path path) {
        Path name = path.getFileName();
        return name != null && (name.toString().contains("*") || name.toString().contains("?"))
                && !Files.exists(path);
    }

    /** The regular files of the glob's folder whose names match it. */
    private static List<Path> matches(Path glob, String option) {
        Path folder = glob.getParent() == null ? Path.of("") : glob.getParent();
        String pattern = glob.getFileName().toString();
        if (folder.toString().contains("*") || folder.toString().contains("?")) {
            throw new IllegalArgumentException(option + " '" + glob + "': a glob matches file names only, in one "
                    + "folder; its folder " + folder + " holds '*' or '?'");
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        Path listed = folder.toString().isEmpty() ? Path.of(".") : folder;
        try (Stream<Path> children = Files.list(listed)) {
            return children.filter(Files::isRegularFile)
                    .filter(child -> matcher.matches(child.getFileName()))
                    .map(child -> folder.resolve(child.getFileName()))
                    .toList();
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("the folder " + listed + " of the glob " + option + " '" + glob
                    + "' does not exist");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the folder " + listed + " of the glob " + option + " '" + glob
                    + "': " + e, e);
        }
    }
}
