package io.connectorkit.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.connectorkit.processor.Fixtures.compile;
import static io.connectorkit.processor.Fixtures.fixture;
import static com.google.testing.compile.Compiler.javac;
import static io.connectorkit.processor.Fixtures.generatedSource;
import static io.connectorkit.processor.Fixtures.indexName;
import static io.connectorkit.processor.Fixtures.indexSource;
import static io.connectorkit.processor.Fixtures.serviceFile;

import com.google.testing.compile.Compilation;
import io.connectorkit.api.spi.Release;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** What the processor generates for valid emitters. */
class IndexGenerationTest {

    @Test
    void generatesTheExpectedIndexForACheckpointInAConfigurationClass() throws IOException {
        Compilation compilation = compile("CheckpointOptionAtDepthOne");
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(indexSource(compilation))
                .isEqualTo(expected("CheckpointOptionAtDepthOne.index.java")
                        .replace("@RELEASE@", Release.CURRENT));
        // ConnectorKitIndex_ + the first 8 hex digits of SHA-256("com.example.depthone.CheckpointOptionAtDepthOne").
        assertThat(serviceFile(compilation)).isEqualTo("com.example.depthone.ConnectorKitIndex_8bff5ffd\n");
    }

    @Test
    void usesTheParameterNameAsPathOfARootCheckpointOption() {
        Compilation compilation = compile("CheckpointOptionAsRootParameter");
        assertThat(compilation).succeededWithoutWarnings();
        String source = indexSource(compilation);
        assertThat(source).contains(".checkpointPath(\"checkpoint\")");
        assertThat(source).contains("OptionModel.builder(\"limit\", OptionModel.Kind.INT, Integer.class).build()");
        assertThat(source).contains("Checkpoint.Frequency.RECORD, 10L)");
        assertThat(source).contains(".checkpointAvailable(\"safe\", new RootCounterCalls(");
        assertThat(source).contains("public boolean test(Object c) {\n"
                + "      return ((CheckpointOptionAsRootParameter) c).safe();\n    }");
    }

    @Test
    void findsACheckpointOptionTwoConfigurationClassesDeep() {
        Compilation compilation = compile("CheckpointOptionAtDepthTwo");
        assertThat(compilation).succeededWithoutWarnings();
        String source = indexSource(compilation);
        assertThat(source).contains(".checkpointPath(\"outer.inner.state\")");
        assertThat(source).contains(".checkpointData(\"checkpoint\", new DeepInputCalls(");
        assertThat(source).contains("return ((CheckpointOptionAtDepthTwo) c).checkpoint();");
        assertThat(source).doesNotContain(".checkpointAvailable(");
    }

    @Test
    void generatesNoCheckpointCallsForAnEmitterWithoutCheckpoint() {
        Compilation compilation = compile("NoCheckpoint");
        assertThat(compilation).succeededWithoutWarnings();
        String source = indexSource(compilation);
        assertThat(source).doesNotContain("checkpoint");
        assertThat(source).contains("OptionModel.builder(\"\", OptionModel.Kind.SERVICE, Jsonb.class).build()");
        assertThat(source).contains(".constructor(new PlainInputConstructor())");
        assertThat(source).contains("return new NoCheckpoint((String) args[0], (Jsonb) args[1], (int) args[2]);");
        assertThat(source).doesNotContain("@SuppressWarnings");
        // Without options there is nothing to read, write or create: no options class.
        assertThat(source).doesNotContain("PlainInputOptions");
    }

    @Test
    void acceptsCheckpointDataWithoutCheckpointAvailable() {
        Compilation compilation = compile("CheckpointDataWithoutCheckpointAvailable");
        assertThat(compilation).succeededWithoutWarnings();
        String source = indexSource(compilation);
        assertThat(source).contains(".checkpointPath(\"position\")");
        assertThat(source).contains(".checkpointData(");
        assertThat(source).doesNotContain(".checkpointAvailable(");
    }

    @Test
    void treatsANullBooleanFromCheckpointAvailableAsNotSafe() {
        Compilation compilation = compile("CheckpointAvailableReturnsBoxedBoolean");
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(indexSource(compilation)).contains(
                "return Boolean.TRUE.equals(((CheckpointAvailableReturnsBoxedBoolean) c).available());");
    }

    @Test
    void describesListsCredentialsAndWriteOnlyFields() {
        Compilation compilation = compile("ListAndCredentialOptions");
        assertThat(compilation).succeededWithoutWarnings();
        String source = indexSource(compilation);
        // The casts to List<...> are unchecked: in the setters and the constructor, and only there.
        String unchecked = "@SuppressWarnings\\(\"unchecked\"\\)\\s+";
        assertThat(source).containsMatch(unchecked + "public void accept\\(Object o, Object v\\)");
        assertThat(source).containsMatch(unchecked + "public Object apply\\(Object\\[\\] args\\)");
        assertThat(source.split("@SuppressWarnings", -1)).hasLength(3);
        assertThat(source).contains("((ListAndCredentialOptions.Config) o).sizes = (List<Integer>) v;");
        assertThat(source).contains("OptionModel.builder(\"tags\", OptionModel.Kind.LIST, List.class)\n"
                + "            .element(OptionModel.builder(\"\", OptionModel.Kind.STRING, String.class).build())");
        assertThat(source).contains(
                ".element(OptionModel.builder(\"\", OptionModel.Kind.ENUM, ListAndCredentialOptions.Color.class).build())");
        assertThat(source).contains(
                ".element(OptionModel.builder(\"\", OptionModel.Kind.OBJECT, ListAndCredentialOptions.Server.class)\n"
                        + "                    .factory(new ListsInputOptions(4))");
        assertThat(source).contains("case 4:\n          return new ListAndCredentialOptions.Server();");
        assertThat(source).contains(
                "OptionModel.builder(\"token\", OptionModel.Kind.STRING, String.class).credential().build()");
        assertThat(source).contains(
                "OptionModel.builder(\"host\", OptionModel.Kind.STRING, String.class).required()");
        assertThat(source).contains(".field(null, new ListsInputOptions(7))");
        assertThat(source).contains("((ListAndCredentialOptions.Config) o).setSeparator((char) v);");
    }

    @Test
    void writesOneIndexInThePackageOfTheFirstEmitterWithComponentsSortedByFamilyThenName() {
        Compilation compilation = compile(fixture("multi/ZetaInput"), fixture("multi/AlphaInput"));
        assertThat(compilation).succeededWithoutWarnings();
        String source = indexSource(compilation);
        assertThat(source).contains("return List.of(\"a-family/zeta\", \"b-family/alpha\");");
        assertThat(source).contains("case \"a-family/zeta\":\n        return aFamilyZeta();");
        assertThat(compilation.generatedSourceFiles()).hasSize(1);
        assertThat(indexName(compilation)).matches("com\\.example\\.alpha\\.ConnectorKitIndex_[0-9a-f]{8}");
    }

    @Test
    void generatesTheSameSourceWhateverTheInputOrder() {
        Compilation first = compile(fixture("multi/ZetaInput"), fixture("multi/AlphaInput"));
        Compilation second = compile(fixture("multi/AlphaInput"), fixture("multi/ZetaInput"));
        assertThat(indexSource(second))
                .isEqualTo(indexSource(first));
        Compilation again = compile("CheckpointOptionAtDepthOne");
        assertThat(indexSource(again))
                .isEqualTo(indexSource(compile("CheckpointOptionAtDepthOne")));
    }

    @Test
    void givesTwoCompilationsOfOnePackageIndexesOfTheirOwn() {
        // A project's main and test emitters, or two connector jars, in one package: neither index may shadow the other.
        Compilation main = compile(fixture("samepackage/MainInput"));
        Compilation test = compile(fixture("samepackage/TestInput"));
        assertThat(main).succeededWithoutWarnings();
        assertThat(test).succeededWithoutWarnings();
        assertThat(indexName(main)).startsWith("com.example.shared.ConnectorKitIndex_");
        assertThat(indexName(test)).startsWith("com.example.shared.ConnectorKitIndex_");
        assertThat(indexName(main)).isNotEqualTo(indexName(test));
    }

    @Test
    void namesTheIndexAsTheBuildChooses() {
        Compilation compilation = javac()
                .withProcessors(new ConnectorProcessor())
                .withOptions("-Xlint:all,-processing", "-Aconnectorkit.index=com.acme.connectors.AcmeIndex")
                .compile(fixture("NoCheckpoint"));
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(serviceFile(compilation)).isEqualTo("com.acme.connectors.AcmeIndex\n");
        assertThat(generatedSource(compilation, "com.acme.connectors.AcmeIndex"))
                .contains("public final class AcmeIndex implements ComponentIndex");
    }

    @Test
    void refusesAChosenIndexNameThatIsNotAQualifiedClassName() {
        JavaFileObject fixture = fixture("NoCheckpoint");
        Compilation compilation = javac()
                .withProcessors(new ConnectorProcessor())
                .withOptions("-Aconnectorkit.index=Acme Index")
                .compile(fixture);
        assertThat(compilation).hadErrorContaining(Messages.INDEX_OPTION_INVALID.fragment())
                .inFile(fixture).onLineContaining("public class NoCheckpoint");
        assertThat(compilation).hadErrorContaining("'Acme Index'");
    }

    @Test
    void wrapsTheCallsOfMethodsThatDeclareCheckedExceptions() {
        Compilation compilation = compile("CheckedExceptions");
        assertThat(compilation).succeededWithoutWarnings();
        String source = indexSource(compilation);
        assertThat(source.replaceAll("\\s+", " ")).contains("case 0: try { "
                + "return ((CheckedExceptions) c).next(); } catch (RuntimeException | Error e) { throw e; } "
                + "catch (Throwable e) { throw new CheckedCallException(\"next\", e); } case");
        assertThat(source).contains("throw new CheckedCallException(\"<init>\", e);");
        assertThat(source).contains("throw new CheckedCallException(\"Config.<init>\", e);");
        assertThat(source).contains("throw new CheckedCallException(\"Config.setFailIn\", e);");
        assertThat(source).contains("throw new CheckedCallException(\"Config.getFailIn\", e);");
        // Methods without a throws clause are called without a try.
        assertThat(source).contains("case 2:\n          return ((CheckedExceptions.Config) o).getState();");
        assertThat(source).contains("case 2:\n"
                + "          ((CheckedExceptions.Config) o).setState((CheckedExceptions.State) v);\n"
                + "          return;");
    }

    private static String expected(String name) throws IOException {
        try (InputStream in = IndexGenerationTest.class.getResourceAsStream("/expected/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
