package io.connectorkit.samples.file;

/**
 * Where a byte stands in its CSV row, the way error messages name it: the line of the row (1 on the row's first
 * line; a line end inside a quoted field starts the next) and the column (the characters read on that line, up to and
 * including this byte). {@link CsvRowReader} counts it only when an error needs it, and over the bytes it drops from
 * its buffer while a row is in progress, so the reading itself never does.
 *
 * <p>Every LF, and every CR not followed by LF, inside a row is a line end within a quoted field: outside quotes they
 * end the row. Whether a CR is followed by LF is known only at the next byte, so a CR is kept pending until then.
 */
final class RowPosition {

    private static final byte CR = '\r';
    private static final byte LF = '\n';

    private final boolean utf8;
    private int line;
    private int column;
    private boolean afterCr; // the last byte counted was a CR whose next byte is not known yet
    private int countedTo; // the buffer index of the first byte not counted

    /** @param utf8 whether the bytes are UTF-8, whose continuation bytes do not start a character */
    RowPosition(boolean utf8) {
        this.utf8 = utf8;
    }

    /** A row starts at this buffer index. */
    void startRow(int index) {
        line = 1;
        column = 0;
        afterCr = false;
        countedTo = index;
    }

    /** Counts the bytes from where it stopped up to {@code to} (exclusive). */
    void countTo(byte[] bytes, int to) {
        int line = this.line;
        int column = this.column;
        boolean afterCr = this.afterCr;
        for (int i = countedTo; i < to; i++) {
            byte b = bytes[i];
            if (afterCr && b != LF) { // the CR before was a line end of its own
                line++;
                column = 0;
            }
            if (!utf8 || (b & 0xC0) != 0x80) { // a UTF-8 continuation byte is not a new character
                column++;
            }
            afterCr = b == CR;
            if (b == LF) {
                line++;
                column = 0;
            }
        }
        this.line = line;
        this.column = column;
        this.afterCr = afterCr;
        countedTo = Math.max(countedTo, to);
    }

    /** The buffer dropped its first {@code count} bytes (all counted): indices move down by that much. */
    void shift(int count) {
        countedTo -= count;
    }

    /**
     * Settles a CR that was the last byte counted, given the byte after it ({@code -1} at the end of the file): a
     * line end unless that byte is an LF.
     */
    void settle(int next) {
        if (afterCr && next != LF) {
            line++;
            column = 0;
        }
        afterCr = false;
    }

    int line() {
        return line;
    }

    int column() {
        return column;
    }
}
