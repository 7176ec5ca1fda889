package io.connectorkit.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.connectorkit.processor.Fixtures.compile;
import static io.connectorkit.processor.Fixtures.fixture;
import static io.connectorkit.processor.Fixtures.generatedSource;
import static io.connectorkit.processor.Fixtures.serviceFile;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What the processor generates for valid emitters. */
class IndexGenerationTest {

    @Test
    void generatesTheExpectedIndexForACheckpointInAConfigurationClass() throws IOException {
        Compilation compilation = compile("CheckpointOptionAtDepthOne");
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(generatedSource(compilation, "com.example.depthone.ConnectorKitIndex"))
                .isEqualTo(expected("CheckpointOptionAtDepthOne.ConnectorKitIndex.java"));
        assertThat(serviceFile(compilation)).isEqualTo("com.example.depthone.ConnectorKitIndex\n");
    }

    @Test
    void usesTheParameterNameAsPathOfARootCheckpointOption() {
        Compilation compilation = compile("CheckpointOptionAsRootParameter");
        assertThat(compilation).succeededWithoutWarnings();
        String source = generatedSource(compilation, "com.example.root.ConnectorKitIndex");
        assertThat(source).contains(".checkpointPath(\"checkpoint\")");
        assertThat(source).contains("OptionModel.builder(\"limit\", OptionModel.Kind.INT, Integer.class).build()");
        assertThat(source).contains("Checkpoint.Frequency.RECORD, 10L)");
        assertThat(source).contains(".checkpointAvailable(c -> ((CheckpointOptionAsRootParameter) c).safe())");
    }

    @Test
    void findsACheckpointOptionTwoConfigurationClassesDeep() {
        Compilation compilation = compile("CheckpointOptionAtDepthTwo");
        assertThat(compilation).succeededWithoutWarnings();
        String source = generatedSource(compilation, "com.example.depthtwo.ConnectorKitIndex");
        assertThat(source).contains(".checkpointPath(\"outer.inner.state\")");
        assertThat(source).contains(".checkpointData(c -> ((CheckpointOptionAtDepthTwo) c).checkpoint())");
        assertThat(source).doesNotContain(".checkpointAvailable(");
    }

    @Test
    void generatesNoCheckpointCallsForAnEmitterWithoutCheckpoint() {
        Compilation compilation = compile("NoCheckpoint");
        assertThat(compilation).succeededWithoutWarnings();
        String source = generatedSource(compilation, "com.example.plain.ConnectorKitIndex");
        assertThat(source).doesNotContain("checkpoint");
        assertThat(source).contains("OptionModel.builder(\"\", OptionModel.Kind.SERVICE, Jsonb.class).build()");
        assertThat(source).contains(
                ".constructor(args -> new NoCheckpoint((String) args[0], (Jsonb) args[1], (int) args[2]))");
        assertThat(source).doesNotContain("@SuppressWarnings");
    }

    @Test
    void acceptsCheckpointDataWithoutCheckpointAvailable() {
        Compilation compilation = compile("CheckpointDataWithoutCheckpointAvailable");
        assertThat(compilation).succeededWithoutWarnings();
        String source = generatedSource(compilation, "com.example.dataonly.ConnectorKitIndex");
        assertThat(source).contains(".checkpointPath(\"position\")");
        assertThat(source).contains(".checkpointData(");
        assertThat(source).doesNotContain(".checkpointAvailable(");
    }

    @Test
    void treatsANullBooleanFromCheckpointAvailableAsNotSafe() {
        Compilation compilation = compile("CheckpointAvailableReturnsBoxedBoolean");
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(generatedSource(compilation, "com.example.boxed.ConnectorKitIndex")).contains(
                ".checkpointAvailable(c -> Boolean.TRUE.equals(((CheckpointAvailableReturnsBoxedBoolean) c).available()))");
    }

    @Test
    void describesListsCredentialsAndWriteOnlyFields() {
        Compilation compilation = compile("ListAndCredentialOptions");
        assertThat(compilation).succeededWithoutWarnings();
        String source = generatedSource(compilation, "com.example.lists.ConnectorKitIndex");
        assertThat(source).contains("@SuppressWarnings(\"unchecked\")");
        assertThat(source).contains("OptionModel.builder(\"tags\", OptionModel.Kind.LIST, List.class)\n"
                + "            .element(OptionModel.builder(\"\", OptionModel.Kind.STRING, String.class).build())");
        assertThat(source).contains(
                ".element(OptionModel.builder(\"\", OptionModel.Kind.ENUM, ListAndCredentialOptions.Color.class).build())");
        assertThat(source).contains(
                ".element(OptionModel.builder(\"\", OptionModel.Kind.OBJECT, ListAndCredentialOptions.Server.class)\n"
                        + "                    .factory(ListAndCredentialOptions.Server::new)");
        assertThat(source).contains(
                "OptionModel.builder(\"token\", OptionModel.Kind.STRING, String.class).credential().build()");
        assertThat(source).contains(
                "OptionModel.builder(\"host\", OptionModel.Kind.STRING, String.class).required()");
        assertThat(source).contains(
                ".field(null, (o, v) -> ((ListAndCredentialOptions.Config) o).setSeparator((char) v))");
    }

    @Test
    void writesOneIndexInThePackageOfTheFirstEmitterWithComponentsSortedByFamilyThenName() {
        Compilation compilation = compile(fixture("multi/ZetaInput"), fixture("multi/AlphaInput"));
        assertThat(compilation).succeededWithoutWarnings();
        String source = generatedSource(compilation, "com.example.alpha.ConnectorKitIndex");
        assertThat(source).contains("return List.of(aFamilyZeta(), bFamilyAlpha());");
        assertThat(compilation.generatedSourceFiles()).hasSize(1);
        assertThat(serviceFile(compilation)).isEqualTo("com.example.alpha.ConnectorKitIndex\n");
    }

    @Test
    void generatesTheSameSourceWhateverTheInputOrder() {
        Compilation first = compile(fixture("multi/ZetaInput"), fixture("multi/AlphaInput"));
        Compilation second = compile(fixture("multi/AlphaInput"), fixture("multi/ZetaInput"));
        assertThat(generatedSource(second, "com.example.alpha.ConnectorKitIndex"))
                .isEqualTo(generatedSource(first, "com.example.alpha.ConnectorKitIndex"));
        Compilation again = compile("CheckpointOptionAtDepthOne");
        assertThat(generatedSource(again, "com.example.depthone.ConnectorKitIndex"))
                .isEqualTo(generatedSource(compile("CheckpointOptionAtDepthOne"), "com.example.depthone.ConnectorKitIndex"));
    }

    private static String expected(String name) throws IOException {
        try (InputStream in = IndexGenerationTest.class.getResourceAsStream("/expected/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
