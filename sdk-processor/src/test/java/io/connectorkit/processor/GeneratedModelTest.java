package io.connectorkit.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.connectorkit.api.input.checkpoint.Checkpoint;
import io.connectorkit.api.spi.CheckedCallException;
import io.connectorkit.api.spi.ComponentIndex;
import io.connectorkit.api.spi.ComponentModel;
import io.connectorkit.api.spi.OptionModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/** Loads the compiled index of a fixture and checks the model it builds, calls included. */
class GeneratedModelTest {

    /** Defines the classes of a compilation's output, the generated index included. */
    private static final class CompilationClassLoader extends ClassLoader {
        private final Compilation compilation;

        CompilationClassLoader(Compilation compilation) {
            super(GeneratedModelTest.class.getClassLoader());
            this.compilation = compilation;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            JavaFileObject file = compilation
                    .generatedFile(StandardLocation.CLASS_OUTPUT, name.replace('.', '/') + ".class")
                    .orElseThrow(() -> new ClassNotFoundException(name));
            try (InputStream in = file.openInputStream()) {
                byte[] bytes = in.readAllBytes();
                return defineClass(name, bytes, 0, bytes.length);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void buildsAWorkingModelOfTheEmitter() throws Exception {
        Compilation compilation = Fixtures.compile("CheckpointOptionAtDepthOne");
        assertThat(compilation).succeededWithoutWarnings();
        ClassLoader loader = new CompilationClassLoader(compilation);
        ComponentIndex index = (ComponentIndex) loader.loadClass(Fixtures.indexName(compilation))
                .getConstructor().newInstance();

        assertThat(index.componentIds()).containsExactly("checkpoint/list-input");
        ComponentModel model = index.component("checkpoint/list-input");
        assertThat(model.id()).isEqualTo("checkpoint/list-input");
        assertThat(model.version().value()).isEqualTo(3);
        assertThat(model.version().migrationHandler().get().getClass().getName())
                .isEqualTo("com.example.depthone.CheckpointOptionAtDepthOne$Migration");
        assertThat(model.checkpointPath()).isEqualTo("configuration.checkpoint");
        assertThat(model.supportsCheckpoints()).isTrue();
        assertThat(model.parameters().stream().map(OptionModel::kind).collect(Collectors.toList()))
                .containsExactly(OptionModel.Kind.SERVICE, OptionModel.Kind.OBJECT).inOrder();

        OptionModel configuration = model.parameters().get(1);
        assertThat(configuration.children().stream().map(OptionModel::name).collect(Collectors.toList()))
                .containsExactly("total", "password", "checkpoint").inOrder();
        assertThat(configuration.child("total").required()).isTrue();
        assertThat(configuration.child("total").primitive()).isTrue();
        assertThat(configuration.child("password").credential()).isTrue();
        OptionModel checkpoint = configuration.child("checkpoint");
        assertThat(checkpoint.checkpoint().frequency()).isEqualTo(Checkpoint.Frequency.TIME);
        assertThat(checkpoint.checkpoint().interval()).isEqualTo(500L);
        assertThat(checkpoint.checkpoint().version().value()).isEqualTo(2);
        assertThat(checkpoint.child("strategy").kind()).isEqualTo(OptionModel.Kind.ENUM);

        // Bind a configuration through the generated accessors, then run the emitter through the generated calls.
        Object config = configuration.factory().get();
        configuration.child("total").setter().accept(config, 2);
        Object state = checkpoint.getter().apply(config);
        checkpoint.child("lastId").setter().accept(state, 0L);
        Object emitter = model.constructor().apply(new Object[] {
                jakarta.json.Json.createBuilderFactory(java.util.Map.of()), config});
        model.postConstruct().forEach(call -> call.call().accept(emitter));
        assertThat(model.producer().apply(emitter).toString()).isEqualTo("{\"id\":1}");
        assertThat(model.checkpointAvailable().test(emitter)).isTrue();
        Object captured = model.checkpointData().apply(emitter);
        assertThat(checkpoint.child("lastId").getter().apply(captured)).isEqualTo(1L);
        assertThat(model.producer().apply(emitter).toString()).isEqualTo("{\"id\":2}");
        assertThat(model.producer().apply(emitter)).isNull();
    }

    @Test
    void buildsTheModelOfAnInfiniteEmitterWithItsBacklog() throws Exception {
        Compilation compilation = Fixtures.compile(JavaFileObjects.forResource(
                "fixtures/backlog/InfiniteWithBacklog.java"));
        assertThat(compilation).succeededWithoutWarnings();
        ComponentIndex index = (ComponentIndex) new CompilationClassLoader(compilation)
                .loadClass(Fixtures.indexName(compilation)).getConstructor().newInstance();
        ComponentModel model = index.component("stream/infinite");
        assertThat(model.infinite()).isTrue();
        assertThat(model.backlogMethod()).isEqualTo("backlog");
        assertThat(model.backlogUnit()).isEqualTo("bytes");
        Object state = model.parameters().get(0).factory().get();
        Object emitter = model.constructor().apply(new Object[] {state});
        assertThat(model.backlog().apply(emitter)).isEqualTo(10L);
        model.producer().apply(emitter);
        model.producer().apply(emitter);
        assertThat(model.backlog().apply(emitter)).isEqualTo(8L);

        ComponentModel finite = loadIndex("CheckpointOptionAtDepthOne").component("checkpoint/list-input");
        assertThat(finite.infinite()).isFalse();
        assertThat(finite.backlog()).isNull();
    }

    @Test
    void buildsAWorkingModelOfAPartitionMapperAndItsWorker() throws Exception {
        Compilation compilation = javac().withProcessors(new ConnectorProcessor()).withOptions("-Xlint:all,-processing")
                .compile(JavaFileObjects.forResource("fixtures/partition/PartitionMapperValid.java"));
        assertThat(compilation).succeededWithoutWarnings();
        ComponentIndex index = (ComponentIndex) new CompilationClassLoader(compilation)
                .loadClass(Fixtures.indexName(compilation)).getConstructor().newInstance();
        ComponentModel model = index.component("part/partitionmappervalid");
        assertThat(model.kind()).isEqualTo(ComponentModel.Kind.PARTITION_MAPPER);
        assertThat(model.workerType().getName()).isEqualTo("com.example.part.PartitionMapperValid$Reader");
        assertThat(model.checkpointPath()).isEqualTo("configuration.state");
        assertThat(model.configurationReaders().keySet()).containsExactly("configuration");
        assertThat(model.splitMethod()).isEqualTo("split");
        assertThat(model.workerFactoryMethod()).isEqualTo("read");
        assertThat(model.checkpointCommittedMethod()).isEqualTo("committed");

        OptionModel configuration = model.parameters().get(0);
        Object config = configuration.factory().get();
        configuration.child("parts").setter().accept(config, 3);
        Object mapper = model.constructor().apply(new Object[] {config});
        assertThat(model.assessor().apply(mapper)).isEqualTo(9L);
        List<?> splits = (List<?>) model.split().split(mapper, 1L);
        assertThat(splits).hasSize(3);
        assertThat(model.splitId().apply(splits.get(2))).isEqualTo("part-2");
        Object second = model.configurationReaders().get("configuration").call().apply(splits.get(1));
        assertThat(configuration.child("part").getter().apply(second)).isEqualTo(1);

        // The worker of the second split, driven through the worker calls of the same model.
        Object worker = model.workerFactory().apply(splits.get(1));
        assertThat(worker.getClass()).isEqualTo(model.workerType());
        model.postConstruct().forEach(call -> call.call().accept(worker));
        assertThat(model.producer().apply(worker)).isEqualTo(101L);
        Object state = model.checkpointData().apply(worker);
        model.checkpointCommitted().accept(worker, state);
        assertThat(worker.getClass().getField("committed").get(worker)).isEqualTo(List.of(1L));
    }

    @Test
    void callsAPlainEmittersCheckpointCommittedWithTheCheckpointObject() throws Exception {
        Compilation compilation = javac().withProcessors(new ConnectorProcessor())
                .compile(JavaFileObjects.forResource("fixtures/partition/EmitterCommitted.java"));
        ComponentIndex index = (ComponentIndex) new CompilationClassLoader(compilation)
                .loadClass(Fixtures.indexName(compilation)).getConstructor().newInstance();
        ComponentModel model = index.component("queue/acks");
        assertThat(model.kind()).isEqualTo(ComponentModel.Kind.EMITTER);
        assertThat(model.workerType()).isEqualTo(model.type());
        OptionModel position = model.parameters().get(0);
        Object emitter = model.constructor().apply(new Object[] {position.factory().get()});
        model.producer().apply(emitter);
        model.checkpointCommitted().accept(emitter, model.checkpointData().apply(emitter));
        assertThat(emitter.getClass().getField("acknowledged").get(emitter)).isEqualTo(List.of(1L));
    }

    @Test
    void registersALoadableIndexInTheServiceFile() throws Exception {
        Compilation compilation = Fixtures.compile("NoCheckpoint");
        assertThat(compilation).succeededWithoutWarnings();
        // The in-memory file manager's URIs are not URLs, so ServiceLoader is emulated: read the file, load the class.
        String registered = Fixtures.serviceFile(compilation).trim();
        Class<?> type = new CompilationClassLoader(compilation).loadClass(registered);
        ComponentIndex index = type.asSubclass(ComponentIndex.class).getConstructor().newInstance();
        ComponentModel model = index.component(index.componentIds().get(0));
        assertThat(model.id()).isEqualTo("plain/input");
        assertThat(model.version().hasMigrationHandler()).isFalse();
        assertThat(model.checkpointPath()).isNull();
        assertThat(model.supportsCheckpoints()).isFalse();
    }

    @Test
    void carriesACheckedExceptionOutOfTheGeneratedCall() throws Exception {
        Compilation compilation = Fixtures.compile("CheckedExceptions");
        assertThat(compilation).succeededWithoutWarnings();
        ComponentIndex index = (ComponentIndex) new CompilationClassLoader(compilation)
                .loadClass(Fixtures.indexName(compilation)).getConstructor().newInstance();
        ComponentModel model = index.component(index.componentIds().get(0));
        OptionModel config = model.parameters().get(0);
        Object configuration = config.factory().get();
        config.child("failIn").setter().accept(configuration, "next");
        Object emitter = model.constructor().apply(new Object[] {configuration});

        CheckedCallException thrown = assertThrows(CheckedCallException.class, () -> model.producer().apply(emitter));
        assertThat(thrown.method()).isEqualTo("next");
        assertThat(thrown).hasCauseThat().isInstanceOf(InterruptedException.class);
        assertThat(thrown).hasCauseThat().hasMessageThat().isEqualTo("interrupted while waiting");

        CheckedCallException setter = assertThrows(CheckedCallException.class,
                () -> config.child("failIn").setter().accept(configuration, "setter"));
        assertThat(setter.method()).isEqualTo("Config.setFailIn");
        assertThat(setter).hasCauseThat().isInstanceOf(IOException.class);
    }

    @Test
    void makesItsCallsThroughThreeOrdinaryNestedClassesOfTheIndexRatherThanLambdas() throws Exception {
        Compilation compilation = Fixtures.compile("CheckpointOptionAtDepthOne");
        Class<?> indexType = new CompilationClassLoader(compilation).loadClass(Fixtures.indexName(compilation));
        ComponentModel model = ((ComponentIndex) indexType.getConstructor().newInstance())
                .component("checkpoint/list-input");
        List<Object> calls = new ArrayList<>(List.of(model.constructor(), model.producer(), model.checkpointData(),
                model.checkpointAvailable(), model.version().migrationHandler()));
        model.postConstruct().forEach(call -> calls.add(call.call()));
        model.preDestroy().forEach(call -> calls.add(call.call()));
        model.parameters().forEach(option -> addCalls(option, calls));
        // 5 + 2 of the emitter; its options: the configuration's factory, the getters and setters of 5 fields, and the
        // checkpoint class's factory and migration handler.
        assertThat(calls).hasSize(5 + 2 + 1 + 5 * 2 + 2);

        Set<Class<?>> types = new HashSet<>();
        for (Object call : calls) {
            assertThat(call).isNotNull();
            assertThat(call.getClass().isHidden()).isFalse(); // a lambda's class is hidden
            assertThat(call.getClass().getEnclosingClass()).isEqualTo(indexType);
            types.add(call.getClass());
        }
        assertThat(types.stream().map(Class::getSimpleName).collect(Collectors.toList())).containsExactly(
                "CheckpointListInputOptions", "CheckpointListInputCalls", "CheckpointListInputConstructor");
    }

    /** The index of the fixture {@code name}, compiled and loaded. */
    private static ComponentIndex loadIndex(String name) throws Exception {
        Compilation compilation = Fixtures.compile(name);
        assertThat(compilation).succeeded();
        return (ComponentIndex) new CompilationClassLoader(compilation).loadClass(Fixtures.indexName(compilation))
                .getConstructor().newInstance();
    }

    private static void addCalls(OptionModel option, List<Object> calls) {
        for (Object call : new Object[] {option.getter(), option.setter(), option.factory()}) {
            if (call != null) {
                calls.add(call);
            }
        }
        if (option.checkpoint() != null) {
            calls.add(option.checkpoint().version().migrationHandler());
        }
        option.children().forEach(child -> addCalls(child, calls));
    }

    @Test
    void qualifiesAnOptionClassNamedLikeAGeneratedClassAndWrapsAThrowingMigrationHandler() throws Exception {
        Compilation compilation = Fixtures.compile(Fixtures.fixture("clash/ClashInput"),
                Fixtures.fixture("clash/ClashInputOptions"), Fixtures.fixture("clash/ThrowingMigration"));
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(Fixtures.indexSource(compilation)).contains("com.example.clash.ClashInputOptions");
        ComponentIndex index = (ComponentIndex) new CompilationClassLoader(compilation)
                .loadClass(Fixtures.indexName(compilation)).getConstructor().newInstance();
        ComponentModel model = index.component("clash/input");
        OptionModel options = model.parameters().get(0);
        Object configuration = options.factory().get();
        assertThat(configuration.getClass().getName()).isEqualTo("com.example.clash.ClashInputOptions");
        assertThat(options.child("size").getter().apply(configuration)).isEqualTo(7);
        assertThat(model.producer().apply(model.constructor().apply(new Object[] {configuration}))).isEqualTo(7);

        CheckedCallException thrown = assertThrows(CheckedCallException.class,
                () -> model.version().migrationHandler().get());
        assertThat(thrown.method()).isEqualTo("ThrowingMigration.<init>");
        assertThat(thrown).hasCauseThat().hasMessageThat().isEqualTo("no migration today");
    }
}
