package io.connectorkit.samples.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads CSV rows (RFC 4180: quoted fields may hold delimiters, line ends and doubled quotes) straight from the bytes
 * of a file, so that {@link #position()} after a row is the exact byte offset of the next one and a resume can
 * {@link #seek(long)} there. Fields are decoded only once they are complete, which is right for the ASCII-compatible
 * charsets {@link CsvInputConfig} accepts: the delimiter, the quote, CR and LF never occur inside another character.
 *
 * <p>Rows end with LF, CRLF or a lone CR, or at the end of the file; blank lines are skipped. A quote inside an
 * unquoted field is kept as is. Not thread-safe.
 *
 * <p>How it is fast: a field is scanned inside the read buffer, an unquoted one up to the delimiter, CR or LF and a
 * quoted one up to the next quote, and decoded straight from the buffer's bytes; only a quoted field holding doubled
 * quotes is copied, without them, into a second buffer. The buffer keeps the field being read when it is refilled,
 * and grows when one field fills it, up to {@value #MAX_FIELD_BYTES} bytes. Line and column, which only error messages
 * use, are counted by {@link RowPosition} when an error needs them. The first read, from the start or after a seek, is
 * 8 KiB (a resume reads the header and one row), the later ones 64 KiB.
 *
 * <p>Why one file of this size: the field loops are the hot path of csv-input, and they read and move the buffer's
 * fields ({@code bytes}, {@code pos}, {@code end}) directly and refill it in the middle of a field. Putting the buffer
 * in a class of its own would put an object's fields, or a call, in the way of every byte, and the errors need the
 * buffer as it is when they happen (the bytes it dropped, the one past it). What is not on that path is apart already:
 * line and column counting in {@link RowPosition}, and everything about rows as records in {@code CsvInput}.
 */
final class CsvRowReader {

    private static final int EOF = -1;
    private static final byte CR = '\r';
    private static final byte LF = '\n';

    /** The longest field read: past it, a quote that is never closed would buffer the rest of a huge file. */
    static final int MAX_FIELD_BYTES = 16 * 1024 * 1024;
    private static final int BUFFER_BYTES = 64 * 1024;
    /** The first read, from the start or after a seek: a resume needs the header and one row, not 64 KiB twice. */
    private static final int FIRST_READ_BYTES = 8 * 1024;

    private final FileChannel channel;
    private final Path file;
    private final Charset charset;
    private final boolean utf8;
    private final byte delimiter;
    private final byte quote;
    private final long limit;
    private final int maxFieldBytes;
    private final int bufferBytes;

    private byte[] bytes; // FIRST_READ_BYTES at first, bufferBytes from the second read on, more for a longer field
    private ByteBuffer buffer;
    private long bufferStart; // file offset of bytes[0]
    private boolean firstRead = true; // no read since the start or the last seek: read FIRST_READ_BYTES at most
    private int pos; // the next byte to read; while a field is scanned, its first byte
    private int end;

    private final List<String> fields = new ArrayList<>();
    private byte[] unescaped = new byte[256]; // a quoted field holding doubled quotes, without them
    private int unescapedLength;
    private long row; // the row being read, for messages
    private String rowsCounted = ""; // how messages count rows: from the file's start, or from a range's
    private long rowStart; // the file offset of the last row read
    private boolean inRow; // while a row is read, the bytes the buffer drops are counted by position
    private final RowPosition position;

    /**
     * @param delimiter the delimiter's single byte in the file's charset
     * @param quote the quote's single byte in the file's charset
     * @param limit the file size when reading started: bytes appended later are not read
     */
    CsvRowReader(FileChannel channel, Path file, Charset charset, byte delimiter, byte quote, long limit) {
        this(channel, file, charset, delimiter, quote, limit, BUFFER_BYTES, MAX_FIELD_BYTES);
    }

    /** With another buffer size and field limit: tests use tiny ones to reach every refill and the limit. */
    CsvRowReader(FileChannel channel, Path file, Charset charset, byte delimiter, byte quote, long limit,
            int bufferBytes, int maxFieldBytes) {
        this.channel = channel;
        this.file = file;
        this.charset = charset;
        this.utf8 = charset.equals(StandardCharsets.UTF_8);
        this.delimiter = delimiter;
        this.quote = quote;
        this.limit = limit;
        this.maxFieldBytes = maxFieldBytes;
        this.bufferBytes = bufferBytes;
        this.bytes = new byte[Math.min(FIRST_READ_BYTES, bufferBytes)];
        this.buffer = ByteBuffer.wrap(bytes);
        this.position = new RowPosition(utf8);
    }

    /** The byte offset of the next byte the parser will read. */
    long position() {
        return bufferStart + pos;
    }

    /** The byte offset where the row {@link #readRow(long)} returned last starts, after any blank lines. */
    long rowStart() {
        return rowStart;
    }

    /**
     * Makes messages say that row numbers count from {@code offset} (where a split's byte range starts), not from the
     * start of the file.
     */
    void countRowsFrom(long offset) {
        rowsCounted = offset == 0 ? "" : " counted from byte " + offset;
    }

    /**
     * Moves to a byte offset: the next {@link #readRow(long)} starts there, without reading what comes before. Its
     * first read is as short as the reader's first.
     */
    void seek(long offset) {
        bufferStart = offset;
        pos = 0;
        end = 0;
        firstRead = true;
    }

    /**
     * The file's first {@code count} bytes, read into the buffer before any row: the header is then parsed from
     * them, so a fingerprint of them costs no read of its own. The array is the reader's own buffer; its bytes
     * {@code 0} to {@code count - 1} are the file's first ones until the next {@link #readRow(long)}.
     *
     * @param count at most the file's size
     * @throws IllegalStateException when a row was read already, or the file is shorter than {@code count} bytes now
     */
    byte[] head(int count) throws IOException {
        if (bufferStart != 0 || pos != 0) {
            throw new IllegalStateException("internal error: the head of " + file + " is read before any row");
        }
        if (!available(count)) {
            throw new IllegalStateException("CSV file " + file + " has " + end + " bytes, fewer than the " + count
                    + " needed for its fingerprint");
        }
        return bytes;
    }

    /** At the start of a UTF-8 file, skips its byte order mark, which spreadsheet programs like to write. */
    void skipByteOrderMark() throws IOException {
        if (utf8 && position() == 0 && peek() == 0xEF) {
            if (available(3) && bytes[pos + 1] == (byte) 0xBB && bytes[pos + 2] == (byte) 0xBF) {
                pos += 3;
            }
        }
    }

    /**
     * The fields of the next row, or {@code null} at the end of the file. The list is the reader's own, valid until
     * the next call.
     *
     * @param row the row's number for error messages, {@code 0} for the header
     * @throws IllegalStateException naming the file, the row and the column when the row is malformed
     */
    List<String> readRow(long row) throws IOException {
        this.row = row;
        int b = peek();
        while (b == CR || b == LF) { // blank lines hold no row
            pos++;
            b = peek();
        }
        if (b == EOF) {
            return null;
        }
        fields.clear();
        rowStart = bufferStart + pos;
        position.startRow(pos);
        inRow = true;
        do {
            b = peek() == (quote & 0xFF) ? quotedField() : unquotedField();
        } while (b == (delimiter & 0xFF));
        if (b == CR && peek() == LF) {
            pos++;
        }
        inRow = false;
        return fields;
    }

    /**
     * Reads an unquoted field from {@code pos} and the byte that ends it.
     *
     * @return the delimiter, CR, LF or {@link #EOF}
     */
    private int unquotedField() throws IOException {
        int p = pos;
        while (true) {
            byte[] bytes = this.bytes;
            byte delimiter = this.delimiter;
            int stop = Math.min(end, pos + maxFieldBytes + 1);
            while (p < stop) {
                byte b = bytes[p];
                if (b == delimiter || b == LF || b == CR) {
                    fields.add(new String(bytes, pos, p - pos, charset));
                    pos = p + 1;
                    return b & 0xFF;
                }
                p++;
            }
            if (p - pos > maxFieldBytes) {
                throw tooLong(pos + maxFieldBytes);
            }
            int scanned = p - pos;
            if (!refill()) { // the file ends the field
                fields.add(new String(bytes, pos, scanned, charset));
                pos = end;
                return EOF;
            }
            p = pos + scanned;
        }
    }

    /**
     * Reads a quoted field, its opening quote at {@code pos}, and the byte after its closing quote.
     *
     * @return the delimiter, CR, LF or {@link #EOF}
     */
    private int quotedField() throws IOException {
        int p = pos + 1;
        while (true) {
            byte[] bytes = this.bytes;
            byte quote = this.quote;
            int tooMany = pos + 1 + maxFieldBytes; // the index of the first byte past the longest field
            int stop = Math.min(end, tooMany + 1);
            while (p < stop && bytes[p] != quote) {
                p++;
            }
            if (p > tooMany) {
                throw tooLong(tooMany);
            }
            if (p + 1 >= end) { // the quote, or the byte after it, is not in the buffer yet
                int scanned = p - pos;
                boolean more = refill();
                p = pos + scanned;
                if (more) {
                    continue;
                }
                if (p == end) {
                    throw neverClosed(pos);
                }
            }
            bytes = this.bytes;
            int after = p + 1 < end ? bytes[p + 1] & 0xFF : EOF;
            if (after == (quote & 0xFF)) {
                return quotedFieldWithDoubledQuotes(p);
            }
            fields.add(new String(bytes, pos + 1, p - pos - 1, charset));
            pos = Math.min(p + 2, end);
            if (after != (delimiter & 0xFF) && after != CR && after != LF && after != EOF) {
                throw unexpectedAfterQuote(p + 1, after);
            }
            return after;
        }
    }

    /**
     * Goes on with a quoted field, opened at {@code pos}, at the first of two quotes at {@code doubled}: from here
     * byte by byte, into {@link #unescaped}, each doubled quote becoming one.
     */
    private int quotedFieldWithDoubledQuotes(int doubled) throws IOException {
        position.countTo(bytes, pos + 1); // where the opening quote is, before the buffer may drop it
        int openLine = position.line();
        int openColumn = position.column();
        unescapedLength = 0;
        for (int i = pos + 1; i < doubled; i++) {
            unescape(bytes[i], i);
        }
        pos = doubled;
        while (true) {
            int b = read();
            if (b == EOF) {
                throw malformed(openLine, openColumn, neverClosedProblem());
            }
            if (b == (quote & 0xFF)) {
                if (peek() != (quote & 0xFF)) {
                    break;
                }
                pos++; // a doubled quote stands for one quote
            }
            unescape((byte) b, pos - 1);
        }
        fields.add(new String(unescaped, 0, unescapedLength, charset));
        int after = read();
        if (after != (delimiter & 0xFF) && after != CR && after != LF && after != EOF) {
            throw unexpectedAfterQuote(pos - 1, after);
        }
        return after;
    }

    /** Adds a byte of a field with doubled quotes, read at buffer index {@code at}. */
    private void unescape(byte b, int at) throws IOException {
        if (unescapedLength == maxFieldBytes) {
            throw tooLong(at);
        }
        if (unescapedLength == unescaped.length) {
            unescaped = Arrays.copyOf(unescaped, (int) Math.min(unescaped.length * 2L, maxFieldBytes));
        }
        unescaped[unescapedLength++] = b;
    }

    private int peek() throws IOException {
        if (pos == end && !refill()) {
            return EOF;
        }
        return bytes[pos] & 0xFF;
    }

    private int read() throws IOException {
        if (pos == end && !refill()) {
            return EOF;
        }
        return bytes[pos++] & 0xFF;
    }

    /** Makes {@code count} bytes available from {@code pos}, unless the file ends first. */
    private boolean available(int count) throws IOException {
        while (end - pos < count) {
            if (!refill()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Reads more of the file into the buffer, keeping the bytes from {@code pos} on: they move to its start (the
     * bytes dropped are counted by {@link #position} while a row is read), and it grows when they fill it.
     *
     * @return false, with the buffer unchanged, when the file (as long as it was when reading started) has no more
     */
    private boolean refill() throws IOException {
        long remaining = limit - (bufferStart + end);
        if (remaining <= 0) {
            return false;
        }
        if (pos > 0) {
            if (inRow) {
                position.countTo(bytes, pos);
                position.shift(pos);
            }
            System.arraycopy(bytes, pos, bytes, 0, end - pos);
            bufferStart += pos;
            end -= pos;
            pos = 0;
        }
        if (end == bytes.length) { // one field fills the buffer: the longest one, and the bytes around it, fit
            int grown = (int) Math.min(bytes.length * 2L, Math.max(bufferBytes, maxFieldBytes + 4L));
            if (grown <= bytes.length) {
                throw new IllegalStateException("internal error: a field of " + file + " fills " + bytes.length
                        + " bytes of buffer, more than the longest field");
            }
            grow(grown);
        } else if (!firstRead && bytes.length < bufferBytes) { // reading goes on: the full buffer from now on
            grow(bufferBytes);
        }
        int room = firstRead ? Math.min(bytes.length, end + FIRST_READ_BYTES) : bytes.length;
        firstRead = false;
        buffer.limit((int) Math.min(room, end + remaining)).position(end);
        int read;
        do {
            read = channel.read(buffer, bufferStart + end);
        } while (read == 0);
        if (read < 0) {
            throw new IllegalStateException("CSV file " + file + " shrank while it was read: it had " + limit
                    + " bytes when reading started and ends at byte " + (bufferStart + end) + " now");
        }
        end += read;
        return true;
    }

    private void grow(int length) {
        bytes = Arrays.copyOf(bytes, length);
        buffer = ByteBuffer.wrap(bytes);
    }

    private IllegalStateException tooLong(int at) throws IOException {
        return malformedAt(at, "a field is longer than " + maxFieldBytes + " bytes, most likely a quote that is "
                + "never closed");
    }

    private IllegalStateException neverClosed(int openQuote) throws IOException {
        return malformedAt(openQuote, neverClosedProblem());
    }

    private String neverClosedProblem() {
        return "the quoted field opened here is never closed: the file ends before its closing quote "
                + describe(quote & 0xFF);
    }

    private IllegalStateException unexpectedAfterQuote(int at, int b) throws IOException {
        return malformedAt(at, "unexpected " + describe(b) + " after the closing quote of a field; expected the "
                + "delimiter " + describe(delimiter & 0xFF) + " or the end of the line");
    }

    /** A malformed-row error at the byte at buffer index {@code at}, with its line and column counted now. */
    private IllegalStateException malformedAt(int at, String problem) throws IOException {
        position.countTo(bytes, at + 1);
        position.settle(at + 1 < end ? bytes[at + 1] & 0xFF : byteAt(bufferStart + at + 1));
        return malformed(position.line(), position.column(), problem);
    }

    /** The byte at a file offset past the buffer, or {@link #EOF}; read without moving the buffer. */
    private int byteAt(long offset) throws IOException {
        if (offset >= limit) {
            return EOF;
        }
        ByteBuffer one = ByteBuffer.allocate(1);
        return channel.read(one, offset) == 1 ? one.get(0) & 0xFF : EOF;
    }

    private IllegalStateException malformed(int line, int atColumn, String problem) {
        String where = (row == 0 ? "header row" : "row " + row + rowsCounted)
                + (line > 1 ? " (line " + line + " of the row)" : "");
        return new IllegalStateException("malformed CSV in " + file + ", " + where + ", column " + atColumn + ": "
                + problem);
    }

    private static String describe(int b) {
        if (b >= 0x20 && b < 0x7F) {
            return "'" + (char) b + "'";
        }
        return b >= 0x80 ? "non-ASCII character" : String.format("control character 0x%02X", b);
    }
}
