package io.connectorkit.samples.file;

import io.connectorkit.api.configuration.Option;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Arrays;

/** The configuration of {@link CsvInput}: {@code configuration.*} keys. */
public class CsvInputConfig {

    /** The CSV file. */
    @Option(required = true)
    private String path;

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
