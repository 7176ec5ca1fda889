package io.connectorkit.samples.file;

import io.connectorkit.api.input.Producer;
import io.connectorkit.api.input.checkpoint.CheckpointAvailable;
import io.connectorkit.api.input.checkpoint.CheckpointData;
import io.connectorkit.samples.file.CsvInputFiles.CsvFile;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.json.JsonObject;
import java.util.List;

/**
 * The worker of {@link CsvInput}: reads the files of its configuration one after another, in path order (one file, or
 * one byte range of one file, for a split), each data row a record. Its checkpoint is the configuration's
 * {@link CsvInputCheckpoint}, kept up to date after every row and ready every {@code batchSize} rows of a file and
 * when a file ends; when the configuration can name several files, the checkpoint says which one it is about.
 */
public class CsvReader {

    private final CsvInputConfig configuration;
    private List<CsvFile> files;
    private boolean namesFile;
    private int current;
    private CsvFileReader reader; // null once every file was read
    private boolean batchEnded;

    CsvReader(CsvInputConfig configuration) {
        this.configuration = configuration;
    }

    /**
     * Lists the files, finds the checkpoint's among them (those sorted before it were read whole), opens it, checks
     * that the checkpoint belongs to it and seeks to the next row.
     */
    @PostConstruct
    public void open() {
        files = CsvInputFiles.list(configuration);
        namesFile = !CsvInputFiles.isOneFile(configuration);
        CsvRange range = configuration.range();
        if (range != null && namesFile) {
            throw new IllegalArgumentException("configuration.rangeStart and configuration.rangeEnd give the byte "
                    + "range " + range + " of one file, but configuration.path and configuration.paths name "
                    + files.size() + " file(s) or a glob: " + names() + "; a byte range is read from one file only");
        }
        current = resumedFile();
        if (current < files.size()) {
            reader = open(current);
        }
    }

    /** The next data row, or {@code null} after the last row of the last file. */
    @Producer
    public JsonObject next() {
        CsvInputCheckpoint checkpoint = configuration.getCheckpoint();
        while (reader != null) {
            JsonObject record = reader.next();
            if (record != null) {
                if ((checkpoint.getRow() - 1) % configuration.getBatchSize() == 0) {
                    batchEnded = true;
                }
                return record;
            }
            reader.close();
            reader = null;
            if (current + 1 < files.size()) {
                current++;
                checkpoint.startFile(files.get(current).path().toString());
                batchEnded = true; // every row of the files before is read: a safe point, whatever the batch
                reader = open(current);
            }
        }
        return null;
    }

    /** The state covering every row emitted so far; the runtime snapshots it at once. */
    @CheckpointData
    public CsvInputCheckpoint getCheckpoint() {
        batchEnded = false;
        return configuration.getCheckpoint();
    }

    /** True at the end of each batch of {@code batchSize} rows, and when a file was read to its end. */
    @CheckpointAvailable
    public boolean isCheckpointReady() {
        return batchEnded;
    }

    /** Closes the file being read. */
    @PreDestroy
    public void close() {
        if (reader != null) {
            reader.close();
            reader = null;
        }
    }

    private CsvFileReader open(int index) {
        CsvInputCheckpoint checkpoint = configuration.getCheckpoint();
        if (namesFile) {
            checkpoint.setFile(files.get(index).path().toString());
        }
        CsvFileReader opened = new CsvFileReader(configuration, checkpoint, files.get(index),
                configuration.range());
        opened.open();
        return opened;
    }

    /** The index of the checkpoint's file: the first without one, an error when it is no longer listed. */
    private int resumedFile() {
        String file = configuration.getCheckpoint().getFile();
        if (file == null) {
            return 0;
        }
        for (int i = 0; i < files.size(); i++) {
            if (files.get(i).path().toString().equals(file)) {
                return i;
            }
        }
        throw new IllegalStateException("the checkpoint is about CSV file " + file + ", which configuration.path and "
                + "configuration.paths no longer name (they name " + names() + "); restore it, or drop the "
                + "checkpoint to read the files from the start");
    }

    private List<String> names() {
        return files.stream().map(file -> file.path().toString()).toList();
    }
}
