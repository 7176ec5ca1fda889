package io.connectorkit.samples;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps the README true to the code: every code block marked {@code <!-- from: path -->} must be made of lines of
 * that file, in the same order ({@code // ...}-style comments mark elisions).
 */
class ReadmeSnippetsTest {

    private static final Pattern SNIPPET = Pattern.compile("<!-- from: (\\S+) -->\\s*```\\w*\\n(.*?)```",
            Pattern.DOTALL);

    @Test
    void everyReadmeSnippetIsCopiedFromTheFileItNames() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        String readme = Files.readString(root.resolve("README.md"));
        Matcher matcher = SNIPPET.matcher(readme);
        int snippets = 0;
        while (matcher.find()) {
            snippets++;
            Path source = root.resolve(matcher.group(1));
            assertTrue(Files.exists(source), "README names a missing file: " + source);
            checkInOrder(source, Files.readAllLines(source), matcher.group(2).split("\n"));
        }
        assertTrue(snippets >= 5, "expected the README's code snippets, found " + snippets);
    }

    private static void checkInOrder(Path source, List<String> fileLines, String[] snippetLines) {
        List<String> wanted = new ArrayList<>();
        for (String line : snippetLines) {
            String trimmed = line.trim();
            if (!trimmed.isEmpty() && !(trimmed.startsWith("// ") && !fileLines.contains(line))) {
                wanted.add(line);
            }
        }
        int position = 0;
        for (String line : wanted) {
            int found = indexOf(fileLines, line, position);
            if (found < 0) {
                fail("README snippet from " + source + " has a line that is not in the file (in this order): '"
                        + line + "'");
            }
            position = found + 1;
        }
    }

    private static int indexOf(List<String> lines, String line, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (lines.get(i).equals(line)) {
                return i;
            }
        }
        return -1;
    }
}
