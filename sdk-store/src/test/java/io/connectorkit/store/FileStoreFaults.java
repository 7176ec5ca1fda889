package io.connectorkit.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Opens a {@link FileCheckpointStore} whose package-private {@link FileOps} seam fails one step on its n-th call, for
 * the reliability tests in other packages. A failed write leaves half the bytes in the temp file, as a full disk does.
 */
public final class FileStoreFaults {

    /** The steps of a durable write that can be made to fail. */
    public enum Step { CREATE, WRITE, FORCE, MOVE, FORCE_DIRECTORY }

    private FileStoreFaults() {
    }

    /**
     * A file store in {@code root} whose {@code step} throws an {@link IOException} on its {@code nth} call (1 for the
     * first) and works on every other call; {@code injected} counts the faults thrown.
     */
    public static FileCheckpointStore failingOnce(Path root, StoreOptions options, Step step, int nth,
                                                  AtomicInteger injected) {
        AtomicInteger calls = new AtomicInteger();
        FaultyOps ops = new FaultyOps(at -> {
            boolean fail = at == step && calls.incrementAndGet() == nth;
            if (fail) {
                injected.incrementAndGet();
            }
            return fail;
        });
        return new FileCheckpointStore(root, options, ops, Clock.systemUTC());
    }

    /**
     * Real file operations that throw an {@link IOException} ("injected STEP failure") at a step whenever
     * {@code shouldFail} says so (it is asked once per call of each step); a failed write first writes half the
     * bytes, as a full disk does.
     */
    static final class FaultyOps implements FileOps {
        private final Predicate<Step> shouldFail;

        FaultyOps(Predicate<Step> shouldFail) {
            this.shouldFail = shouldFail;
        }

        private void check(Step step) throws IOException {
            if (shouldFail.test(step)) {
                throw injected(step);
            }
        }

        private static IOException injected(Step step) {
            return new IOException("injected " + step + " failure");
        }

        @Override
        public FileChannel create(Path file) throws IOException {
            check(Step.CREATE);
            return REAL.create(file);
        }

        @Override
        public void write(FileChannel channel, ByteBuffer data) throws IOException {
            if (shouldFail.test(Step.WRITE)) {
                ByteBuffer half = data.duplicate();
                half.limit(half.position() + half.remaining() / 2);
                REAL.write(channel, half);
                throw injected(Step.WRITE);
            }
            REAL.write(channel, data);
        }

        @Override
        public void force(FileChannel channel) throws IOException {
            check(Step.FORCE);
            REAL.force(channel);
        }

        @Override
        public void move(Path source, Path target) throws IOException {
            check(Step.MOVE);
            REAL.move(source, target);
        }

        @Override
        public FileChannel openDirectory(Path dir) throws IOException {
            return REAL.openDirectory(dir);
        }

        @Override
        public void forceDirectory(FileChannel dir) throws IOException {
            check(Step.FORCE_DIRECTORY);
            REAL.forceDirectory(dir);
        }

        @Override
        public void delete(Path file) throws IOException {
            REAL.delete(file);
        }
    }
}
