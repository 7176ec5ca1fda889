package io.connectorkit.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static io.connectorkit.processor.Fixtures.compile;
import static io.connectorkit.processor.Fixtures.fixture;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** How the processor behaves as a whole: all problems, no code for broken emitters, internal errors, debug. */
class ProcessorBehaviourTest {

    @Test
    void reportsAllProblemsAndGeneratesCodeOnlyForValidEmitters() {
        JavaFileObject fixture = fixture("OneValidOneInvalidEmitter");
        Compilation compilation = javac()
                .withProcessors(new ConnectorProcessor())
                .withOptions("-Aconnectorkit.debug=true")
                .compile(fixture);
        assertThat(compilation).hadErrorContaining(Messages.PRODUCER_SIGNATURE.fragment())
                .inFile(fixture).onLineContaining("public void next()");
        assertThat(compilation).hadErrorContaining(Messages.CHECKPOINT_AVAILABLE_WITHOUT_DATA.fragment())
                .inFile(fixture).onLineContaining("public boolean isReady()");
        assertThat(compilation).hadErrorCount(2);
        // compile-testing hides the files of a failed compilation; the debug notes say what was generated.
        assertThat(compilation).hadNoteContaining("no code for com.example.OneValidOneInvalidEmitter.Bad");
        assertThat(compilation).hadNoteContaining("wrote com.example.ConnectorKitIndex_");
    }

    @Test
    void turnsAnExceptionIntoOneInternalError() {
        JavaFileObject fixture = fixture("NoCheckpoint");
        Compilation compilation = javac().withProcessors(new BrokenEnvironmentProcessor()).compile(fixture);
        assertThat(compilation).hadErrorContaining(Messages.INTERNAL_ERROR);
        assertThat(compilation).hadErrorContaining("java.lang.IllegalStateException: no type utilities");
        assertThat(compilation).hadErrorContaining("at io.connectorkit.processor.ConnectorProcessor");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void printsDecisionsOnlyWithTheDebugOption() {
        Compilation quiet = compile("NoCheckpoint");
        assertThat(quiet.notes()).isEmpty();

        Compilation debug = javac()
                .withProcessors(new ConnectorProcessor())
                .withOptions("-Xlint:all,-processing", "-Aconnectorkit.debug=true")
                .compile(fixture("NoCheckpoint"));
        assertThat(debug).succeededWithoutWarnings();
        assertThat(debug).hadNoteContaining("[connectorkit] wrote com.example.plain.ConnectorKitIndex_");
    }

    @Test
    void rejectsAnEmitterGeneratedAfterTheIndexWasWritten() {
        Compilation compilation = javac()
                .withProcessors(new ConnectorProcessor(), new LateEmitterProcessor())
                .compile(fixture("NoCheckpoint"));
        assertThat(compilation).hadErrorContaining(Messages.EMITTER_AFTER_INDEX.fragment());
        assertThat(compilation).hadErrorCount(1);
        // The offending file is generated, so compile-testing cannot name it: check file and line by hand.
        Diagnostic<? extends JavaFileObject> error = compilation.errors().get(0);
        assertThat(error.getSource().getName()).endsWith("LateInput.java");
        assertThat(error.getLineNumber()).isEqualTo(LateEmitterProcessor.CLASS_LINE);
    }

    /** Generates an emitter in the first round, as a third-party processor could. */
    private static final class LateEmitterProcessor extends AbstractProcessor {
        static final long CLASS_LINE = 3;
        private boolean done;

        @Override
        public Set<String> getSupportedAnnotationTypes() {
            return Set.of("*");
        }

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return SourceVersion.latestSupported();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment roundEnv) {
            if (done) {
                return false;
            }
            done = true;
            try (Writer writer = processingEnv.getFiler().createSourceFile("com.example.late.LateInput").openWriter()) {
                writer.write("package com.example.late;\n"
                        + "@io.connectorkit.api.input.Emitter(family = \"late\", name = \"input\")\n"
                        + "public class LateInput {\n"
                        + "  @io.connectorkit.api.input.Producer public Object next() { return null; }\n"
                        + "}\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return false;
        }
    }

    /** Runs a real ConnectorProcessor in an environment whose type utilities fail, as a processor bug would. */
    private static final class BrokenEnvironmentProcessor extends AbstractProcessor {
        private final ConnectorProcessor delegate = new ConnectorProcessor();

        @Override
        public synchronized void init(ProcessingEnvironment environment) {
            super.init(environment);
            delegate.init(new BrokenEnvironment(environment));
        }

        @Override
        public Set<String> getSupportedAnnotationTypes() {
            return delegate.getSupportedAnnotationTypes();
        }

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return delegate.getSupportedSourceVersion();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment roundEnv) {
            return delegate.process(annotations, roundEnv);
        }
    }

    private static final class BrokenEnvironment implements ProcessingEnvironment {
        private final ProcessingEnvironment real;

        BrokenEnvironment(ProcessingEnvironment real) {
            this.real = real;
        }

        @Override
        public Types getTypeUtils() {
            throw new IllegalStateException("no type utilities");
        }

        @Override
        public Map<String, String> getOptions() {
            return real.getOptions();
        }

        @Override
        public Messager getMessager() {
            return real.getMessager();
        }

        @Override
        public Filer getFiler() {
            return real.getFiler();
        }

        @Override
        public Elements getElementUtils() {
            return real.getElementUtils();
        }

        @Override
        public SourceVersion getSourceVersion() {
            return real.getSourceVersion();
        }

        @Override
        public Locale getLocale() {
            return real.getLocale();
        }
    }
}
