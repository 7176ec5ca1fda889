package io.connectorkit.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.connectorkit.processor.Fixtures.compile;
import static io.connectorkit.processor.Fixtures.fixture;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** The rules of a {@code @Checkpoint} class, one test each. */
class CheckpointClassRulesTest {

    @Test
    void rejectsCheckpointClassWithoutNoArgConstructor() {
        JavaFileObject fixture = fixture("CheckpointClassWithoutNoArgConstructor");
        Compilation compilation = compile(fixture);
        assertThat(compilation).hadErrorContaining(Messages.CHECKPOINT_CLASS_SHAPE.fragment())
                .inFile(fixture).onLineContaining("public static class State");
    }

    @Test
    void rejectsCheckpointOptionWithSetterButNoGetter() {
        JavaFileObject fixture = fixture("CheckpointFieldWithoutGetter");
        Compilation compilation = compile(fixture);
        assertThat(compilation).hadErrorContaining(Messages.CHECKPOINT_FIELD_ACCESS.fragment())
                .inFile(fixture).onLineContaining("@Option private long offset;");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void rejectsOptionWithoutGetterInConfigurationClassNestedInCheckpoint() {
        JavaFileObject fixture = fixture("CheckpointNestedFieldWithoutGetter");
        Compilation compilation = compile(fixture);
        assertThat(compilation).hadErrorContaining(Messages.CHECKPOINT_FIELD_ACCESS.fragment())
                .inFile(fixture).onLineContaining("@Option private String token;");
    }

    @Test
    void rejectsJsonbAnnotationInCheckpointClass() {
        JavaFileObject fixture = fixture("CheckpointWithJsonbProperty");
        Compilation compilation = compile(fixture);
        assertThat(compilation).hadErrorContaining("@JsonbProperty on lastId: " + Messages.CHECKPOINT_JSONB.fragment())
                .inFile(fixture).onLineContaining("@JsonbProperty(\"last_id\")");
    }

    @Test
    void rejectsCheckpointFieldThatIsNotAnOption() {
        JavaFileObject fixture = fixture("CheckpointWithPlainField");
        Compilation compilation = compile(fixture);
        assertThat(compilation).hadErrorContaining(Messages.CHECKPOINT_NON_OPTION_FIELD.fragment())
                .inFile(fixture).onLineContaining("public long lastSeen;");
        // The transient field is allowed.
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void rejectsCredentialInCheckpointClass() {
        JavaFileObject fixture = fixture("CheckpointWithCredential");
        Compilation compilation = compile(fixture);
        assertThat(compilation).hadErrorContaining(Messages.CHECKPOINT_CREDENTIAL.fragment())
                .inFile(fixture).onLineContaining("public String sessionToken;");
    }

    @Test
    void rejectsZeroCheckpointInterval() {
        JavaFileObject fixture = fixture("CheckpointZeroInterval");
        Compilation compilation = compile(fixture);
        assertThat(compilation).hadErrorContaining(Messages.CHECKPOINT_INTERVAL.fragment())
                .inFile(fixture).onLineContaining("@Checkpoint(interval = 0)");
    }
}
