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
 * The reader csv-input had before it parsed inside its read buffer, kept unchanged (but for the field limit, a
 * parameter here) as the reference {@link CsvRowReaderTest} compares {@link CsvRowReader} with: the same rows, the
 * same offsets and the same error messages.
 *
 * <p>Reads CSV rows (RFC 4180: quoted fields may hold delimiters, line ends and doubled quotes) straight from the bytes
 * of a file, so that {@link #position()} after a row is the exact byte offset of the next one and a resume can
 * {@link #seek(long)} there. Fields are decoded only once they are complete, which is right for the ASCII-compatible
 * charsets {@code CsvInputConfig} accepts: the delimiter, the quote, CR and LF never occur inside another character.
 *
 * <p>Rows end with LF, CRLF or a lone CR, or at the end of the file; blank lines are skipped. A quote inside an
 * unquoted field is kept as is. Not thread-safe.
 */
final class ReferenceCsvRowReader {

    private static final int EOF = -1;
    private static final int CR = '\r';
    private static final int LF = '\n';

    private final FileChannel channel;
    private final Path file;
    private final Charset charset;
    private final boolean utf8;
    private final int delimiter;
    private final int quote;
    private final long limit;

    private final byte[] bytes = new byte[64 * 1024];
    private final ByteBuffer buffer = ByteBuffer.wrap(bytes);
    private long bufferStart; // file offset of bytes[0]
    private int pos;
    private int end;

    /** The longest field read: past it, a quote that is never closed would buffer the rest of a huge file. */
    private final int maxFieldBytes;

    private byte[] field = new byte[256];
    private int fieldLength;
    private long row; // the row being read, for messages

    // Where the parser is in the current row, for error messages only.
    private int column; // characters consumed on the current line
    private int lineInRow; // 1 on the row's first line; a quoted line end starts the next

    /**
     * @param delimiter the delimiter's single byte in the file's charset
     * @param quote the quote's single byte in the file's charset
     * @param limit the file size when reading started: bytes appended later are not read
     */
    ReferenceCsvRowReader(FileChannel channel, Path file, Charset charset, byte delimiter, byte quote, long limit,
            int maxFieldBytes) {
        this.maxFieldBytes = maxFieldBytes;
        this.channel = channel;
        this.file = file;
        this.charset = charset;
        this.utf8 = charset.equals(StandardCharsets.UTF_8);
        this.delimiter = delimiter & 0xFF;
        this.quote = quote & 0xFF;
        this.limit = limit;
    }

    /** The byte offset of the next byte the parser will read. */
    long position() {
        return bufferStart + pos;
    }

    /** Moves to a byte offset: the next {@link #readRow(long)} starts there, without reading what comes before. */
    void seek(long offset) {
        bufferStart = offset;
        pos = 0;
        end = 0;
    }

    /** At the start of a UTF-8 file, skips its byte order mark, which spreadsheet programs like to write. */
    void skipByteOrderMark() throws IOException {
        if (utf8 && position() == 0 && peek() == 0xEF) {
            if (fill(3) && (bytes[pos + 1] & 0xFF) == 0xBB && (bytes[pos + 2] & 0xFF) == 0xBF) {
                pos += 3;
            }
        }
    }

    /**
     * The fields of the next row, or {@code null} at the end of the file.
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
        column = 0;
        lineInRow = 1;
        List<String> fields = new ArrayList<>();
        while (true) {
            fieldLength = 0;
            b = read();
            if (b == quote) {
                int openLine = lineInRow;
                int openColumn = column;
                while (true) {
                    b = read();
                    if (b == EOF) {
                        throw malformed(row, openLine, openColumn, "the quoted field opened here is never closed: "
                                + "the file ends before its closing quote " + describe(quote));
                    }
                    if (b == quote) {
                        if (peek() != quote) {
                            break;
                        }
                        read(); // a doubled quote stands for one quote
                    } else if (b == LF || (b == CR && peek() != LF)) {
                        newLine();
                    }
                    append(b);
                }
                b = read();
                if (b != delimiter && b != CR && b != LF && b != EOF) {
                    throw malformed(row, lineInRow, column, "unexpected " + describe(b) + " after the closing quote "
                            + "of a field; expected the delimiter " + describe(delimiter) + " or the end of the line");
                }
            } else {
                while (b != delimiter && b != CR && b != LF && b != EOF) {
                    append(b);
                    b = read();
                }
            }
            fields.add(new String(field, 0, fieldLength, charset));
            if (b != delimiter) {
                if (b == CR && peek() == LF) {
                    pos++;
                }
                return fields;
            }
        }
    }

    private int peek() throws IOException {
        if (pos == end && !fill(1)) {
            return EOF;
        }
        return bytes[pos] & 0xFF;
    }

    private int read() throws IOException {
        if (pos == end && !fill(1)) {
            return EOF;
        }
        int b = bytes[pos++] & 0xFF;
        if (!utf8 || (b & 0xC0) != 0x80) { // a UTF-8 continuation byte is not a new character
            column++;
        }
        return b;
    }

    private void newLine() {
        lineInRow++;
        column = 0;
    }

    private void append(int b) {
        if (fieldLength == maxFieldBytes) {
            throw malformed(row, lineInRow, column, "a field is longer than " + maxFieldBytes + " bytes, most "
                    + "likely a quote that is never closed");
        }
        if (fieldLength == field.length) {
            field = Arrays.copyOf(field, Math.min(field.length * 2, maxFieldBytes));
        }
        field[fieldLength++] = (byte) b;
    }

    /** Makes at least {@code wanted} bytes available from {@code pos}, unless the file ends first. */
    private boolean fill(int wanted) throws IOException {
        if (end - pos >= wanted) {
            return true;
        }
        // Keep the unread bytes, at the start of the buffer.
        System.arraycopy(bytes, pos, bytes, 0, end - pos);
        bufferStart += pos;
        end -= pos;
        pos = 0;
        while (end < wanted) {
            long remaining = limit - (bufferStart + end);
            if (remaining <= 0) {
                return false;
            }
            buffer.limit((int) Math.min(bytes.length, end + remaining)).position(end);
            int read = channel.read(buffer, bufferStart + end);
            if (read < 0) {
                throw new IllegalStateException("CSV file " + file + " shrank while it was read: it had " + limit
                        + " bytes when reading started and ends at byte " + (bufferStart + end) + " now");
            }
            end += read;
        }
        return true;
    }

    private IllegalStateException malformed(long row, int line, int atColumn, String problem) {
        String where = (row == 0 ? "header row" : "row " + row) + (line > 1 ? " (line " + line + " of the row)" : "");
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
