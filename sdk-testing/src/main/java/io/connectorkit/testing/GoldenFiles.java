package io.connectorkit.testing;

import io.connectorkit.runtime.ComponentManager;
import io.connectorkit.runtime.CheckpointState;
import io.connectorkit.runtime.Input;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The golden checkpoint files of one component: one checkpoint per {@code @Version} of its checkpoint class, in the
 * wire format ({@code {"$checkpoint": {..., "__version": N}}}, keys relative to the {@code @Checkpoint} class), kept
 * with the connector's test sources:
 * <pre>
 * src/test/resources/connectorkit/golden/&lt;family&gt;/&lt;name&gt;/checkpoint-v1.json
 * src/test/resources/connectorkit/golden/&lt;family&gt;/&lt;name&gt;/checkpoint-v1.expected.json
 * src/test/resources/connectorkit/golden/&lt;family&gt;/&lt;name&gt;/checkpoint-v2.json
 * </pre>
 * A file is read from that source folder (relative to the working directory, which Maven sets to the module;
 * {@code -D}{@value #DIRECTORY_PROPERTY} changes it) or, when the component has no folder there (a test run from
 * another working directory), from the class path under {@value #RESOURCE_ROOT}; a file deleted from the source
 * folder is therefore never read from a stale copy in {@code target/test-classes}. The {@code .expected.json} file of an old version is the checkpoint it must migrate to, in
 * the current version's wire format; {@link MigrationCheck} requires it for every old version.
 *
 * <p>Old versions' files are written by hand, in the form that version wrote (keep them forever: deployments may
 * hold such checkpoints); a version 1 file may leave {@code __version} out, as checkpoints written before the class
 * had a {@code @Version} do. The current version's file is written by {@link #writeCurrent}: {@link MigrationCheck}
 * calls it when the file is missing and the build runs with {@code -D}{@value #WRITE_PROPERTY}{@code =true};
 * otherwise a missing file fails the check with that instruction. A missing expected file makes
 * {@link MigrationCheck} write a draft, {@code checkpoint-vN.expected.json}{@value #DRAFT_SUFFIX}
 * ({@link #draftPath}), which is never read as the expected file until the author renames it. An existing file,
 * draft or not, is never overwritten: to rewrite one, delete it first.
 *
 * <pre>{@code
 * GoldenFiles golden = GoldenFiles.of("checkpoint", "list-input");
 * Optional<JsonObject> v1 = golden.load(1);
 * Path written = golden.writeCurrent(manager, Map.of("configuration.total", "50"));
 * }</pre>
 */
public final class GoldenFiles {

    /** Set to {@code true} to let {@link MigrationCheck} write a missing golden file of the current version. */
    public static final String WRITE_PROPERTY = "connectorkit.golden.write";

    /** The source folder of the golden files; default {@value #DEFAULT_DIRECTORY}. */
    public static final String DIRECTORY_PROPERTY = "connectorkit.golden.dir";

    /** The default source folder, relative to the working directory. */
    public static final String DEFAULT_DIRECTORY = "src/test/resources/connectorkit/golden";

    /** Where the files are on the class path. */
    public static final String RESOURCE_ROOT = "connectorkit/golden";

    /** What ends a draft's file name, after {@code .expected.json}, so that it is never read as the expected state. */
    public static final String DRAFT_SUFFIX = ".draft";

    private final String family;
    private final String name;
    private final Path directory;
    private final ClassLoader classLoader;

    private GoldenFiles(String family, String name, Path directory, ClassLoader classLoader) {
        this.family = Objects.requireNonNull(family, "family");
        this.name = Objects.requireNonNull(name, "name");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.classLoader = classLoader;
    }

    /** The golden files of {@code family/name} in the default source folder and on the context class path. */
    public static GoldenFiles of(String family, String name) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return new GoldenFiles(family, name, Path.of(System.getProperty(DIRECTORY_PROPERTY, DEFAULT_DIRECTORY)),
                loader != null ? loader : GoldenFiles.class.getClassLoader());
    }

    /** The same component's files in another source folder only (no class path), e.g. a temporary folder. */
    public GoldenFiles in(Path sourceDirectory) {
        return new GoldenFiles(family, name, sourceDirectory, null);
    }

    /** Whether {@code -D}{@value #WRITE_PROPERTY}{@code =true} is set. */
    public static boolean writeRequested() {
        return Boolean.getBoolean(WRITE_PROPERTY);
    }

    /** The source file of {@code version}'s golden checkpoint. */
    public Path path(int version) {
        return directory.resolve(family).resolve(name).resolve(fileName(version, ""));
    }

    /** The source file of what {@code version}'s golden checkpoint must migrate to. */
    public Path expectedPath(int version) {
        return directory.resolve(family).resolve(name).resolve(fileName(version, ".expected"));
    }

    /**
     * The source file where {@link MigrationCheck} writes a draft of {@code version}'s expected state when
     * {@link #expectedPath} is missing: {@code checkpoint-v<N>.expected.json.draft}, next to it. A draft is never
     * read as the expected state: review it, then rename it to {@code checkpoint-v<N>.expected.json}.
     */
    public Path draftPath(int version) {
        return directory.resolve(family).resolve(name).resolve(fileName(version, ".expected") + DRAFT_SUFFIX);
    }

    /**
     * Writes {@code expected}, a checkpoint in the current wire format, to {@link #draftPath(int)}, unless a file is
     * already there: a draft is never overwritten (delete it to get a new one).
     *
     * @return {@code true} when written, {@code false} when a draft was already there (see {@link #loadDraft})
     */
    public boolean writeExpectedDraft(int version, JsonObject expected) {
        Path file = draftPath(version);
        try {
            Files.createDirectories(file.getParent());
            // CREATE_NEW: never overwrite, not even a draft written by a concurrent run.
            Files.writeString(file, pretty(expected), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The draft at {@link #draftPath(int)}, if there is one (only in the source folder, never on the class path). */
    public Optional<JsonObject> loadDraft(int version) {
        Path file = draftPath(version);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return Optional.of(parse(reader, file.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The golden checkpoint of {@code version}, if there is one. */
    public Optional<JsonObject> load(int version) {
        return read(fileName(version, ""));
    }

    /** What the golden checkpoint of {@code version} must migrate to, if that file exists. */
    public Optional<JsonObject> loadExpected(int version) {
        return read(fileName(version, ".expected"));
    }

    /**
     * Writes the current version's golden file from a run over {@code configuration}: the first checkpoint it
     * delivers (the final one if it delivers none before its end). Never overwrites.
     *
     * @param manager a manager with checkpointing on
     * @return the file written
     * @throws IllegalStateException when the file already exists
     */
    public Path writeCurrent(ComponentManager manager, Map<String, String> configuration) {
        CheckpointState checkpoint = firstCheckpoint(new ComponentUnderTest(manager, family, name, configuration));
        Path file = path(checkpoint.version());
        if (Files.exists(file)) {
            throw new IllegalStateException(file + " exists; golden files are never overwritten: delete it first if "
                    + "you really mean to change the checkpoint format of version " + checkpoint.version());
        }
        try {
            Files.createDirectories(file.getParent());
            // CREATE_NEW: two test runs racing never overwrite a golden file.
            Files.writeString(file, pretty(checkpoint.toJson()), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }

    /** Where a file was looked for, for messages. */
    String where(int version) {
        boolean classPath = classLoader != null && !Files.isDirectory(path(version).getParent());
        return path(version) + (classPath ? " (or " + resource(fileName(version, "")) + " on the class path)" : "");
    }

    private static CheckpointState firstCheckpoint(ComponentUnderTest component) {
        CheckpointState[] first = new CheckpointState[1];
        Input input = component.fromStart();
        input.start(state -> {
            if (first[0] == null) {
                first[0] = state;
            }
        });
        try {
            while (first[0] == null && input.next() != null) {
                // until the first checkpoint is delivered
            }
        } finally {
            input.stop();
        }
        if (first[0] == null) {
            throw new IllegalStateException(component.id() + " delivered no checkpoint; does the emitter have a "
                    + "@CheckpointData method?");
        }
        return first[0];
    }

    private Optional<JsonObject> read(String fileName) {
        Path file = directory.resolve(family).resolve(name).resolve(fileName);
        if (Files.isRegularFile(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                return Optional.of(parse(reader, file.toString()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        if (classLoader == null || Files.isDirectory(file.getParent())) {
            // The component's source folder is here: a file missing from it is missing, even if an older build left
            // a copy on the class path (target/test-classes keeps files deleted from the sources until mvn clean).
            return Optional.empty();
        }
        URL url = classLoader.getResource(resource(fileName));
        if (url == null) {
            return Optional.empty();
        }
        try (InputStream in = url.openStream();
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return Optional.of(parse(reader, url.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + url, e);
        }
    }

    private String resource(String fileName) {
        return RESOURCE_ROOT + '/' + family + '/' + name + '/' + fileName;
    }

    private static JsonObject parse(Reader reader, String source) {
        try (JsonReader json = Json.createReader(reader)) {
            return json.readObject();
        } catch (JsonException e) {
            throw new IllegalArgumentException(source + " is not a JSON object: " + e.getMessage(), e);
        }
    }

    private static String fileName(int version, String suffix) {
        return "checkpoint-v" + version + suffix + ".json";
    }

    private static String pretty(JsonObject json) {
        StringWriter text = new StringWriter();
        try (JsonWriter writer = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true))
                .createWriter(text)) {
            writer.writeObject(json);
        }
        return text.toString().strip() + "\n";
    }
}
