package io.connectorkit.samples.file;

import io.connectorkit.api.component.Version;
import io.connectorkit.api.configuration.Option;
import io.connectorkit.api.input.checkpoint.Checkpoint;

/**
 * Where {@link CsvReader} is in its file, and which file that was.
 *
 * <p>{@code offset} and {@code row} say where to go on; {@code fileSize} and the fingerprint of the file's first
 * 4096 bytes ({@code crc32}), recorded when reading started, say which file the offset belongs to: a resume on a
 * file of another size or with other first bytes fails instead of seeking into the middle of a row. A checkpoint
 * without a fingerprint means "start from the beginning".
 *
 * <p>Version 1 fingerprinted the same bytes with SHA-256, as {@code fingerprint}; {@link CsvInputMigration} moves
 * that value to {@code sha256}, which a resume checks when there is no {@code crc32} (and then adds the
 * {@code crc32}). Version 2 records the CRC-32 only: SHA-256 took most of a resume's time before the JIT compiled
 * it, and a CRC-32 tells a replaced or edited file just as well for this purpose.
 *
 * <p>{@code file} names the file when the configuration can name several (a glob, or {@code paths}): the files
 * sorted before it were read whole, and the other fields are about it. A configuration of one plain {@code path}, as
 * every configuration was before there were several, and a split, which reads one file, never set it: their
 * checkpoints are written exactly as before. It is still version 2: no checkpoint of version 2 needs a migration
 * (without {@code file}, it is about the only file), and a checkpoint with {@code file} comes from a configuration
 * that code without it cannot read either. In a split that reads a byte range, {@code offset} is still the file's,
 * and {@code row} counts the rows from the range's first.
 */
@Checkpoint
@Version(value = 2, migrationHandler = CsvInputMigration.class)
public class CsvInputCheckpoint {

    /** The file being read, as listed, when the configuration can name several files; absent otherwise. */
    @Option
    private String file;

    /** The byte offset of the next row (after the header, the line ends and any byte order mark). */
    @Option
    private long offset;

    /** The 1-based number of the next data row; only for messages, the offset is what a resume uses. */
    @Option
    private long row = 1;

    /** The size of the file in bytes when reading started. */
    @Option
    private long fileSize;

    /** CRC-32 (8 hex digits) of the file's first 4096 bytes, or of all of it when smaller, when reading started. */
    @Option
    private String crc32;

    /** SHA-256 (hex) of the same bytes: only in a checkpoint of version 1, where it was {@code fingerprint}. */
    @Option
    private String sha256;

    /** Moves to the start of another file: nothing of it read, nothing recorded about it yet. */
    void startFile(String name) {
        file = name;
        offset = 0;
        row = 1;
        fileSize = 0;
        crc32 = null;
        sha256 = null;
    }

    public String getFile() {
        return file;
    }

    public void setFile(String file) {
        this.file = file;
    }

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

    public String getCrc32() {
        return crc32;
    }

    public void setCrc32(String crc32) {
        this.crc32 = crc32;
    }

    public String getSha256() {
        return sha256;
    }

    public void setSha256(String sha256) {
        this.sha256 = sha256;
    }
}
