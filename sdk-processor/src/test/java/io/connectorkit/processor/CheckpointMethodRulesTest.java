package io.connectorkit.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.connectorkit.processor.Fixtures.compile;
import static io.connectorkit.processor.Fixtures.fixture;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** The {@code @CheckpointAvailable} / {@code @CheckpointData} rules and how they relate to the option tree. */
class CheckpointMethodRulesTest {

    @Test
    void rejectsCheckpointAvailableWithoutCheckpointData() {
        JavaFileObject fixture = fixture("CheckpointAvailableWithoutCheckpointData");
        Compilation compilation = compile(fixture);
        assertThat(compilation).hadErrorContaining(
                        "@CheckpointAvailable on isReady(): "
                                + Messages.CHECKPOINT_AVAILABLE_WITHOUT_DATA.fragment() + ". "
                                + Messages.CHECKPOINT_AVAILABLE_WITHOUT_DATA.remedy() + ".")
                .inFile(fixture).onLineContaining("public boolean isReady()");
    }

    @Test
    void rejectsSecondCheckpointAvailableMethod() {
        JavaFileObject fixture = fixture("TwoCheckpointAvailableMethods");
        Compilation compilation = compile(fixture);
        assertThat(compilation).hadErrorContaining(Messages.CHECKPOINT_AVAILABLE_EXTRA.fragment())
                .inFile(fixture).onLineContaining("public boolean isAlsoReady()");
    }

    @Test
    void rejectsSecondCheckpointDataMethod() {
        JavaFileObject fixture = fixture("TwoCheckpointDataMethods");
        Compilation compilation = compile(fixture);
        assertThat(compilation).hadErrorContaining(Messages.CHECKPOINT_DATA_EXTRA.fragment())
                .inFile(fixture).onLineContaining("public State checkpointAgain()");
    }

    @Test
    void rejectsStaticCheckpointAvailable() {
        JavaFileObject fixture = fixture("CheckpointAvailableStatic");
        Compilation compilation = compile(fixture);
        assertThat(compilation).hadErrorContaining(Messages.CHECKPOINT_AVAILABLE_SIGNATURE.fragment())
                .inFile(fixture).onLineContaining("public static boolean isReady()");
    }

    @Test
    void rejectsCheckpointDataWithParameter() {
        JavaFileObject fixture = fixture("CheckpointDataWithParameter");
        Compilation compilation = compile(fixture);
        assertThat(compilation).hadErrorContaining(Messages.CHECKPOINT_DATA_SIGNATURE.fragment())
                .inFile(fixture).onLineContaining("public State checkpoint(boolean copy)");
    }

    @Test
    void rejectsCheckpointAvailableReturningString() {
        JavaFileObject fixture = fixture("CheckpointAvailableReturnsString");
        Compilation compilation = compile(fixture);
        assertThat(compilation).hadErrorContaining(Messages.CHECKPOINT_AVAILABLE_RETURN.fragment())
                .inFile(fixture).onLineContaining("public String isReady()");
        assertThat(compilation).hadErrorContaining("not java.lang.String");
    }

    @Test
    void rejectsCheckpointDataNotReturningCheckpointClass() {
        JavaFileObject fixture = fixture("CheckpointDataReturnsObject");
        Compilation compilation = compile(fixture);
        assertThat(compilation).hadErrorContaining(Messages.CHECKPOINT_DATA_RETURN.fragment())
                .inFile(fixture).onLineContaining("public Object checkpoint()");
    }

    @Test
    void rejectsCheckpointDataWhenNoCheckpointOptionIsReached() {
        JavaFileObject fixture = fixture("CheckpointDataWithoutCheckpointOption");
        Compilation compilation = compile(fixture);
        assertThat(compilation).hadErrorContaining(Messages.CHECKPOINT_OPTION_MISSING.fragment())
                .inFile(fixture).onLineContaining("public State checkpoint()");
    }

    @Test
    void rejectsEachExtraCheckpointOption() {
        JavaFileObject fixture = fixture("TwoCheckpointOptions");
        Compilation compilation = compile(fixture);
        assertThat(compilation).hadErrorContaining(Messages.CHECKPOINT_OPTION_EXTRA.fragment())
                .inFile(fixture).onLineContaining("// the extra checkpoint");
        assertThat(compilation).hadErrorContaining("in addition to config.first");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void rejectsCheckpointDataReturningAnotherCheckpointClassThanTheOption() {
        JavaFileObject fixture = fixture("CheckpointDataReturnsOtherCheckpoint");
        Compilation compilation = compile(fixture);
        assertThat(compilation).hadErrorContaining(Messages.CHECKPOINT_OPTION_TYPE.fragment())
                .inFile(fixture).onLineContaining("public Other checkpoint()");
    }

    @Test
    void rejectsCheckpointClassInsideList() {
        JavaFileObject fixture = fixture("CheckpointInsideList");
        Compilation compilation = compile(fixture);
        assertThat(compilation).hadErrorContaining(Messages.CHECKPOINT_IN_LIST.fragment())
                .inFile(fixture).onLineContaining("List<State> history");
    }

    @Test
    void rejectsCheckpointClassThatNoEmitterReaches() {
        JavaFileObject fixture = fixture("UnusedCheckpoint");
        Compilation compilation = compile(fixture);
        assertThat(compilation).hadErrorContaining(Messages.CHECKPOINT_UNUSED.fragment())
                .inFile(fixture).onLineContaining("public class UnusedCheckpoint");
    }
}
