package io.connectorkit.samples.file;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;

/** CSV contents for the split tests: rows {@code id,v} whose ids ({@code tag-1, tag-2...}) are unique per tag. */
final class SplitFiles {

    private SplitFiles() {
    }

    /**
     * A header {@code id,v} (when asked) and {@code rows} rows, each ended by {@code lineEnd}; some values quoted,
     * holding delimiters or doubled quotes, none a line break.
     */
    static String rows(String tag, int rows, String lineEnd, boolean header) {
        StringBuilder csv = new StringBuilder(header ? "id,v" + lineEnd : "");
        for (int i = 1; i <= rows; i++) {
            String value = switch (i % 4) {
                case 0 -> "\"with, comma " + i + "\"";
                case 1 -> "\"say \"\"hi\"\" " + i + "\"";
                case 2 -> "plain" + "x".repeat(i % 7);
                default -> "";
            };
            csv.append(tag).append('-').append(i).append(',').append(value).append(lineEnd);
        }
        return csv.toString();
    }

    /**
     * A random CSV file of the kind ranges may cut: 0 to 80 rows of 1 to 3 fields (as many as the header's, when
     * there is one), line ends LF, CRLF or a lone CR, blank lines, quoted fields with delimiters and doubled quotes,
     * non-ASCII letters, and a last row with or without a line end.
     *
     * @return the content; its ids are {@code tag-1...}
     */
    static String random(Random random, String tag, boolean header) {
        String[] ends = {"\n", "\r\n", "\r"};
        int columns = 1 + random.nextInt(3);
        StringBuilder csv = new StringBuilder();
        if (header) {
            csv.append("id");
            for (int c = 2; c <= columns; c++) {
                csv.append(",c").append(c);
            }
            csv.append(ends[random.nextInt(ends.length)]);
        }
        int rows = random.nextInt(81);
        for (int i = 1; i <= rows; i++) {
            if (random.nextInt(8) == 0) {
                csv.append(ends[random.nextInt(ends.length)]); // a blank line
            }
            csv.append(tag).append('-').append(i);
            for (int c = 2; c <= columns; c++) {
                csv.append(',').append(switch (random.nextInt(5)) {
                    case 0 -> "\"a, \"\"b\"\"\"";
                    case 1 -> "Zürich";
                    case 2 -> "x".repeat(random.nextInt(30));
                    case 3 -> "\"" + "€".repeat(random.nextInt(4)) + "\"";
                    default -> "";
                });
            }
            if (i < rows || random.nextBoolean()) {
                csv.append(ends[random.nextInt(ends.length)]);
            }
        }
        return csv.toString();
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
