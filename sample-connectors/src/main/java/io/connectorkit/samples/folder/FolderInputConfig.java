package io.connectorkit.samples.folder;

import io.connectorkit.api.configuration.Option;

/** The configuration of {@link FolderInput}: {@code configuration.*} keys. */
public class FolderInputConfig {

    /** The folder whose files are read, in name order. */
    @Option(required = true)
    private String folder;

    /** Which files of the folder are read: a glob on their names ({@code *.log}). */
    @Option
    private String glob = "*";

    /** The one file a split reads; empty for the whole folder. Set by {@link FolderInput#split}. */
    @Option
    private String file = "";

    /** Where a file goes, inside the folder, once a durable checkpoint says it was read to its end. */
    @Option
    private String doneFolder = "done";

    @Option
    private FolderPosition position = new FolderPosition();

    /** A copy reading only {@code name}, from its start. */
    FolderInputConfig forFile(String name) {
        FolderInputConfig copy = new FolderInputConfig();
        copy.folder = folder;
        copy.glob = glob;
        copy.doneFolder = doneFolder;
        copy.file = name;
        return copy;
    }

    public String getFolder() {
        return folder;
    }

    public void setFolder(String folder) {
        this.folder = folder;
    }

    public String getGlob() {
        return glob;
    }

    public void setGlob(String glob) {
        this.glob = glob;
    }

    public String getFile() {
        return file;
    }

    public void setFile(String file) {
        this.file = file;
    }

    public String getDoneFolder() {
        return doneFolder;
    }

    public void setDoneFolder(String doneFolder) {
        this.doneFolder = doneFolder;
    }

    public FolderPosition getPosition() {
        return position;
    }

    public void setPosition(FolderPosition position) {
        this.position = position;
    }
}
