package io.connectorkit.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.connectorkit.processor.Fixtures.compile;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.connectorkit.processor.Messages.Message;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The rules of {@code @PartitionMapper}, its {@code @Emitter} factory and worker, {@code @Split},
 * {@code @PartitionSize}, {@code @Assessor}, {@code @SplitId} and {@code @CheckpointCommitted}: one test per rule, each
 * on a fixture that breaks only that rule of the valid {@code PartitionMapperValid}.
 */
class PartitionMapperRulesTest {

    private static JavaFileObject fixture(String name) {
        return PartitionMutants.fixture(name);
    }

    /** Compiles {@code name} and expects {@code message} on the line containing {@code line}. */
    private static Compilation rejects(String name, Message message, String line) {
        JavaFileObject fixture = fixture(name);
        Compilation compilation = compile(fixture);
        assertThat(compilation).hadErrorContaining(message.fragment()).inFile(fixture).onLineContaining(line);
        return compilation;
    }

    @Test
    void acceptsAValidPartitionMapperWithoutWarnings() {
        assertThat(compile(fixture("PartitionMapperValid"))).succeededWithoutWarnings();
    }

    @Test
    void rejectsAMapperWithoutSplit() {
        rejects("MapperWithoutSplit", Messages.MAPPER_SPLIT_MISSING, "public class MapperWithoutSplit");
    }

    @Test
    void rejectsASecondSplit() {
        rejects("MapperTwoSplits", Messages.MAPPER_SPLIT_EXTRA, "splitAgain(");
    }

    @Test
    void rejectsASplitNotReturningAListOfTheMapper() {
        Compilation compilation = rejects("MapperSplitReturnsStrings", Messages.MAPPER_SPLIT_RETURN,
                "public List<String> split(");
        assertThat(compilation).hadErrorContaining(
                "java.util.List<MapperSplitReturnsStrings>, not java.util.List<java.lang.String>");
    }

    @Test
    void rejectsASplitParameterWithoutPartitionSize() {
        rejects("MapperSplitWithoutPartitionSize", Messages.MAPPER_SPLIT_PARAMETER, "split(long desiredSize)");
    }

    @Test
    void rejectsAPartitionSizeThatIsNotALong() {
        rejects("MapperSplitTakesInt", Messages.MAPPER_SPLIT_PARAMETER, "split(@PartitionSize int desiredSize)");
    }

    @Test
    void rejectsAMapperWithoutWorkerFactory() {
        rejects("MapperWithoutFactory", Messages.MAPPER_FACTORY_MISSING, "public class MapperWithoutFactory");
    }

    @Test
    void rejectsASecondWorkerFactory() {
        rejects("MapperTwoFactories", Messages.MAPPER_FACTORY_EXTRA, "public Reader readAgain()");
    }

    @Test
    void rejectsAFactoryThatNamesTheComponent() {
        rejects("MapperFactoryWithId", Messages.MAPPER_FACTORY_ID, "@Emitter(family = \"part\"");
    }

    @Test
    void rejectsAFactoryWithParameters() {
        rejects("MapperFactoryWithParameter", Messages.MAPPER_FACTORY_SIGNATURE, "public Reader read(int copies)");
    }

    @Test
    void rejectsAWorkerWithoutProducer() {
        Compilation compilation = rejects("MapperWorkerWithoutProducer", Messages.MAPPER_WORKER_PRODUCER,
                "public Reader read()");
        assertThat(compilation).hadErrorContaining("but Reader has none");
    }

    @Test
    void rejectsAWorkerTheGeneratedCodeCannotCall() {
        rejects("MapperWorkerPrivate", Messages.MAPPER_WORKER_SHAPE, "public Reader read()");
    }

    @Test
    void rejectsAFactoryReturningAPrimitive() {
        Compilation compilation = rejects("MapperWorkerNotAClass", Messages.MAPPER_WORKER_SHAPE, "public int read()");
        assertThat(compilation).hadErrorContaining("not int");
    }

    @Test
    void rejectsAnAssessorReturningString() {
        rejects("MapperAssessorReturnsString", Messages.MAPPER_ASSESSOR_SIGNATURE, "public String estimateSize()");
    }

    @Test
    void rejectsASecondAssessor() {
        rejects("MapperTwoAssessors", Messages.MAPPER_ASSESSOR_EXTRA, "public long estimateAgain()");
    }

    @Test
    void rejectsASplitIdNotReturningString() {
        rejects("MapperSplitIdReturnsInt", Messages.MAPPER_SPLIT_ID_SIGNATURE, "public int splitId()");
    }

    @Test
    void rejectsASecondSplitId() {
        rejects("MapperTwoSplitIds", Messages.MAPPER_SPLIT_ID_EXTRA, "public String otherId()");
    }

    @Test
    void rejectsAnOptionParameterWithoutGetter() {
        Compilation compilation = rejects("MapperOptionWithoutGetter", Messages.MAPPER_OPTION_GETTER,
                "public MapperOptionWithoutGetter(@Option(\"configuration\") Config configuration)");
        assertThat(compilation).hadErrorContaining("getConfiguration() returning com.example.part.MapperOptionWithout"
                + "Getter.Config");
    }

    @Test
    void rejectsAProducerOnTheMapper() {
        Compilation compilation = rejects("MapperWithProducer", Messages.MAPPER_WORKER_METHOD,
                "public Object produce()");
        assertThat(compilation).hadErrorContaining("@Producer on produce(): a partition mapper has no @Producer"
                + " method");
    }

    @Test
    void rejectsALifecycleMethodOnTheMapper() {
        Compilation compilation = rejects("MapperWithPostConstruct", Messages.MAPPER_WORKER_METHOD,
                "public void init()");
        assertThat(compilation).hadErrorContaining("a partition mapper has no @PostConstruct method");
    }

    @Test
    void rejectsABlankMapperName() {
        Compilation compilation = rejects("MapperBlankName", Messages.EMITTER_BLANK_ID, "@PartitionMapper(family");
        assertThat(compilation).hadErrorContaining("@PartitionMapper on MapperBlankName: a component's family and "
                + "name must not be blank");
    }

    @Test
    void rejectsAMapperAndAnEmitterWithTheSameId() {
        JavaFileObject emitter = JavaFileObjects.forResource("fixtures/partition-dup/SameIdEmitter.java");
        JavaFileObject mapper = fixture("PartitionMapperValid");
        Compilation compilation = compile(mapper, emitter);
        // com.example.dup.SameIdEmitter sorts first, so the mapper is the duplicate.
        assertThat(compilation).hadErrorContaining("@PartitionMapper on PartitionMapperValid: "
                + Messages.EMITTER_DUPLICATE_ID.fragment()).inFile(mapper).onLineContaining("@PartitionMapper(family");
    }

    @Test
    void rejectsCheckpointCommittedWithoutCheckpointData() {
        rejects("WorkerCommittedWithoutData", Messages.CHECKPOINT_COMMITTED_WITHOUT_DATA,
                "public void committed(State durable)");
    }

    @Test
    void rejectsCheckpointCommittedReturningAValue() {
        rejects("WorkerCommittedReturnsBoolean", Messages.CHECKPOINT_COMMITTED_SIGNATURE,
                "public boolean committed(State durable)");
    }

    @Test
    void rejectsCheckpointCommittedTakingAnotherType() {
        Compilation compilation = rejects("WorkerCommittedTakesLong", Messages.CHECKPOINT_COMMITTED_PARAMETER,
                "public void committed(long durable)");
        assertThat(compilation).hadErrorContaining("com.example.part.WorkerCommittedTakesLong.State, not long");
    }

    @Test
    void rejectsASecondCheckpointCommitted() {
        rejects("WorkerTwoCommitted", Messages.CHECKPOINT_COMMITTED_EXTRA, "public void committedAgain(");
    }

    @Test
    void checksTheWorkersCheckpointDataAgainstTheMappersCheckpointOption() {
        rejects("WorkerCheckpointDataReturnsOtherType", Messages.CHECKPOINT_OPTION_TYPE, "public Other checkpoint()");
    }

    @Test
    void rejectsPartitionAnnotationsOutsideAMapper() {
        JavaFileObject fixture = fixture("StrayPartitionAnnotations");
        Compilation compilation = compile(fixture);
        assertThat(compilation).hadErrorContaining(Messages.MAPPER_FACTORY_OUTSIDE.fragment()).inFile(fixture)
                .onLineContaining("public Object read()");
        assertThat(compilation).hadErrorContaining("@Split on split(): @Split belongs on a method of a "
                + "@PartitionMapper class").inFile(fixture).onLineContaining("split(@PartitionSize long desiredSize)");
        assertThat(compilation).hadErrorContaining("@Assessor on estimateSize(): @Assessor belongs").inFile(fixture)
                .onLineContaining("public long estimateSize()");
        assertThat(compilation).hadErrorContaining("@SplitId on splitId(): @SplitId belongs").inFile(fixture)
                .onLineContaining("public String splitId()");
        assertThat(compilation).hadErrorContaining(Messages.PARTITION_SIZE_PLACEMENT.fragment()).inFile(fixture)
                .onLineContaining("public void resize(@PartitionSize long size)");
    }

    @Test
    void rejectsAnEmitterClassWithoutFamily() {
        rejects("EmitterWithoutFamily", Messages.EMITTER_BLANK_ID, "@Emitter(name = \"no-family\")");
    }

    @Test
    void acceptsCheckpointCommittedOnAPlainEmitter() {
        Compilation compilation = compile(fixture("EmitterCommitted"));
        assertThat(compilation).succeededWithoutWarnings();
    }
}
