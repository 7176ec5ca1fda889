package io.connectorkit.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.connectorkit.runtime.CheckpointState;
import io.connectorkit.runtime.ComponentManager;
import io.connectorkit.runtime.Split;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * csv-input (a partition mapper) over three files cut into byte ranges: nine splits on two readers, a safe point
 * every 500 rows (more than one read call reads), on the MiniCluster.
 */
class CsvInputOnFlinkTest extends MigratingContract {

    private static final int FILES = 3;
    private static final int ROWS = 4000;

    private Map<String, String> configuration;

    @BeforeEach
    void writeFiles() throws IOException {
        Path folder = Files.createDirectories(temp.resolve("csv"));
        for (int f = 0; f < FILES; f++) {
            StringBuilder text = new StringBuilder("n,file,text\n");
            for (int i = 1; i <= ROWS; i++) {
                text.append(i).append(',').append(f).append(",row ").append(i).append(" of file ").append(f)
                        .append('\n');
            }
            Files.writeString(folder.resolve("part-" + f + ".csv"), text, StandardCharsets.UTF_8);
        }
        configuration = Map.of("configuration.path", folder.resolve("part-*.csv").toString(),
                "configuration.rowsWithoutLineBreaks", "true",
                "configuration.batchSize", "500");
    }

    @Override
    String family() {
        return "file";
    }

    @Override
    String name() {
        return "csv-input";
    }

    @Override
    Map<String, String> configuration() {
        return configuration;
    }

    /** About a third of a file per split. */
    @Override
    ConnectorKitSourceBuilder builder() {
        return ConnectorKitSource.builder("file", "csv-input").configuration(configuration).desiredSplitSize(40_000);
    }

    @Override
    long failAfter() {
        return 2500;
    }

    @Test
    void theFilesAreReadInNineSplits() {
        try (ComponentManager manager = ComponentManager.builder().build()) {
            List<Split> splits = manager.findMapper(family(), name(), 1, configuration).orElseThrow().split(40_000);
            assertEquals(9, splits.size(), splits.toString());
        }
    }

    /** Version 1 fingerprinted the file's first 4096 bytes with SHA-256, as {@code fingerprint}, and had no CRC. */
    @Override
    DowngradingSource.Downgrade downgrade() {
        return split -> {
            JsonObject state = split.checkpoint().state();
            JsonObjectBuilder old = Json.createObjectBuilder(state).remove("crc32");
            if (state.containsKey("crc32")) {
                old.add("fingerprint", sha256OfFirstBytes(Path.of(split.split().configuration()
                        .get("configuration.path"))));
            }
            return new CheckpointState(1, old.build());
        };
    }

    private static String sha256OfFirstBytes(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readNBytes(4096)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
