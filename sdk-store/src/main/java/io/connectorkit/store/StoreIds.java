package io.connectorkit.store;

import io.connectorkit.runtime.Split;

/** Validates job ids and partitions, which become folder names: nothing may escape a store's folder. */
final class StoreIds {

    static final int MAX_LENGTH = Split.MAX_ID_LENGTH;

    private StoreIds() {
    }

    /**
     * @param kind "job" or "partition", for the message
     * @throws IllegalArgumentException naming the id when it is not {@code [A-Za-z0-9._-]{1,128}}, or is . or ..
     */
    static String require(String kind, String id) {
        if (id == null) {
            throw new IllegalArgumentException(kind + " id must not be null");
        }
        String problem = problem(id);
        if (problem != null) {
            throw new IllegalArgumentException("invalid " + kind + " id '" + printable(id) + "': " + problem
                    + " (allowed: 1 to " + MAX_LENGTH + " characters of [A-Za-z0-9._-], not '.' or '..')");
        }
        return id;
    }

    /** Whether {@code id} is a valid job or partition id. */
    static boolean isValid(String id) {
        return id != null && problem(id) == null;
    }

    private static String problem(String id) {
        return Split.idProblem(id); // one rule: a split's id is the partition its checkpoints are kept under
    }

    /** The id with control characters escaped, so a NUL or newline cannot garble a message or log line. */
    private static String printable(String id) {
        return printable(id, MAX_LENGTH + 16);
    }

    /**
     * {@code text} cut after {@code maxCodePoints}, with control characters (line breaks included) escaped as a
     * backslash, {@code u} and four hex digits: what came from outside can neither garble a message nor forge a line.
     */
    static String printable(String text, int maxCodePoints) {
        StringBuilder sb = new StringBuilder();
        text.codePoints().limit(maxCodePoints).forEach(cp -> {
            if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || cp == 0x2028 || cp == 0x2029) {
                sb.append(String.format("\\u%04x", cp));
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return sb.toString();
    }
}
