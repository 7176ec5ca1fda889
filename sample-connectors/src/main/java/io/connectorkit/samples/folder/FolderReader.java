package io.connectorkit.samples.folder;

import io.connectorkit.api.input.Producer;
import io.connectorkit.api.input.checkpoint.CheckpointCommitted;
import io.connectorkit.api.input.checkpoint.CheckpointData;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.util.List;

/**
 * The worker of {@link FolderInput}: reads the lines of its files in name order (one file for a split, the folder's
 * files for the whole configuration), each line a record {@code {"file": "a.log", "line": 3, "text": "..."}}. Its
 * checkpoint is the configuration's {@link FolderPosition}, kept up to date after every line. Once the host made a
 * checkpoint durable, every file it says was read whole is moved to the done folder: never earlier, so a crash
 * before the save finds the file where it was.
 */
public class FolderReader {

    private final JsonBuilderFactory json;
    private final FolderInputConfig configuration;
    private final FolderFiles files;
    private List<String> names;
    private int current;
    private LineReader reader;

    FolderReader(JsonBuilderFactory json, FolderInputConfig configuration) {
        this.json = json;
        this.configuration = configuration;
        this.files = new FolderFiles(configuration);
    }

    /** Lists the files and finds the checkpoint's file among them: files sorted before it were read whole. */
    @PostConstruct
    public void open() {
        names = files.names();
        String resumed = configuration.getPosition().getFile();
        current = 0;
        while (!resumed.isEmpty() && current < names.size() && names.get(current).compareTo(resumed) < 0) {
            current++;
        }
    }

    @Producer
    public JsonObject next() throws IOException {
        FolderPosition position = configuration.getPosition();
        while (current < names.size()) {
            String name = names.get(current);
            if (!name.equals(position.getFile())) {
                // A new file, from its start.
                position.setFile(name);
                position.setLine(0);
                position.setOffset(0);
                position.setFinished(false);
            }
            if (!position.isFinished()) {
                if (reader == null) {
                    reader = new LineReader(files.path(name), position.getOffset());
                }
                String text = reader.next();
                if (text != null) {
                    position.setLine(position.getLine() + 1);
                    position.setOffset(reader.offset());
                    return json.createObjectBuilder()
                            .add("file", name).add("line", position.getLine()).add("text", text).build();
                }
                reader.close();
                reader = null;
                position.setFinished(true);
            }
            if (current + 1 == names.size()) {
                return null; // the last file stays the checkpoint's, finished
            }
            current++;
        }
        return null;
    }

    /** The position after the last line returned. */
    @CheckpointData
    public FolderPosition checkpoint() {
        return configuration.getPosition();
    }

    /**
     * Moves to the done folder each file {@code durable} says was read whole: those sorted before its file, and its
     * file when finished. Called only once the host saved {@code durable}.
     */
    @CheckpointCommitted
    public void committed(FolderPosition durable) throws IOException {
        for (String name : files.names()) {
            int order = name.compareTo(durable.getFile());
            if (order < 0 || order == 0 && durable.isFinished()) {
                files.moveToDone(name);
            }
        }
    }

    @PreDestroy
    public void close() throws IOException {
        if (reader != null) {
            reader.close();
            reader = null;
        }
    }
}
