package io.connectorkit.samples.jdbc;

/**
 * The integer keys one configuration of {@link JdbcInput} reads: from {@code from} (inclusive) to {@code to}
 * (exclusive), either side {@code null} when unbounded. {@link #ALL} is the range of a configuration without bounds.
 *
 * @param from the smallest key, or {@code null}
 * @param to the key above the largest, or {@code null}
 */
record KeyRange(Long from, Long to) {

    /** Every key: no bound on either side. */
    static final KeyRange ALL = new KeyRange(null, null);

    /** @throws IllegalArgumentException when both bounds are set and {@code from} is not below {@code to} */
    KeyRange {
        if (from != null && to != null && from >= to) {
            throw new IllegalArgumentException("configuration.keyFrom must be below configuration.keyTo (keyFrom is "
                    + "inclusive, keyTo exclusive), got keyFrom " + from + " and keyTo " + to);
        }
    }

    /** Whether neither side is bounded. */
    boolean unbounded() {
        return from == null && to == null;
    }

    /**
     * The split id of this range: {@code all} when it is unbounded, otherwise {@code keys-<from>-<to>} with
     * {@code start} for no lower bound, {@code end} for no upper bound and {@code m} for a minus sign
     * ({@code keys-start-100}, {@code keys-m20-m5}, {@code keys-100-end}): at most 46 characters of
     * {@code [a-z0-9-]}, a valid split id, never {@code _plan}.
     */
    String id() {
        if (unbounded()) {
            return "all";
        }
        return "keys-" + (from == null ? "start" : text(from)) + "-" + (to == null ? "end" : text(to));
    }

    private static String text(long key) {
        return key < 0 ? "m" + Long.toString(key).substring(1) : Long.toString(key);
    }

    @Override
    public String toString() {
        return "[" + (from == null ? "-inf" : from) + ", " + (to == null ? "+inf" : to) + ")";
    }
}
