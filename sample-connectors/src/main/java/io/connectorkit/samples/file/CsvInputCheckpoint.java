package io.connectorkit.samples.file;

import io.connectorkit.api.component.Version;
import io.connectorkit.api.configuration.Option;
import io.connectorkit.api.input.checkpoint.Checkpoint;

/**
 * Where {@link CsvInput} is in its file, and which file that was.
 *
 * <p>{@code offset} and {@code row} say where to go on; {@code fileSize} and {@code fingerprint}, recorded when
 * reading started, say which file the offset belongs to: a resume on a file of another size or with other first bytes
 * fails instead of seeking into the middle of a row. A checkpoint without a fingerprint means "start from the
 * beginning".
 */
@Checkpoint
@Version(1)
public class CsvInputCheckpoint {

    /** The byte offset of the next row (after the header, the line ends and any byte order mark). */
    @Option
    private long offset;

    /** The 1-based number of the next data row; only for messages, the offset is what a resume uses. */
    @Option
    private long row = 1;

    /** The size of the file in bytes when reading started. */
    @Option
    private long fileSize;

    /** SHA-256 (hex) of the file's first 4096 bytes, or of all of it when smaller, when reading started. */
    @Option
    private String fingerprint;

    public long getOffset() {
        return offset;
    }

    public void setOffset(long offset) {
        this.offset = offset;
    }

    public long getRow() {
        return row;
    }

    public void setRow(long row) {
        this.row = row;
    }

    public long getFileSize() {
        return fileSize;
    }

    public void setFileSize(long fileSize) {
        this.fileSize = fileSize;
    }

    public String getFingerprint() {
        return fingerprint;
    }

    public void setFingerprint(String fingerprint) {
        this.fingerprint = fingerprint;
    }
}
