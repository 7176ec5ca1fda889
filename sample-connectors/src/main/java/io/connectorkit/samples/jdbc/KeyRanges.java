package io.connectorkit.samples.jdbc;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts the keys of a configuration into {@link KeyRange}s of about a desired number of keys, for
 * {@link JdbcInput#split}: the planning arithmetic, without a database.
 *
 * <p>Given the smallest and largest key found at planning ({@code min}, {@code max}) and the range the configuration
 * reads ({@code outer}, usually unbounded), the cuts are at {@code min + w}, {@code min + 2w}, ... below or at
 * {@code max}, where the width {@code w} is the desired size, widened when needed so that there are at most
 * {@value #MAX_RANGES} ranges. The first range starts where {@code outer} starts (unbounded: keys inserted later below
 * {@code min} are read by it) and the last ends where {@code outer} ends (keys inserted later above {@code max}), so
 * the ranges are contiguous: every key of {@code outer} is in exactly one.
 */
final class KeyRanges {

    /** The most ranges a plan has, whatever the desired size: the width grows to keep under it. */
    static final int MAX_RANGES = 1000;

    private KeyRanges() {
    }

    /**
     * The ranges of {@code outer}, in key order.
     *
     * @param outer the keys the configuration reads; {@code min} and {@code max} are inside it
     * @param min the smallest key found, at most {@code max}
     * @param max the largest key found
     * @param desiredSize the desired number of keys of a range, 1 or more
     * @return 1 to {@value #MAX_RANGES} contiguous ranges covering {@code outer}
     */
    static List<KeyRange> cut(KeyRange outer, long min, long max, long desiredSize) {
        if (min > max || desiredSize < 1) {
            throw new IllegalArgumentException("KeyRanges.cut needs min <= max and desiredSize >= 1, got min " + min
                    + ", max " + max + ", desiredSize " + desiredSize);
        }
        BigInteger keys = span(min, max);
        BigInteger ranges = BigInteger.valueOf(MAX_RANGES);
        BigInteger width = BigInteger.valueOf(desiredSize).max(ceilDiv(keys, ranges));
        int count = ceilDiv(keys, width).intValueExact(); // at most MAX_RANGES
        List<KeyRange> cut = new ArrayList<>(count);
        Long from = outer.from();
        for (int i = 1; i < count; i++) {
            // min + i * width <= min + (count - 1) * width < min + keys = max + 1: a long
            long to = BigInteger.valueOf(min).add(width.multiply(BigInteger.valueOf(i))).longValueExact();
            cut.add(new KeyRange(from, to));
            from = to;
        }
        cut.add(new KeyRange(from, outer.to()));
        return List.copyOf(cut);
    }

    /** {@code max - min + 1}, the number of keys from {@code min} to {@code max}: up to 2<sup>64</sup>. */
    static BigInteger span(long min, long max) {
        return BigInteger.valueOf(max).subtract(BigInteger.valueOf(min)).add(BigInteger.ONE);
    }

    private static BigInteger ceilDiv(BigInteger a, BigInteger b) {
        BigInteger[] qr = a.divideAndRemainder(b);
        return qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
    }
}
