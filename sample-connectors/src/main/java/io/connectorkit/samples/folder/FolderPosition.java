package io.connectorkit.samples.folder;

import io.connectorkit.api.configuration.Option;
import io.connectorkit.api.input.checkpoint.Checkpoint;

/**
 * Where {@link FolderReader} is: the file it reads, the lines and bytes of it read so far, and whether it was read to
 * its end. Files sorted before {@code file} were read whole. An empty {@code file} means "nothing read yet".
 */
@Checkpoint(interval = 50)
public class FolderPosition {

    /** The name of the file being read, in the folder. */
    @Option
    private String file = "";

    /** The lines of {@code file} read so far: the number of the last line returned. */
    @Option
    private long line;

    /** The byte offset in {@code file} after the last line returned. */
    @Option
    private long offset;

    /** Whether {@code file} was read to its end. */
    @Option
    private boolean finished;

    public String getFile() {
        return file;
    }

    public void setFile(String file) {
        this.file = file;
    }

    public long getLine() {
        return line;
    }

    public void setLine(long line) {
        this.line = line;
    }

    public long getOffset() {
        return offset;
    }

    public void setOffset(long offset) {
        this.offset = offset;
    }

    public boolean isFinished() {
        return finished;
    }

    public void setFinished(boolean finished) {
        this.finished = finished;
    }
}
