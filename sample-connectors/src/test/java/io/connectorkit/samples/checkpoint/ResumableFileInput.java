package io.connectorkit.samples.checkpoint;

import io.connectorkit.api.component.MigrationHandler;
import io.connectorkit.api.component.Version;
import io.connectorkit.api.configuration.Option;
import io.connectorkit.api.input.Emitter;
import io.connectorkit.api.input.Producer;
import io.connectorkit.api.input.checkpoint.Checkpoint;
import io.connectorkit.api.input.checkpoint.CheckpointAvailable;
import io.connectorkit.api.input.checkpoint.CheckpointData;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A connector written the way Talend Component Kit's own checkpoint test components are: checked exceptions on every
 * method, private fields with getters and setters, a nested dataset, {@code @Version} with a migration handler on
 * the configuration, the dataset and the checkpoint. It lives in the package of the main {@code list-input}, so its
 * test compilation's index sits in the same package as the main one.
 *
 * <p>Reads {@code id,name} lines of {@code resourcePath} (after a header) as records; {@code failIn} names a method
 * that throws its checked exception instead, for the tests.
 */
@Emitter(family = "outside", name = "resumable")
public class ResumableFileInput {

    private final JsonBuilderFactory factory;
    private final Configuration configuration;
    private Iterator<String[]> rows;

    public ResumableFileInput(JsonBuilderFactory factory, @Option("configuration") Configuration configuration)
            throws IOException {
        this.factory = factory;
        this.configuration = configuration;
        if ("constructor".equals(configuration.getFailIn())) {
            throw new IOException("cannot reach " + configuration.getDataset().getSystemUrl());
        }
    }

    @PostConstruct
    public void init() throws IOException {
        if ("init".equals(configuration.getFailIn())) {
            throw new IOException("cannot open " + configuration.getResourcePath());
        }
        List<String[]> kept = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(Path.of(configuration.getResourcePath()))) {
            reader.readLine(); // header
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] values = line.split(",");
                if (Integer.parseInt(values[0]) > configuration.getCheckpoint().getLastId()) {
                    kept.add(values);
                }
            }
        }
        rows = kept.iterator();
    }

    @Producer
    public JsonObject next() throws InterruptedException {
        if ("next".equals(configuration.getFailIn())) {
            throw new InterruptedException("interrupted while waiting for " + configuration.getDataset().getSystemUrl());
        }
        if (!rows.hasNext()) {
            configuration.getCheckpoint().setStatus("finished");
            return null;
        }
        String[] row = rows.next();
        configuration.getCheckpoint().setStatus("running");
        configuration.getCheckpoint().setLastId(Integer.parseInt(row[0]));
        return factory.createObjectBuilder().add("id", Integer.parseInt(row[0])).add("name", row[1]).build();
    }

    @CheckpointAvailable
    public boolean available() throws Exception {
        if ("available".equals(configuration.getFailIn())) {
            throw new Exception("cannot tell whether a checkpoint is safe");
        }
        return true;
    }

    @CheckpointData
    public Position checkpoint() throws IOException {
        if ("checkpoint".equals(configuration.getFailIn())) {
            throw new IOException("cannot snapshot the position");
        }
        return configuration.getCheckpoint();
    }

    @PreDestroy
    public void release() throws Exception {
        if ("release".equals(configuration.getFailIn())) {
            throw new Exception("cannot release the file");
        }
    }

    /** Version 1 called {@code resourcePath} {@code path}. */
    @Version(value = 2, migrationHandler = ConfigurationMigration.class)
    public static class Configuration {
        @Option private Dataset dataset = new Dataset();
        @Option private String resourcePath;
        @Option private String failIn;
        @Option private Position checkpoint = new Position();

        public Dataset getDataset() {
            return dataset;
        }

        public void setDataset(Dataset dataset) {
            this.dataset = dataset;
        }

        public String getResourcePath() {
            return resourcePath;
        }

        public void setResourcePath(String resourcePath) {
            this.resourcePath = resourcePath;
        }

        public String getFailIn() {
            return failIn;
        }

        public void setFailIn(String failIn) {
            this.failIn = failIn;
        }

        public Position getCheckpoint() {
            return checkpoint;
        }

        public void setCheckpoint(Position checkpoint) {
            this.checkpoint = checkpoint;
        }
    }

    /** Version 1 called {@code systemUrl} {@code url}. */
    @Version(value = 2, migrationHandler = DatasetMigration.class)
    public static class Dataset {
        @Option private String systemUrl;

        public String getSystemUrl() {
            return systemUrl;
        }

        public void setSystemUrl(String systemUrl) {
            this.systemUrl = systemUrl;
        }
    }

    /** Version 1 called {@code lastId} {@code sinceId}. */
    @Checkpoint
    @Version(value = 2, migrationHandler = PositionMigration.class)
    public static class Position {
        @Option private int lastId;
        @Option private String status;

        public int getLastId() {
            return lastId;
        }

        public void setLastId(int lastId) {
            this.lastId = lastId;
        }

        public String getStatus() {
            return status;
        }

        public void setStatus(String status) {
            this.status = status;
        }
    }

    public static class ConfigurationMigration implements MigrationHandler {
        @Override
        public Map<String, String> migrate(int incomingVersion, Map<String, String> incomingData) {
            return rename(incomingData, "path", "resourcePath");
        }
    }

    public static class DatasetMigration implements MigrationHandler {
        @Override
        public Map<String, String> migrate(int incomingVersion, Map<String, String> incomingData) {
            return rename(incomingData, "url", "systemUrl");
        }
    }

    public static class PositionMigration implements MigrationHandler {
        @Override
        public Map<String, String> migrate(int incomingVersion, Map<String, String> incomingData) {
            return rename(incomingData, "sinceId", "lastId");
        }
    }

    static Map<String, String> rename(Map<String, String> data, String from, String to) {
        Map<String, String> migrated = new HashMap<>(data);
        if (migrated.containsKey(from)) {
            migrated.put(to, migrated.remove(from));
        }
        return migrated;
    }
}
