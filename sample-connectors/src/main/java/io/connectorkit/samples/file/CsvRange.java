package io.connectorkit.samples.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * A byte range {@code [start, end)} of a CSV file, and the rows it owns: those that <em>start</em> in it. A row starts
 * at byte {@code p} when {@code p} is 0 or follows a line end as {@link CsvRowReader} reads them: the byte before
 * {@code p} is an LF, or a CR and byte {@code p} is not an LF (a lone CR). The header, and blank lines, start no data
 * row. So every row of a file belongs to exactly one of the ranges {@link #cut} makes of it, and a range that no row
 * starts in reads nothing.
 *
 * <p>This holds only when no quoted field holds a line break: inside quotes, a line end starts no row, but a range
 * cannot tell without reading the file from its start. {@code rowsWithoutLineBreaks} is the configuration's promise
 * that it does not happen.
 *
 * @param start the first byte, 0 or more
 * @param end the byte after the last, {@code start} or more
 */
record CsvRange(long start, long end) {

    /** The most ranges one file is cut into, whatever the desired size: a desired size of 1 byte is no plan. */
    static final int MAX_RANGES_PER_FILE = 10_000;

    private static final int SCAN_BYTES = 8 * 1024;
    private static final byte CR = '\r';
    private static final byte LF = '\n';

    CsvRange {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("a byte range is 0 <= start <= end, got [" + start + ", " + end + ")");
        }
    }

    /**
     * Cuts a file of {@code size} bytes into consecutive ranges of {@code desiredSize} bytes (the last one shorter),
     * or longer ones when that would make more than {@value #MAX_RANGES_PER_FILE}.
     *
     * @param desiredSize 1 or more
     */
    static List<CsvRange> cut(long size, long desiredSize) {
        long length = Math.max(desiredSize, (size + MAX_RANGES_PER_FILE - 1) / MAX_RANGES_PER_FILE);
        List<CsvRange> ranges = new ArrayList<>();
        for (long start = 0; start < size; start += length) {
            ranges.add(new CsvRange(start, Math.min(size, start + length)));
        }
        return ranges;
    }

    /** Whether the row starting at byte {@code rowStart} is this range's. */
    boolean owns(long rowStart) {
        return rowStart >= start && rowStart < end;
    }

    /**
     * The first byte at or after {@link #start} where a row may start (the bytes there may still be a blank line),
     * or {@code limit} when none does before it: {@code start} itself when it is 0 or follows a line end, else the
     * byte after the next line end. Reads the file without moving the channel.
     *
     * @param limit the file's size as reading started
     */
    long firstRowStart(FileChannel channel, long limit) throws IOException {
        if (start == 0) {
            return 0;
        }
        ByteBuffer buffer = ByteBuffer.allocate(SCAN_BYTES);
        long at = start - 1; // the byte before start says whether start follows a line end
        while (at < limit) {
            buffer.clear();
            buffer.limit((int) Math.min(SCAN_BYTES, limit - at));
            int read = channel.read(buffer, at);
            if (read <= 0) {
                return limit;
            }
            byte[] bytes = buffer.array();
            for (int i = 0; i < read; i++) {
                byte b = bytes[i];
                if (b == LF) {
                    return at + i + 1;
                }
                if (b == CR) {
                    int next = i + 1 < read ? bytes[i + 1] : at + i + 1 < limit ? nextByte(channel, at + i + 1) : -1;
                    if (next != LF) {
                        return at + i + 1; // a lone CR ends a row; before an LF it does not, the LF does
                    }
                }
            }
            at += read;
        }
        return limit;
    }

    private static int nextByte(FileChannel channel, long offset) throws IOException {
        ByteBuffer one = ByteBuffer.allocate(1);
        return channel.read(one, offset) == 1 ? one.get(0) : -1;
    }

    /** For messages and split ids: {@code [start, end)}. */
    @Override
    public String toString() {
        return "[" + start + ", " + end + ")";
    }
}
