package io.connectorkit.samples;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opentest4j.AssertionFailedError;

/**
 * Keeps the documentation true to the code: README.md, every {@code docs/*.md} and every other Markdown file of the
 * repository (outside {@code target/} and hidden folders). In each, a code block right after a
 * {@code <!-- from: path -->} line (the path relative to the repository's root) must be made of lines of that file,
 * in the same order. Blank lines, and {@code // ...}-style comment lines that the file does not have, mark elisions.
 * Each Markdown file is one test; a snippet that no longer matches its source fails the file it is in.
 */
class ReadmeSnippetsTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    /** Fewer than this over all the Markdown files means the files or the pattern went wrong. */
    private static final int LEAST_SNIPPETS = 8;

    private static final Pattern MARKER = Pattern.compile("<!-- from: (\\S+) -->");
    private static final Pattern SNIPPET = Pattern.compile("<!-- from: (\\S+) -->\\s*```\\w*\\n(.*?)```",
            Pattern.DOTALL);

    /** The Markdown files, relative to the repository's root, sorted. */
    static List<String> markdownFiles() throws IOException {
        List<String> files = new ArrayList<>();
        Files.walkFileTree(ROOT, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                String name = dir.equals(ROOT) ? "" : dir.getFileName().toString();
                return name.equals("target") || name.startsWith(".") ? FileVisitResult.SKIP_SUBTREE
                        : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (attributes.isRegularFile() && file.getFileName().toString().endsWith(".md")) {
                    files.add(ROOT.relativize(file).toString().replace('\\', '/'));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        files.sort(null);
        return files;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("markdownFiles")
    void everySnippetIsCopiedFromTheFileItNames(String markdown) throws IOException {
        checkSnippets(markdown, Files.readString(ROOT.resolve(markdown)));
    }

    @Test
    void theReadmeAndTheDocsHoldSnippetsCheckedAgainstTheirSources() throws IOException {
        List<String> files = markdownFiles();
        assertTrue(files.contains("README.md"), "README.md not found under " + ROOT);
        int total = 0;
        int inDocs = 0;
        for (String markdown : files) {
            int count = checkSnippets(markdown, Files.readString(ROOT.resolve(markdown)));
            total += count;
            if (markdown.startsWith("docs/")) {
                inDocs += count;
            }
        }
        assertTrue(total >= LEAST_SNIPPETS, "expected at least " + LEAST_SNIPPETS
                + " snippets marked <!-- from: path --> in " + files + ", found " + total);
        assertTrue(inDocs > 0, "expected snippets in docs/*.md, found none in " + files);
    }

    @Test
    void aSnippetThatNoLongerMatchesItsSourceFailsNamingTheLine() {
        String source = "sample-connectors/src/main/java/io/connectorkit/samples/checkpoint/ListInputMigration.java";
        String stale = "<!-- from: " + source + " -->\n```java\npublic class ListInputMigration implements "
                + "MigrationHandler {\n    // ...\n            migrated.put(\"sinceId\", migrated.remove(\"lastID\"));\n"
                + "```\n";
        AssertionFailedError error = assertThrows(AssertionFailedError.class, () -> checkSnippets("stale.md", stale));
        assertTrue(error.getMessage().contains("remove(\"lastID\")"), error.getMessage());

        String outOfOrder = "<!-- from: " + source + " -->\n```java\n        return migrated;\n"
                + "public class ListInputMigration implements MigrationHandler {\n```\n";
        assertThrows(AssertionFailedError.class, () -> checkSnippets("reordered.md", outOfOrder));

        String missing = "<!-- from: no/such/File.java -->\n```java\nclass File {}\n```\n";
        assertThrows(AssertionFailedError.class, () -> checkSnippets("missing.md", missing));

        String noBlock = "<!-- from: " + source + " -->\nprose, no code block\n";
        assertThrows(AssertionFailedError.class, () -> checkSnippets("no-block.md", noBlock));
    }

    /** Checks every snippet of {@code text} (the Markdown file {@code markdown}); returns how many there are. */
    private static int checkSnippets(String markdown, String text) {
        Matcher marker = MARKER.matcher(text);
        Matcher snippet = SNIPPET.matcher(text);
        int count = 0;
        while (marker.find()) {
            String where = markdown + ":" + lineOf(text, marker.start());
            snippet.region(marker.start(), text.length());
            if (!snippet.lookingAt()) {
                fail(where + ": <!-- from: " + marker.group(1) + " --> is not followed by a code block");
            }
            Path source = ROOT.resolve(snippet.group(1));
            if (!Files.isRegularFile(source)) {
                fail(where + ": the snippet names a missing file: " + snippet.group(1));
            }
            checkInOrder(where, snippet.group(1), readLines(source), snippet.group(2).split("\n"));
            count++;
        }
        return count;
    }

    private static void checkInOrder(String where, String source, List<String> fileLines, String[] snippetLines) {
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
                fail(where + ": the snippet from " + source + " has a line that is not in the file (in this order): '"
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

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
