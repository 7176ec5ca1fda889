package io.connectorkit.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.connectorkit.processor.Fixtures.compile;
import static io.connectorkit.processor.Fixtures.fixture;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** The {@code @Option} and {@code @Credential} rules, one test each. */
class OptionRulesTest {

    @Test
    void rejectsOptionNameThatIsNotAnIdentifier() {
        JavaFileObject fixture = fixture("OptionNameWithDot");
        Compilation compilation = compile(fixture);
        assertThat(compilation).hadErrorContaining(Messages.OPTION_NAME_INVALID.fragment())
                .inFile(fixture).onLineContaining("@Option(\"server.url\")");
    }

    @Test
    void rejectsDuplicateOptionNameAmongSiblings() {
        JavaFileObject fixture = fixture("DuplicateOptionNames");
        Compilation compilation = compile(fixture);
        assertThat(compilation).hadErrorContaining(Messages.OPTION_NAME_DUPLICATE.fragment())
                .inFile(fixture).onLineContaining("public String secondary;");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void rejectsFinalAndStaticOptionFieldsWithoutSetter() {
        JavaFileObject fixture = fixture("OptionFieldWithoutSetter");
        Compilation compilation = compile(fixture);
        assertThat(compilation).hadErrorContaining(Messages.OPTION_FIELD_ACCESS.fragment())
                .inFile(fixture).onLineContaining("public final String url");
        assertThat(compilation).hadErrorContaining(Messages.OPTION_FIELD_ACCESS.fragment())
                .inFile(fixture).onLineContaining("public static String region;");
    }

    @Test
    void rejectsEveryUnsupportedOptionTypeNamingIt() {
        JavaFileObject fixture = fixture("UnsupportedOptionTypes");
        Compilation compilation = compile(fixture);
        String fragment = Messages.OPTION_TYPE_UNSUPPORTED.fragment();
        assertThat(compilation).hadErrorContaining(fragment + "java.util.Map<java.lang.String,java.lang.String>")
                .inFile(fixture).onLineContaining("Map<String, String> headers;");
        assertThat(compilation).hadErrorContaining(fragment + "java.lang.String[]")
                .inFile(fixture).onLineContaining("String[] names;");
        assertThat(compilation).hadErrorContaining(fragment + "java.util.List.")
                .inFile(fixture).onLineContaining("List rawList;");
        assertThat(compilation).hadErrorContaining(fragment + "java.util.List<? extends java.lang.Number>")
                .inFile(fixture).onLineContaining("wildcard;");
        assertThat(compilation).hadErrorContaining(fragment + "java.util.List<java.util.List<java.lang.String>>")
                .inFile(fixture).onLineContaining("nested;");
        assertThat(compilation).hadErrorContaining(fragment + "java.lang.Object")
                .inFile(fixture).onLineContaining("@Option(\"values\") Object values");
        assertThat(compilation).hadErrorContaining(fragment + "com.example.UnsupportedOptionTypes.Hidden")
                .inFile(fixture).onLineContaining("public Hidden hidden;");
        assertThat(compilation).hadErrorCount(7);
    }

    @Test
    void rejectsConfigurationClassWithoutNoArgConstructor() {
        JavaFileObject fixture = fixture("ConfigurationClassWithoutNoArgConstructor");
        Compilation compilation = compile(fixture);
        assertThat(compilation).hadErrorContaining(Messages.CONFIGURATION_CLASS_SHAPE.fragment())
                .inFile(fixture).onLineContaining("@Option(\"config\") Config config");
    }

    @Test
    void rejectsConfigurationClassThatContainsItself() {
        JavaFileObject fixture = fixture("ConfigurationCycle");
        Compilation compilation = compile(fixture);
        assertThat(compilation).hadErrorContaining(Messages.OPTION_CYCLE.fragment())
                .inFile(fixture).onLineContaining("// closes the cycle");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void rejectsCredentialWithoutOption() {
        JavaFileObject fixture = fixture("CredentialWithoutOption");
        Compilation compilation = compile(fixture);
        assertThat(compilation).hadErrorContaining(Messages.CREDENTIAL_WITHOUT_OPTION.fragment())
                .inFile(fixture).onLineContaining("@Credential public String password;");
    }

    @Test
    void rejectsCredentialOnNonStringOption() {
        JavaFileObject fixture = fixture("CredentialOnInt");
        Compilation compilation = compile(fixture);
        assertThat(compilation).hadErrorContaining(Messages.CREDENTIAL_NOT_STRING.fragment())
                .inFile(fixture).onLineContaining("@Option @Credential public int pin;");
    }
}
