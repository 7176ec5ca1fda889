package io.connectorkit.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.connectorkit.processor.Fixtures.compile;
import static io.connectorkit.processor.Fixtures.fixture;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** The {@code @Version} rules, one test each. */
class VersionRulesTest {

    @Test
    void rejectsVersionBelowOne() {
        JavaFileObject fixture = fixture("VersionZero");
        Compilation compilation = compile(fixture);
        assertThat(compilation).hadErrorContaining(Messages.VERSION_VALUE.fragment())
                .inFile(fixture).onLineContaining("@Version(0)");
    }

    @Test
    void rejectsMigrationHandlerWithoutNoArgConstructor() {
        JavaFileObject fixture = fixture("VersionHandlerWithoutNoArgConstructor");
        Compilation compilation = compile(fixture);
        assertThat(compilation).hadErrorContaining(Messages.VERSION_HANDLER.fragment())
                .inFile(fixture).onLineContaining("@Version(value = 2, migrationHandler");
    }

    @Test
    void rejectsVersionOnAnInterface() {
        JavaFileObject fixture = fixture("VersionOnInterface");
        Compilation compilation = compile(fixture);
        assertThat(compilation).hadErrorContaining(Messages.VERSION_PLACEMENT.fragment())
                .inFile(fixture).onLineContaining("@Version(2)");
    }

    @Test
    void acceptsVersionOnAConfigurationClassAndIndexesIt() {
        Compilation compilation = compile("VersionOnConfigurationClass");
        assertThat(compilation).succeededWithoutWarnings();
        String source = Fixtures.indexSource(compilation);
        assertThat(source).contains("OptionModel.builder(\"config\", OptionModel.Kind.OBJECT, "
                + "VersionOnConfigurationClass.Config.class)\n"
                + "            .factory(new VersionConfigurationOptions(0))\n"
                + "            .version(new VersionModel(2, new VersionConfigurationCalls(0)))");
        assertThat(source).contains("public MigrationHandler get() {\n"
                + "      return new VersionOnConfigurationClass.ConfigMigration();\n    }");
        // A configuration class without @Version keeps the default, which is not written out.
        assertThat(source).containsMatch("\\.factory\\(new VersionConfigurationOptions\\(2\\)\\)\\s+\\.field");
    }
}
