package io.connectorkit.processor;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.connectorkit.api.component.MigrationHandler;
import io.connectorkit.api.spi.SplitCall;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The calls of one component's model into connector code, written as three nested classes of the index rather than a
 * lambda each (about 25 for a typical component: each would be a hidden class spun through {@code LambdaMetafactory}
 * when the model is built, and the first one bootstraps {@code java.lang.invoke}, most of a cold start):
 * <ul>
 *   <li>{@code <Component>Options}: per option node, reading it from its parent ({@code Function}), writing it
 *       ({@code BiConsumer}) and creating a configuration class ({@code Supplier});</li>
 *   <li>{@code <Component>Calls}: the emitter's (or worker's) {@code @Producer} and {@code @CheckpointData}
 *       ({@code Function}), {@code @CheckpointAvailable} ({@code Predicate}), {@code @CheckpointCommitted}
 *       ({@code BiConsumer}), lifecycle methods ({@code Consumer}) and the migration handlers ({@code Supplier}); a
 *       partition mapper's worker factory, {@code @Assessor}, {@code @SplitId} and getters ({@code Function}) and
 *       {@code @Split} ({@code SplitCall}). The record path calls its {@code apply}, a switch of a few cases;</li>
 *   <li>{@code <Component>Constructor}: the constructor ({@code Function<Object[], Object>}).</li>
 * </ul>
 * The model's builders (the SPI) are unchanged: they take these instances as they took lambdas.
 */
final class ComponentCalls {

    private static final TypeName OBJECT = ClassName.OBJECT;
    private static final TypeName OBJECTS = ArrayTypeName.of(Object.class);
    private static final ClassName FUNCTION = ClassName.get(Function.class);

    private final ClassName emitter;
    private final ClassName worker;
    private final CallClass options;
    private final CallClass.Dispatch read;
    private final CallClass.Dispatch write;
    private final CallClass.Dispatch create;
    private final CallClass calls;
    private final CallClass.Dispatch emitterCall;
    private final CallClass.Dispatch safePoint;
    private final CallClass.Dispatch lifecycle;
    private final CallClass.Dispatch migration;
    private final CallClass.Dispatch committed;
    private final CallClass.Dispatch split;
    private final CallClass constructor;
    private final CallClass.Dispatch construct;
    private final Map<OptionNode, Integer> nodes = new IdentityHashMap<>();
    private final Map<ClassName, Integer> handlers = new HashMap<>();

    /**
     * @param emitter the component class (the emitter, or the partition mapper)
     * @param worker the class of the producer, lifecycle and checkpoint methods: {@code emitter} for an emitter
     * @param names the nested classes' names: options, calls and constructor
     * @param id the component's {@code family/name}, for the classes' comments
     */
    ComponentCalls(ClassName emitter, ClassName worker, List<ClassName> names, String id) {
        this.emitter = emitter;
        this.worker = worker;
        ParameterSpec o = ParameterSpec.builder(OBJECT, "o").build();
        ParameterSpec c = ParameterSpec.builder(OBJECT, "c").build();
        options = new CallClass(names.get(0), true, "The option accessors and factories of " + id + ", by node.");
        read = options.method(ParameterizedTypeName.get(FUNCTION, OBJECT, OBJECT), "apply", OBJECT, o);
        write = options.method(ParameterizedTypeName.get(ClassName.get(BiConsumer.class), OBJECT, OBJECT), "accept",
                TypeName.VOID, o, ParameterSpec.builder(OBJECT, "v").build());
        create = options.method(ParameterizedTypeName.get(ClassName.get(Supplier.class), OBJECT), "get", OBJECT);
        calls = new CallClass(names.get(1), true, "The calls of " + id + "'s methods and migration handlers.");
        emitterCall = calls.method(ParameterizedTypeName.get(FUNCTION, OBJECT, OBJECT), "apply", OBJECT, c);
        safePoint = calls.method(ParameterizedTypeName.get(ClassName.get(Predicate.class), OBJECT), "test",
                TypeName.BOOLEAN, c);
        lifecycle = calls.method(ParameterizedTypeName.get(ClassName.get(Consumer.class), OBJECT), "accept",
                TypeName.VOID, c);
        ClassName handler = ClassName.get(MigrationHandler.class);
        migration = calls.method(ParameterizedTypeName.get(ClassName.get(Supplier.class), handler), "get", handler);
        ParameterSpec v = ParameterSpec.builder(OBJECT, "v").build();
        committed = calls.method(ParameterizedTypeName.get(ClassName.get(BiConsumer.class), OBJECT, OBJECT),
                "accept", TypeName.VOID, c, v);
        split = calls.method(ClassName.get(SplitCall.class), "split", OBJECT, c,
                ParameterSpec.builder(TypeName.LONG, "size").build());
        constructor = new CallClass(names.get(2), false, "The constructor of " + id + ".");
        construct = constructor.method(ParameterizedTypeName.get(FUNCTION, OBJECTS, OBJECT), "apply",
                OBJECT, ParameterSpec.builder(OBJECTS, "args").build());
    }

    /** Creates the configuration class of {@code node}, an object option. */
    CodeBlock factory(OptionNode node) {
        int number = number(node);
        create.put(number, Calls.statements(CodeBlock.of("new $T()", node.literal), true,
                node.factoryThrows ? ((ClassName) node.literal).simpleName() + ".<init>" : null), false);
        return options.instance(number);
    }

    /** Reads {@code node} from its parent object; {@code null} for a write-only field. */
    CodeBlock getter(OptionNode node) {
        CodeBlock invocation;
        String wrappedAs = null;
        if (node.access == OptionNode.Access.FIELD) {
            invocation = CodeBlock.of("(($T) o).$L", node.owner, node.fieldName);
        } else if (node.getter != null) {
            invocation = CodeBlock.of("(($T) o).$L()", node.owner, node.getter);
            wrappedAs = node.getterThrows ? node.owner.simpleName() + "." + node.getter : null;
        } else {
            return CodeBlock.of("null");
        }
        int number = number(node);
        read.put(number, Calls.statements(invocation, true, wrappedAs), false);
        return options.instance(number);
    }

    /** Writes {@code node} on its parent object. */
    CodeBlock setter(OptionNode node) {
        CodeBlock invocation;
        String wrappedAs = null;
        if (node.access == OptionNode.Access.FIELD) {
            invocation = CodeBlock.of("(($T) o).$L = ($T) v", node.owner, node.fieldName, node.cast);
        } else {
            invocation = CodeBlock.of("(($T) o).$L(($T) v)", node.owner, node.setter, node.cast);
            wrappedAs = node.setterThrows ? node.owner.simpleName() + "." + node.setter : null;
        }
        int number = number(node);
        write.put(number, Calls.statements(invocation, false, wrappedAs), uncheckedCast(node));
        return options.instance(number);
    }

    /** Calls the public constructor with one argument per parameter. */
    CodeBlock constructor(List<OptionNode> parameters, MethodCall call) {
        List<CodeBlock> arguments = new ArrayList<>();
        boolean unchecked = false;
        for (int i = 0; i < parameters.size(); i++) {
            arguments.add(CodeBlock.of("($T) args[$L]", parameters.get(i).cast, i));
            unchecked |= uncheckedCast(parameters.get(i));
        }
        CodeBlock invocation = CodeBlock.of("new $T($L)", emitter, CodeBlock.join(arguments, ", "));
        construct.put(0, Calls.statements(invocation, true, call.declaresExceptions() ? "<init>" : null), unchecked);
        return constructor.instance(0);
    }

    /** Calls {@code @Producer} or {@code @CheckpointData}: a worker method without arguments returning a value. */
    CodeBlock method(MethodCall call) {
        return method(worker, call);
    }

    /**
     * Calls a partition mapper's method without arguments returning a value: the worker factory, {@code @Assessor},
     * {@code @SplitId} or a getter of its configuration.
     */
    CodeBlock mapperMethod(MethodCall call) {
        return method(emitter, call);
    }

    private CodeBlock method(ClassName owner, MethodCall call) {
        int number = calls.number();
        emitterCall.put(number, Calls.statements(CodeBlock.of("(($T) c).$L()", owner, call.name()), true,
                call.declaresExceptions() ? call.name() : null), false);
        return calls.instance(number);
    }

    /** Calls a partition mapper's {@code @Split} method with the desired size. */
    CodeBlock split(MethodCall call) {
        int number = calls.number();
        split.put(number, Calls.statements(CodeBlock.of("(($T) c).$L(size)", emitter, call.name()),
                true, call.declaresExceptions() ? call.name() : null), false);
        return calls.instance(number);
    }

    /** Calls {@code @CheckpointCommitted} with the {@code @Checkpoint} object, of {@code checkpointType}. */
    CodeBlock checkpointCommitted(MethodCall call, ClassName checkpointType) {
        int number = calls.number();
        committed.put(number, Calls.statements(CodeBlock.of("(($T) c).$L(($T) v)", worker, call.name(),
                checkpointType), false, call.declaresExceptions() ? call.name() : null), false);
        return calls.instance(number);
    }

    /** Calls {@code @CheckpointAvailable}; a {@code null} {@code Boolean} is not a safe point. */
    CodeBlock checkpointAvailable(MethodCall call, boolean boxed) {
        CodeBlock invocation = CodeBlock.of("(($T) c).$L()", worker, call.name());
        if (boxed) {
            // A null Boolean means "not a safe point" rather than a NullPointerException in the runtime.
            invocation = CodeBlock.of("$T.TRUE.equals($L)", Boolean.class, invocation);
        }
        int number = calls.number();
        safePoint.put(number, Calls.statements(invocation, true, call.declaresExceptions() ? call.name() : null),
                false);
        return calls.instance(number);
    }

    /** Calls a {@code @PostConstruct} or {@code @PreDestroy} method. */
    CodeBlock lifecycle(MethodCall call) {
        int number = calls.number();
        lifecycle.put(number, Calls.statements(CodeBlock.of("(($T) c).$L()", worker, call.name()), false,
                call.declaresExceptions() ? call.name() : null), false);
        return calls.instance(number);
    }

    /** Creates the migration handler of {@code version}; {@code null} when it has none. */
    CodeBlock migrationHandler(VersionInfo version) {
        if (version.handler() == null) {
            return CodeBlock.of("null");
        }
        Integer number = handlers.get(version.handler());
        if (number == null) {
            number = calls.number();
            handlers.put(version.handler(), number);
            migration.put(number, Calls.statements(CodeBlock.of("new $T()", version.handler()), true,
                    version.handlerThrows() ? version.handler().simpleName() + ".<init>" : null), false);
        }
        return calls.instance(number);
    }

    /** The nested classes that have calls, in a fixed order. */
    List<TypeSpec> types() {
        List<TypeSpec> types = new ArrayList<>();
        for (CallClass type : List.of(options, calls, constructor)) {
            TypeSpec written = type.write();
            if (written != null) {
                types.add(written);
            }
        }
        return types;
    }

    /** One number per option node, shared by its getter, setter and factory. */
    private int number(OptionNode node) {
        return nodes.computeIfAbsent(Objects.requireNonNull(node), key -> options.number());
    }

    /** Whether the cast to {@code node}'s type is unchecked: a parameterized type such as {@code List<String>}. */
    private static boolean uncheckedCast(OptionNode node) {
        return node.cast instanceof ParameterizedTypeName;
    }
}
