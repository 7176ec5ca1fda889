package io.connectorkit.samples.folder;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Reads the UTF-8 lines of one file from a byte offset, counting the bytes of each, so that a resume can seek. */
final class LineReader implements Closeable {

    private final InputStream in;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private long offset;

    /**
     * @throws IOException when the file cannot be opened, or is shorter than {@code offset} (it is not the file the
     *     checkpoint was taken in)
     */
    LineReader(Path file, long offset) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            if (channel.size() < offset) {
                throw new IOException("folder-input: " + file + " has " + channel.size() + " bytes, fewer than the "
                        + "checkpoint's offset " + offset + ": it is not the file the checkpoint was taken in");
            }
            channel.position(offset);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        this.in = new BufferedInputStream(Channels.newInputStream(channel), 64 * 1024);
        this.offset = offset;
    }

    /** The next line without its line end ({@code \n} or {@code \r\n}), or null at the end of the file. */
    String next() throws IOException {
        line.reset();
        int b = in.read();
        if (b < 0) {
            return null;
        }
        while (b >= 0 && b != '\n') {
            line.write(b);
            b = in.read();
        }
        offset += line.size() + (b == '\n' ? 1 : 0);
        byte[] bytes = line.toByteArray();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }

    /** The byte offset after the last line returned. */
    long offset() {
        return offset;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
