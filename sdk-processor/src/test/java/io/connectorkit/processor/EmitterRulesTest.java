package io.connectorkit.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.connectorkit.processor.Fixtures.compile;
import static io.connectorkit.processor.Fixtures.fixture;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** The {@code @Emitter}, {@code @Producer} and lifecycle rules, one test each. */
class EmitterRulesTest {

    @Test
    void rejectsBlankFamily() {
        JavaFileObject fixture = fixture("EmitterBlankFamily");
        Compilation compilation = compile(fixture);
        assertThat(compilation).hadErrorContaining(Messages.EMITTER_BLANK_ID.fragment())
                .inFile(fixture).onLineContaining("@Emitter(family = \" \", name = \"input\")");
    }

    @Test
    void rejectsSecondEmitterWithSameFamilyAndName() {
        JavaFileObject fixture = fixture("EmitterDuplicateId");
        Compilation compilation = compile(fixture);
        assertThat(compilation).hadErrorContaining(Messages.EMITTER_DUPLICATE_ID.fragment())
                .inFile(fixture).onLineContaining("// the duplicate");
        assertThat(compilation).hadErrorContaining("dup/same is also used by com.example.EmitterDuplicateId.A");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void rejectsInnerEmitterClass() {
        JavaFileObject fixture = fixture("EmitterInnerClass");
        Compilation compilation = compile(fixture);
        assertThat(compilation).hadErrorContaining(Messages.EMITTER_CLASS_SHAPE.fragment())
                .inFile(fixture).onLineContaining("public class Inner");
    }

    @Test
    void rejectsEmitterWithTwoPublicConstructors() {
        JavaFileObject fixture = fixture("EmitterTwoConstructors");
        Compilation compilation = compile(fixture);
        assertThat(compilation).hadErrorContaining(Messages.EMITTER_CONSTRUCTOR_COUNT.fragment())
                .inFile(fixture).onLineContaining("public class EmitterTwoConstructors");
    }

    @Test
    void rejectsConstructorParameterThatIsNeitherOptionNorService() {
        JavaFileObject fixture = fixture("EmitterConstructorParameterNotOption");
        Compilation compilation = compile(fixture);
        assertThat(compilation).hadErrorContaining(Messages.EMITTER_CONSTRUCTOR_PARAMETER.fragment())
                .inFile(fixture).onLineContaining("Runnable callback");
        assertThat(compilation).hadErrorContaining("not java.lang.Runnable");
    }

    @Test
    void rejectsEmitterWithoutProducer() {
        JavaFileObject fixture = fixture("EmitterWithoutProducer");
        Compilation compilation = compile(fixture);
        assertThat(compilation).hadErrorContaining(Messages.PRODUCER_MISSING.fragment())
                .inFile(fixture).onLineContaining("public class EmitterWithoutProducer");
    }

    @Test
    void rejectsEachExtraProducer() {
        JavaFileObject fixture = fixture("EmitterWithTwoProducers");
        Compilation compilation = compile(fixture);
        assertThat(compilation).hadErrorContaining(Messages.PRODUCER_EXTRA.fragment())
                .inFile(fixture).onLineContaining("public Object second()");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void rejectsProducerReturningPrimitive() {
        JavaFileObject fixture = fixture("ProducerReturnsPrimitive");
        Compilation compilation = compile(fixture);
        assertThat(compilation).hadErrorContaining(Messages.PRODUCER_SIGNATURE.fragment())
                .inFile(fixture).onLineContaining("public int next()");
    }

    @Test
    void rejectsPreDestroyWithParameter() {
        JavaFileObject fixture = fixture("PreDestroyWithParameter");
        Compilation compilation = compile(fixture);
        assertThat(compilation).hadErrorContaining("@PreDestroy on close(): " + Messages.LIFECYCLE_SIGNATURE.fragment())
                .inFile(fixture).onLineContaining("public void close(boolean force)");
    }
}
