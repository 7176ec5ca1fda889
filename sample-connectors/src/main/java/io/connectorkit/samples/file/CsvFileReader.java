package io.connectorkit.samples.file;

import io.connectorkit.samples.file.CsvInputFiles.CsvFile;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Reads one CSV file for {@link CsvReader}, one {@link JsonObject} per data row ({@code header name → string value},
 * or {@code col1..colN} without a header), from the position of a {@link CsvInputCheckpoint} that it keeps up to date,
 * and resumes by seeking to its byte offset: resuming near the end of a large file takes as long as resuming at its
 * start. With a {@link CsvRange}, it reads only the rows starting in that range, and the header (when there is one)
 * only for its names.
 *
 * <p>The checkpoint records the file's size and a fingerprint of its first bytes (their CRC-32; SHA-256 in
 * checkpoints of version 1); a resume on a file that changed since fails with an error saying what the checkpoint
 * recorded and what was found, rather than reading from an offset that no longer starts a row.
 */
final class CsvFileReader {

    private static final int FINGERPRINT_BYTES = 4096;

    private final CsvInputConfig configuration;
    private final CsvInputCheckpoint checkpoint;
    private final CsvFile source;
    private final CsvRange range; // null: the whole file
    private Path file;
    private FileChannel channel;
    private CsvRowReader reader;
    private CsvRecords records;
    private boolean ended;

    /**
     * @param checkpoint where to start (a fresh one, or the one resumed from), updated after each row
     * @param range the rows to read, or {@code null} for all of them
     */
    CsvFileReader(CsvInputConfig configuration, CsvInputCheckpoint checkpoint, CsvFile source, CsvRange range) {
        this.configuration = configuration;
        this.checkpoint = checkpoint;
        this.source = source;
        this.range = range;
    }

    /** Opens the file, checks that a checkpoint belongs to it, reads the header and seeks to the next row. */
    void open() {
        Charset charset = configuration.resolvedCharset();
        byte delimiter = singleByte("configuration.delimiter", configuration.getDelimiter(), charset);
        byte quote = singleByte("configuration.quote", configuration.getQuote(), charset);
        if (delimiter == quote) {
            throw new IllegalArgumentException("configuration.delimiter and configuration.quote are both '"
                    + configuration.getDelimiter() + "'; they must differ");
        }
        file = openFile(source.path());
        try {
            long size = channel.size();
            if (size == 0) {
                refuseDirectory(); // a directory may open and have no size: it would read as an empty file
            }
            boolean resuming = checkpoint.getCrc32() != null || checkpoint.getSha256() != null;
            if (resuming) {
                checkSize(size);
            } else if (checkpoint.getOffset() != 0) {
                throw new IllegalArgumentException("the checkpoint of " + file + " has an offset ("
                        + checkpoint.getOffset() + ") but no fingerprint, so it cannot be checked against the file; "
                        + "give the whole saved checkpoint, or none to read the file from the start");
            } else {
                checkRangeFits(size);
                checkpoint.setFileSize(size);
            }
            // Only the size recorded when reading started is read: a checkpoint never covers appended bytes.
            reader = new CsvRowReader(channel, file, charset, delimiter, quote, checkpoint.getFileSize());
            // The fingerprinted bytes are read into the reader's buffer, where the header is parsed from.
            int headBytes = (int) Math.min(size, FINGERPRINT_BYTES);
            byte[] head;
            try {
                head = reader.head(headBytes);
            } catch (IOException e) {
                refuseDirectory(); // where a directory opens, reading it fails
                throw e;
            }
            String crc32 = crc32(head, headBytes);
            if (resuming) {
                checkFingerprint(head, headBytes, crc32);
            } else {
                checkpoint.setCrc32(crc32);
            }
            // The header is read from the start even on a resume, or in a range: it is one row, whatever the offset.
            reader.skipByteOrderMark();
            records = new CsvRecords(configuration.isHeader() ? headerNames(reader.readRow(0)) : null);
            long dataStart = reader.position();
            if (range != null) {
                reader.countRowsFrom(range.start());
            }
            if (!resuming) {
                long start = range == null ? dataStart
                        : Math.max(dataStart, range.firstRowStart(channel, checkpoint.getFileSize()));
                checkpoint.setOffset(start);
                checkpoint.setRow(1);
                if (start != dataStart) {
                    reader.seek(start);
                }
            } else if (checkpoint.getOffset() < dataStart) {
                throw new IllegalStateException("the checkpoint of " + file + " points to byte "
                        + checkpoint.getOffset() + ", inside the header, which ends at byte " + dataStart
                        + "; it was not written for this file or with header=" + configuration.isHeader());
            } else if (range != null && checkpoint.getOffset() < range.start()) {
                throw new IllegalStateException("the checkpoint of " + file + " points to byte "
                        + checkpoint.getOffset() + ", before the byte range " + range + " this split reads; it was "
                        + "not written for this split");
            } else {
                reader.seek(checkpoint.getOffset());
            }
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("cannot read CSV file " + file + ": " + e, e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The next data row (of the range), or {@code null} at the end of the file (or of the range). */
    JsonObject next() {
        if (ended || range != null && reader.position() >= range.end()) {
            ended = true; // the next row, if any, starts past the range
            return null;
        }
        long row = checkpoint.getRow();
        List<String> values = readRow(row);
        if (values == null || range != null && !range.owns(reader.rowStart())) {
            ended = true; // after blank lines, the next row starts past the range: the next range's
            return null;
        }
        if (configuration.isRowsWithoutLineBreaks()) {
            refuseLineBreaks(values, row);
        }
        List<String> names = records.header();
        if (names != null && values.size() != names.size()) {
            throw new IllegalStateException("malformed CSV in " + file + ", " + rowName(row) + ": it has "
                    + values.size() + " fields, the header has " + names.size() + " " + names);
        }
        JsonObject record = records.record(values);
        // The state now covers this row: the next one starts where the reader stands.
        checkpoint.setOffset(reader.position());
        checkpoint.setRow(row + 1);
        return record;
    }

    private List<String> readRow(long row) {
        try {
            return reader.readRow(row);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read CSV file " + file + " at " + rowName(row) + ": " + e, e);
        } catch (IllegalStateException e) {
            if (range == null || range.start() == 0) {
                throw e;
            }
            throw new IllegalStateException(e.getMessage() + " (configuration.rowsWithoutLineBreaks is true and "
                    + "this split reads the rows starting in bytes " + range + ": a quoted field holding a line break "
                    + "before it would make it start inside a row)", e);
        }
    }

    /**
     * A quoted field holding a line break breaks the promise of {@code rowsWithoutLineBreaks}: the ranges cut on line
     * ends would be wrong. It is refused wherever it is, split or not, so that what is read never depends on how the
     * file was cut. Only a quoted field holds a CR or an LF: outside quotes they end the row.
     */
    private void refuseLineBreaks(List<String> values, long row) {
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
                throw new IllegalStateException("CSV file " + file + " (" + source.option() + "): the row starting "
                        + "at byte " + reader.rowStart() + " (" + rowName(row) + ") holds a line break in quoted field "
                        + (i + 1) + ", but configuration.rowsWithoutLineBreaks is true, which says no row does (it "
                        + "lets a file be split into byte ranges at line ends). Set configuration."
                        + "rowsWithoutLineBreaks to false to read such a file whole, one split per file.");
            }
        }
    }

    private String rowName(long row) {
        return "row " + row + (range == null || range.start() == 0 ? "" : " counted from byte " + range.start());
    }

    /** Closes the file. */
    void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close CSV file " + file + ": " + e, e);
            } finally {
                channel = null;
            }
        }
    }

    /** A split planned on a larger file: the file changed since the plan was made, and the range means nothing. */
    private void checkRangeFits(long size) {
        if (range != null && range.end() > size) {
            throw new IllegalStateException("CSV file " + file + " has " + size + " bytes, fewer than the end of "
                    + "the byte range " + range + " this split reads: it changed since the splits were made; make "
                    + "the splits again");
        }
    }

    private Path openFile(Path resolved) {
        // Whether it is a directory is asked only when something fails (see refuseDirectory): a stat less per resume.
        try {
            channel = FileChannel.open(resolved, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("CSV file " + resolved + " (" + source.option() + ") does not exist");
        } catch (AccessDeniedException e) {
            refuseDirectory(resolved);
            throw new IllegalArgumentException("CSV file " + resolved + " (" + source.option() + ") cannot be read: "
                    + "permission denied");
        } catch (IOException e) {
            refuseDirectory(resolved);
            throw new UncheckedIOException("CSV file " + resolved + " (" + source.option() + ") cannot be opened: "
                    + e, e);
        }
        return resolved;
    }

    /**
     * Throws the error saying that the path is a directory, when it is one. Called where a directory shows: it
     * cannot be opened (Windows), its first read fails (Linux, macOS: it opens), it has no size, or it does not have
     * the size a checkpoint recorded. Elsewhere a path that opened, has bytes and reads them is a file.
     */
    private void refuseDirectory() {
        refuseDirectory(file);
    }

    private void refuseDirectory(Path path) {
        if (Files.isDirectory(path)) {
            throw new IllegalArgumentException("CSV file " + path + " (" + source.option() + ") is a directory");
        }
    }

    /** A file whose size is not the one recorded is another file, or one that changed. */
    private void checkSize(long size) {
        if (size != checkpoint.getFileSize()) {
            refuseDirectory();
        }
        if (size < checkpoint.getOffset()) {
            throw changed("the file now has " + size + " bytes, fewer than that offset");
        }
        if (size != checkpoint.getFileSize()) {
            throw changed("the file now has " + size + " bytes");
        }
    }

    /**
     * Compares the file's first bytes with the checkpoint's fingerprint of them: its CRC-32, or, in a checkpoint of
     * version 1 (which has none), their SHA-256. Once a SHA-256 matched, the CRC-32 of the same bytes joins the
     * checkpoint, so that the later resumes of this job compute no SHA-256.
     */
    private void checkFingerprint(byte[] head, int headBytes, String crc32) {
        if (checkpoint.getCrc32() != null) {
            if (!crc32.equals(checkpoint.getCrc32())) {
                throw changed("its first " + headBytes + " bytes now have CRC-32 " + crc32);
            }
            return;
        }
        String sha256 = sha256(head, headBytes);
        if (!sha256.equals(checkpoint.getSha256())) {
            throw changed("its first " + headBytes + " bytes now have SHA-256 " + sha256);
        }
        checkpoint.setCrc32(crc32);
    }

    private IllegalStateException changed(String found) {
        String fingerprint = checkpoint.getCrc32() != null ? "CRC-32 " + checkpoint.getCrc32()
                : "SHA-256 " + checkpoint.getSha256();
        String recorded = "the checkpoint recorded " + checkpoint.getFileSize() + " bytes with " + fingerprint
                + " of the first ones and the next row (" + checkpoint.getRow() + ") at byte "
                + checkpoint.getOffset();
        return new IllegalStateException("CSV file " + file + " changed since the checkpoint was taken: " + recorded
                + ", " + found + ". Restore the file, or drop the checkpoint to read the file from the start.");
    }

    /**
     * The CRC-32 of the first bytes, 8 hex digits: the fingerprint of version 2. It tells another file or a changed
     * head from the one read before as surely as SHA-256 does for this purpose (a checkpoint is no security
     * boundary: whoever can replace the file can edit the checkpoint), and costs a few microseconds even before the
     * JIT compiles anything ({@link CRC32#update(byte[], int, int)} runs native code), where SHA-256 costs tens.
     */
    private static String crc32(byte[] head, int length) {
        CRC32 crc = new CRC32();
        crc.update(head, 0, length);
        return HexFormat.of().toHexDigits((int) crc.getValue());
    }

    /** SHA-256 (hex) of the first bytes: the fingerprint of version 1, checked in its checkpoints only. */
    private static String sha256(byte[] head, int length) {
        MessageDigest digest = sha256();
        digest.update(head, 0, length);
        return HexFormat.of().formatHex(digest.digest());
    }

    /** A new SHA-256 digest: a copy of one made once, cheaper than looking the algorithm up at every resume. */
    private static MessageDigest sha256() {
        try {
            return (MessageDigest) Sha256.PROTOTYPE.clone();
        } catch (CloneNotSupportedException e) {
            return Sha256.lookUp();
        }
    }

    /** Holds the SHA-256 digest {@link #sha256()} copies, made on first use. */
    private static final class Sha256 {
        static final MessageDigest PROTOTYPE = lookUp();

        static MessageDigest lookUp() {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java runtime has SHA-256", e);
            }
        }
    }

    private List<String> headerNames(List<String> header) {
        if (header == null) {
            return List.of(); // an empty file: no header, and no rows either
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            Integer before = seen.putIfAbsent(header.get(i), i + 1);
            if (before != null) {
                throw new IllegalStateException("CSV file " + file + ": the header names '" + header.get(i)
                        + "' twice, fields " + before + " and " + (i + 1));
            }
        }
        return List.copyOf(header);
    }

    /** The character's one byte in the charset: the reader scans bytes, so a character of two bytes cannot work. */
    private static byte singleByte(String option, char c, Charset charset) {
        if (c < 0x80 && c != '\r' && c != '\n') {
            return (byte) c; // ASCII is itself in every charset CsvInputConfig accepts
        }
        byte[] encoded = String.valueOf(c).getBytes(charset);
        if (encoded.length != 1 || !charset.newEncoder().canEncode(c) || c == '\r' || c == '\n') {
            throw new IllegalArgumentException(option + " '" + c + "' must be one byte in " + charset.name()
                    + " and not a line end");
        }
        return encoded[0];
    }
}
