package io.connectorkit.runner;

/**
 * Text from outside (a configuration file's content, a JSON reader's message quoting it) made safe to quote in one of
 * the runner's lines: control characters, line and paragraph separators are escaped as a backslash, {@code u} and
 * four hex digits, so that the text cannot break a message into lines nor forge one ("connectorkit: job ...
 * finished"), and long text is cut.
 */
final class PrintableText {

    private PrintableText() {
    }

    /**
     * {@code text}, escaped, cut after {@code maxCodePoints} code points with the number of characters left out.
     *
     * @param text any text; {@code null} gives {@code "null"}
     */
    static String of(String text, int maxCodePoints) {
        if (text == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder();
        int[] codePoints = text.codePoints().limit(maxCodePoints + 1L).toArray();
        for (int i = 0; i < Math.min(codePoints.length, maxCodePoints); i++) {
            int cp = codePoints[i];
            if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || cp == 0x2028 || cp == 0x2029) {
                sb.append(String.format("\\u%04x", cp));
            } else {
                sb.appendCodePoint(cp);
            }
        }
        if (codePoints.length > maxCodePoints) {
            sb.append("... (").append(text.length()).append(" characters)");
        }
        return sb.toString();
    }
}
