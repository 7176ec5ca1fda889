package io.connectorkit.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.connectorkit.processor.Fixtures.compile;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The rules of {@code @Backlog} and of {@code @Emitter(infinite = true)}: one test per rule, each on the valid
 * {@code fixtures/backlog/InfiniteWithBacklog.java} with its {@code @Backlog} method (between {@code //BACKLOG} and
 * {@code //END}) replaced by one that breaks only that rule.
 */
class BacklogRulesTest {

    private static final String VALID = "InfiniteWithBacklog";

    @Test
    void acceptsAnInfiniteEmitterWithABacklogWithoutWarnings() {
        assertThat(compile(JavaFileObjects.forResource("fixtures/backlog/" + VALID + ".java")))
                .succeededWithoutWarnings();
    }

    @Test
    void rejectsABacklogReturningInt() {
        JavaFileObject fixture = mutant("BacklogReturnsInt",
                "    @Backlog\n    public int backlog() {\n        return 0;\n    }\n");
        assertThat(compile(fixture)).hadErrorContaining(Messages.BACKLOG_SIGNATURE.fragment() + "int")
                .inFile(fixture).onLineContaining("public int backlog()");
    }

    @Test
    void rejectsABacklogWithParameters() {
        JavaFileObject fixture = mutant("BacklogWithParameter",
                "    @Backlog\n    public long backlog(boolean exact) {\n        return 0;\n    }\n");
        assertThat(compile(fixture)).hadErrorContaining(Messages.BACKLOG_SIGNATURE.fragment())
                .inFile(fixture).onLineContaining("public long backlog(boolean exact)");
    }

    @Test
    void rejectsAStaticBacklog() {
        JavaFileObject fixture = mutant("BacklogStatic",
                "    @Backlog\n    public static long backlog() {\n        return 0;\n    }\n");
        assertThat(compile(fixture)).hadErrorContaining(Messages.BACKLOG_SIGNATURE.fragment())
                .inFile(fixture).onLineContaining("public static long backlog()");
    }

    @Test
    void rejectsASecondBacklog() {
        JavaFileObject fixture = mutant("BacklogTwice", "    @Backlog\n    public long backlog() {\n        return 0;\n"
                + "    }\n\n    @Backlog\n    public long backlogAgain() {\n        return 1;\n    }\n");
        Compilation compilation = compile(fixture);
        assertThat(compilation).hadErrorContaining(Messages.BACKLOG_EXTRA.fragment())
                .inFile(fixture).onLineContaining("public long backlogAgain()");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void rejectsABlankUnit() {
        JavaFileObject fixture = mutant("BacklogBlankUnit",
                "    @Backlog(unit = \" \")\n    public long backlog() {\n        return 0;\n    }\n");
        assertThat(compile(fixture)).hadErrorContaining(Messages.BACKLOG_UNIT_BLANK.fragment())
                .inFile(fixture).onLineContaining("@Backlog(unit = \" \")");
    }

    @Test
    void rejectsAnInfiniteWorkerFactory() {
        JavaFileObject fixture = PartitionMutants.fixture("MapperFactoryInfinite");
        assertThat(compile(fixture)).hadErrorContaining(Messages.MAPPER_FACTORY_INFINITE.fragment())
                .inFile(fixture).onLineContaining("@Emitter(infinite = true)");
    }

    /** The valid fixture, renamed {@code name}, with {@code backlog} in place of its {@code @Backlog} method. */
    private static JavaFileObject mutant(String name, String backlog) {
        String source;
        try (InputStream in = BacklogRulesTest.class.getResourceAsStream("/fixtures/backlog/" + VALID + ".java")) {
            source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int start = source.indexOf("//BACKLOG\n");
        int end = source.indexOf("//END\n") + "//END\n".length();
        String mutated = (source.substring(0, start) + backlog + source.substring(end)).replace(VALID, name);
        return JavaFileObjects.forSourceString("com.example.backlog." + name, mutated);
    }
}
