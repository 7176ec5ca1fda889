package io.connectorkit.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/** Compiles fixtures from {@code src/test/resources/fixtures} with a fresh processor. */
final class Fixtures {

    private Fixtures() {
    }

    static JavaFileObject fixture(String name) {
        return JavaFileObjects.forResource("fixtures/" + name + ".java");
    }

    /** Compiles with every lint warning on, except "processing" (annotations no processor claims, by design). */
    static Compilation compile(JavaFileObject... sources) {
        return javac()
                .withProcessors(new ConnectorProcessor())
                .withOptions("-Xlint:all,-processing")
                .compile(Arrays.asList(sources));
    }

    static Compilation compile(String name) {
        return compile(fixture(name));
    }

    static String generatedSource(Compilation compilation, String qualifiedName) {
        try {
            return compilation.generatedSourceFile(qualifiedName).orElseThrow().getCharContent(false).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The qualified name of the index the compilation registered in its service file. */
    static String indexName(Compilation compilation) {
        return serviceFile(compilation).trim();
    }

    /** The source of the index the compilation registered. */
    static String indexSource(Compilation compilation) {
        return generatedSource(compilation, indexName(compilation));
    }

    static String serviceFile(Compilation compilation) {
        try {
            return compilation.generatedFile(StandardLocation.CLASS_OUTPUT, IndexGenerator.SERVICE_FILE)
                    .orElseThrow().getCharContent(false).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
