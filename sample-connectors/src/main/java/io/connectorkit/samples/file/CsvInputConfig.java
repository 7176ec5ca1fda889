package io.connectorkit.samples.file;

import io.connectorkit.api.configuration.Option;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The configuration of {@link CsvInput}: {@code configuration.*} keys.
 *
 * <p>The files read are {@code path} and those of {@code paths}, each a file or a glob, sorted by path, each read
 * once. {@code rangeStart} and {@code rangeEnd} are set by {@link CsvInput#split} on a split that reads a byte range
 * of one file; a configuration written by hand leaves them out.
 */
public class CsvInputConfig {

    /** No {@code rangeEnd}: the whole file. */
    static final long WHOLE_FILE = -1;

    /**
     * The CSV file; or, when no file has this name and it holds {@code *} or {@code ?} in its last part, a glob on the
     * names of the files of its folder ({@code data/orders-*.csv}).
     */
    @Option(required = true)
    private String path;

    /** More CSV files, or globs, read with {@code path}. */
    @Option
    private List<String> paths = new ArrayList<>();

    /**
     * Whether the author of the configuration guarantees that no quoted field holds a line break: then a file larger
     * than a split's desired size is split into byte ranges, and a quoted line break is an error. Without it a file
     * is never cut.
     */
    @Option
    private boolean rowsWithoutLineBreaks;

    /** Set by {@link CsvInput#split}: the first byte of the range a split reads the rows starting in. */
    @Option
    private long rangeStart;

    /** Set by {@link CsvInput#split}: the byte after the range a split reads, or -1 for the whole file. */
    @Option
    private long rangeEnd = WHOLE_FILE;

    /** The field separator. */
    @Option
    private char delimiter = ',';

    /** The character that encloses fields holding delimiters, quotes or line ends; doubled inside them. */
    @Option
    private char quote = '"';

    /** The file's encoding; only ASCII-compatible ones, see {@link #setCharset(String)}. */
    @Option
    private String charset = "UTF-8";

    /** Whether the first row names the fields; without it they are {@code col1..colN}. */
    @Option
    private boolean header = true;

    /** A checkpoint is offered every {@code batchSize} rows. */
    @Option
    private int batchSize = 1000;

    @Option
    private CsvInputCheckpoint checkpoint = new CsvInputCheckpoint();

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }

    public List<String> getPaths() {
        return paths;
    }

    public void setPaths(List<String> paths) {
        this.paths = paths == null ? new ArrayList<>() : paths;
    }

    public boolean isRowsWithoutLineBreaks() {
        return rowsWithoutLineBreaks;
    }

    public void setRowsWithoutLineBreaks(boolean rowsWithoutLineBreaks) {
        this.rowsWithoutLineBreaks = rowsWithoutLineBreaks;
    }

    public long getRangeStart() {
        return rangeStart;
    }

    public void setRangeStart(long rangeStart) {
        if (rangeStart < 0) {
            throw new IllegalArgumentException("rangeStart must be 0 or more, got " + rangeStart);
        }
        this.rangeStart = rangeStart;
    }

    public long getRangeEnd() {
        return rangeEnd;
    }

    public void setRangeEnd(long rangeEnd) {
        if (rangeEnd < WHOLE_FILE) {
            throw new IllegalArgumentException("rangeEnd must be -1 (the whole file) or a byte offset, got "
                    + rangeEnd);
        }
        this.rangeEnd = rangeEnd;
    }

    /** The byte range this configuration reads, or {@code null} for whole files. */
    CsvRange range() {
        if (rangeEnd != WHOLE_FILE && rangeStart > rangeEnd) {
            throw new IllegalArgumentException("configuration.rangeStart (" + rangeStart + ") is after "
                    + "configuration.rangeEnd (" + rangeEnd + "); a byte range is rangeStart <= rangeEnd");
        }
        return rangeEnd == WHOLE_FILE ? null : new CsvRange(rangeStart, rangeEnd);
    }

    /**
     * A copy reading only {@code file} (its rows starting in {@code range}, or all of it when {@code range} is null),
     * from its start: the configuration of a split.
     */
    CsvInputConfig forFile(String file, CsvRange range) {
        CsvInputConfig copy = new CsvInputConfig();
        copy.path = file;
        copy.delimiter = delimiter;
        copy.quote = quote;
        copy.charset = charset;
        copy.header = header;
        copy.batchSize = batchSize;
        copy.rowsWithoutLineBreaks = rowsWithoutLineBreaks;
        if (range != null) {
            copy.rangeStart = range.start();
            copy.rangeEnd = range.end();
        }
        return copy;
    }

    public char getDelimiter() {
        return delimiter;
    }

    public void setDelimiter(char delimiter) {
        this.delimiter = delimiter;
    }

    public char getQuote() {
        return quote;
    }

    public void setQuote(char quote) {
        this.quote = quote;
    }

    public String getCharset() {
        return charset;
    }

    /**
     * Accepts UTF-8 and the single-byte charsets that encode ASCII as ASCII (ISO-8859-*, windows-125*, US-ASCII...).
     * The reader looks for delimiters, quotes and line ends byte by byte and checkpoints byte offsets, which is only
     * right when those characters are single bytes that never occur inside another character: not so in UTF-16,
     * UTF-32, EBCDIC or Shift_JIS.
     */
    public void setCharset(String charset) {
        Charset resolved;
        try {
            resolved = Charset.forName(charset);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new IllegalArgumentException("unknown charset '" + charset + "'");
        }
        if (!isAsciiCompatible(resolved)) {
            throw new IllegalArgumentException("charset '" + charset + "' is not ASCII-compatible; csv-input keeps "
                    + "byte offsets and needs delimiters, quotes and line ends to be single ASCII bytes: use UTF-8, "
                    + "ISO-8859-1, windows-1252, US-ASCII or another single-byte ASCII-compatible charset");
        }
        this.charset = charset;
    }

    /** The charset, resolved. */
    Charset resolvedCharset() {
        return Charset.forName(charset);
    }

    public boolean isHeader() {
        return header;
    }

    public void setHeader(boolean header) {
        this.header = header;
    }

    public int getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be 1 or more, got " + batchSize);
        }
        this.batchSize = batchSize;
    }

    public CsvInputCheckpoint getCheckpoint() {
        return checkpoint;
    }

    public void setCheckpoint(CsvInputCheckpoint checkpoint) {
        this.checkpoint = checkpoint;
    }

    static boolean isAsciiCompatible(Charset charset) {
        if (charset.equals(StandardCharsets.UTF_8)) {
            return true; // every byte of a multi-byte UTF-8 character is 0x80 or above
        }
        if (!charset.canEncode()) {
            return false;
        }
        CharsetEncoder encoder = charset.newEncoder();
        if (encoder.maxBytesPerChar() != 1.0f) {
            return false;
        }
        byte[] ascii = new byte[128];
        for (int i = 0; i < ascii.length; i++) {
            ascii[i] = (byte) i;
        }
        String text = new String(ascii, StandardCharsets.US_ASCII);
        return Arrays.equals(ascii, text.getBytes(charset)) && text.equals(new String(ascii, charset));
    }
}
