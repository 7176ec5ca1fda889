package io.connectorkit.samples.folder;

import io.connectorkit.api.configuration.Option;
import io.connectorkit.api.input.Assessor;
import io.connectorkit.api.input.Emitter;
import io.connectorkit.api.input.PartitionMapper;
import io.connectorkit.api.input.PartitionSize;
import io.connectorkit.api.input.Split;
import io.connectorkit.api.input.SplitId;
import jakarta.json.JsonBuilderFactory;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads the lines of the files of a folder, each file a split: {@code file/folder-input}. A file is the unit of
 * splitting, whatever the desired size; each split's id is its file's name. A file is moved to the done folder once
 * a durable checkpoint covers all of it.
 */
@PartitionMapper(family = "file", name = "folder-input")
public class FolderInput {

    private final JsonBuilderFactory json;
    private final FolderInputConfig configuration;

    public FolderInput(JsonBuilderFactory json, @Option("configuration") FolderInputConfig configuration) {
        this.json = json;
        this.configuration = configuration;
    }

    /** Read back by the runtime: a split's configuration is its descriptor. */
    public FolderInputConfig getConfiguration() {
        return configuration;
    }

    /** The bytes to read. */
    @Assessor
    public long estimateSize() {
        return new FolderFiles(configuration).totalSize();
    }

    /** One split per file, in name order. */
    @Split
    public List<FolderInput> split(@PartitionSize long desiredSize) {
        List<FolderInput> splits = new ArrayList<>();
        for (String name : new FolderFiles(configuration).names()) {
            splits.add(new FolderInput(json, configuration.forFile(name)));
        }
        return splits;
    }

    /** The file's name, when it is a valid split id; otherwise made one, with a hash of the name to keep it unique. */
    @SplitId
    public String splitId() {
        String name = configuration.getFile();
        String id = name.replaceAll("[^A-Za-z0-9._-]", "_");
        if (id.equals(name) && id.length() <= 128) {
            return id;
        }
        return id.substring(0, Math.min(id.length(), 110)) + "-" + sha256(name).substring(0, 16);
    }

    /** The worker reading this mapper's files. */
    @Emitter
    public FolderReader read() {
        return new FolderReader(json, configuration);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
