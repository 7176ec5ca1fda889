package io.connectorkit.store;

/** Validates job ids and partitions, which become folder names: nothing may escape a store's folder. */
final class StoreIds {

    static final int MAX_LENGTH = 128;

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
        if (id.isEmpty()) {
            return "it is empty";
        }
        if (id.length() > MAX_LENGTH) {
            return "it is " + id.length() + " characters long";
        }
        if (id.equals(".") || id.equals("..")) {
            return "it names a folder";
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == '-';
            if (!ok) {
                return "character " + describe(c) + " at index " + i + " is not allowed";
            }
        }
        return null;
    }

    private static String describe(char c) {
        return c < 0x20 || c == 0x7f || c == ' ' ? String.format("U+%04X", (int) c) : "'" + c + "'";
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
