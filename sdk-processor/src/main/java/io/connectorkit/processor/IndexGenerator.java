package io.connectorkit.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import io.connectorkit.api.input.checkpoint.Checkpoint;
import io.connectorkit.api.spi.CheckpointModel;
import io.connectorkit.api.spi.ComponentIndex;
import io.connectorkit.api.spi.ComponentModel;
import io.connectorkit.api.spi.OptionModel;
import io.connectorkit.api.spi.Release;
import io.connectorkit.api.spi.VersionModel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Writes the component index source for the valid emitters and partition mappers of a compilation. The output depends only on the models,
 * sorted here, so it is the same byte for byte from one build to the next.
 *
 * <p>Each compilation's index has its own class name ({@code ConnectorKitIndex_} and a hash of the emitters' names,
 * unless the build chooses one), so that two compilations sharing a package (a project's main and test emitters,
 * two connector jars) never shadow each other's index on one class path.
 */
final class IndexGenerator {

    static final String SIMPLE_NAME_PREFIX = "ConnectorKitIndex_";
    static final String SERVICE_FILE = "META-INF/services/" + ComponentIndex.class.getName();

    private static final ClassName GENERATED = ClassName.get("jakarta.annotation", "Generated");
    private static final ClassName OPTION_MODEL = ClassName.get(OptionModel.class);
    private static final ClassName KIND = ClassName.get(OptionModel.Kind.class);
    private static final ClassName FREQUENCY = ClassName.get(Checkpoint.Frequency.class);
    private static final ClassName LIST = ClassName.get(List.class);

    /**
     * The default index class: in the package of the emitter whose qualified name sorts first, named
     * {@code ConnectorKitIndex_} and the first 8 hex digits of the SHA-256 of the emitters' sorted qualified names.
     */
    static ClassName defaultName(List<EmitterModel> emitters) {
        List<String> names = emitters.stream().map(emitter -> emitter.type().canonicalName()).sorted().toList();
        String first = emitters.stream()
                .map(EmitterModel::type)
                .min(Comparator.comparing(ClassName::canonicalName))
                .orElseThrow()
                .packageName();
        return ClassName.get(first, SIMPLE_NAME_PREFIX + hash(String.join("\n", names)));
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    JavaFile generate(ClassName indexName, List<EmitterModel> emitters) {
        List<EmitterModel> sorted = new ArrayList<>(emitters);
        sorted.sort(Comparator.comparing(EmitterModel::family).thenComparing(EmitterModel::name));
        TypeSpec.Builder index = TypeSpec.classBuilder(indexName.simpleName())
                .addAnnotation(AnnotationSpec.builder(GENERATED)
                        .addMember("value", "$S", ConnectorProcessor.class.getName())
                        .build())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(ComponentIndex.class);
        // The interface's methods are taken.
        Set<String> taken = new HashSet<>(Set.of("componentIds", "component", "format", "release"));
        List<String> methodNames = new ArrayList<>();
        for (EmitterModel emitter : sorted) {
            methodNames.add(unique(methodName(emitter), taken));
        }
        index.addMethod(MethodSpec.methodBuilder("componentIds")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(ParameterizedTypeName.get(LIST, ClassName.get(String.class)))
                .addStatement("return $T.of($L)", LIST, CodeBlock.join(sorted.stream()
                        .map(emitter -> CodeBlock.of("$S", id(emitter))).toList(), ", "))
                .build());
        // A switch, not a map of suppliers: a component's model is built only when it is used.
        CodeBlock.Builder lookup = CodeBlock.builder().beginControlFlow("switch (id)");
        for (int i = 0; i < sorted.size(); i++) {
            lookup.add("case $S:\n$>", id(sorted.get(i))).addStatement("return $L()", methodNames.get(i)).add("$<");
        }
        lookup.add("default:\n$>")
                .addStatement("throw new $T($S + id)", IllegalArgumentException.class, "not a component of this index: ")
                .add("$<")
                .endControlFlow();
        index.addMethod(MethodSpec.methodBuilder("component")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(ComponentModel.class)
                .addParameter(String.class, "id")
                .addCode(lookup.build())
                .build());
        index.addMethod(MethodSpec.methodBuilder("format")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(int.class)
                .addStatement("return $L", ComponentIndex.FORMAT)
                .build());
        index.addMethod(MethodSpec.methodBuilder("release")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(String.class)
                .addStatement("return $S", Release.CURRENT)
                .build());
        Set<String> typeNames = new HashSet<>(Set.of(indexName.simpleName()));
        for (int i = 0; i < sorted.size(); i++) {
            EmitterModel emitter = sorted.get(i);
            ComponentCalls calls = new ComponentCalls(emitter.type(), emitter.workerType(),
                    callClassNames(indexName, methodNames.get(i), typeNames), id(emitter));
            index.addMethod(componentMethod(methodNames.get(i), emitter, calls));
            index.addTypes(calls.types());
            index.addOriginatingElement(emitter.element());
        }
        return JavaFile.builder(indexName.packageName(), index.build()).skipJavaLangImports(true).build();
    }

    private static MethodSpec componentMethod(String methodName, EmitterModel emitter, ComponentCalls calls) {
        ClassName type = emitter.type();
        CodeBlock.Builder body = CodeBlock.builder()
                .add("return $T.builder($S, $S, $T.class)$>$>", ComponentModel.class, emitter.family(),
                        emitter.name(), type)
                .add("\n.version($L)", version(emitter.version(), calls));
        for (OptionNode parameter : emitter.parameters()) {
            body.add("\n.parameter($L)", option(parameter, calls));
        }
        body.add("\n.constructor($L)", calls.constructor(emitter.parameters(), emitter.constructor()));
        PartitionParts partition = emitter.partition();
        if (partition != null) {
            body.add("\n.partitionMapper($T.class, $S, $L)", emitter.workerType(), partition.factory().name(),
                    calls.mapperMethod(partition.factory()));
            for (PartitionParts.Reader reader : partition.readers()) {
                body.add("\n.configurationReader($S, $S, $L)", reader.option(), reader.method().name(),
                        calls.mapperMethod(reader.method()));
            }
            if (partition.assessor() != null) {
                body.add("\n.assessor($S, $L)", partition.assessor().name(), calls.mapperMethod(partition.assessor()));
            }
            body.add("\n.split($S, $L)", partition.split().name(), calls.split(partition.split()));
            if (partition.splitId() != null) {
                body.add("\n.splitId($S, $L)", partition.splitId().name(), calls.mapperMethod(partition.splitId()));
            }
        }
        body.add("\n.producer($S, $L)", emitter.producer().name(), calls.method(emitter.producer()));
        for (MethodCall method : emitter.postConstruct()) {
            body.add("\n.postConstruct($S, $L)", method.name(), calls.lifecycle(method));
        }
        for (MethodCall method : emitter.preDestroy()) {
            body.add("\n.preDestroy($S, $L)", method.name(), calls.lifecycle(method));
        }
        if (emitter.checkpointPath() != null) {
            body.add("\n.checkpointPath($S)", emitter.checkpointPath());
        }
        if (emitter.checkpointData() != null) {
            body.add("\n.checkpointData($S, $L)", emitter.checkpointData().name(),
                    calls.method(emitter.checkpointData()));
        }
        MethodCall available = emitter.checkpointAvailable();
        if (available != null) {
            body.add("\n.checkpointAvailable($S, $L)", available.name(),
                    calls.checkpointAvailable(available, emitter.availableBoxed()));
        }
        MethodCall committed = emitter.checkpointCommitted();
        if (committed != null) {
            body.add("\n.checkpointCommitted($S, $L)", committed.name(),
                    calls.checkpointCommitted(committed, emitter.checkpointType()));
        }
        if (emitter.infinite()) {
            body.add("\n.infinite()");
        }
        BacklogValidator.Found backlog = emitter.backlog();
        if (backlog != null) {
            body.add("\n.backlog($S, $S, $L)", backlog.method().name(), backlog.unit(),
                    calls.method(backlog.method()));
        }
        body.add("\n.build();\n$<$<");
        return MethodSpec.methodBuilder(methodName)
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(ComponentModel.class)
                .addCode(body.build())
                .build();
    }

    private static CodeBlock option(OptionNode node, ComponentCalls calls) {
        CodeBlock.Builder code = CodeBlock.builder()
                .add("$T.builder($S, $T.$L, $T.class)", OPTION_MODEL, node.name, KIND, node.kind.name(), node.literal);
        if (node.required) {
            code.add(".required()");
        }
        if (node.credential) {
            code.add(".credential()");
        }
        List<CodeBlock> builderCalls = new ArrayList<>();
        if (node.kind == OptionModel.Kind.OBJECT) {
            builderCalls.add(CodeBlock.of(".factory($L)", calls.factory(node)));
        }
        if (node.checkpoint != null) {
            CheckpointDeclaration checkpoint = node.checkpoint;
            builderCalls.add(CodeBlock.of(".checkpoint(new $T($L, $T.$L, $LL))", CheckpointModel.class,
                    version(checkpoint.version(), calls), FREQUENCY, checkpoint.frequency(), checkpoint.interval()));
        } else if (!node.version.equals(VersionInfo.DEFAULT)) {
            builderCalls.add(CodeBlock.of(".version($L)", version(node.version, calls)));
        }
        if (node.access != OptionNode.Access.NONE) {
            builderCalls.add(CodeBlock.of(".field($L, $L)", calls.getter(node), calls.setter(node)));
        }
        if (node.element != null) {
            builderCalls.add(CodeBlock.of(".element($L)", option(node.element, calls)));
        }
        for (OptionNode child : node.children) {
            builderCalls.add(CodeBlock.of(".child($L)", option(child, calls)));
        }
        if (builderCalls.isEmpty()) {
            return code.add(".build()").build();
        }
        code.add("$>$>");
        for (CodeBlock call : builderCalls) {
            code.add("\n$L", call);
        }
        return code.add("\n.build()$<$<").build();
    }

    private static CodeBlock version(VersionInfo version, ComponentCalls calls) {
        return CodeBlock.of("new $T($L, $L)", VersionModel.class, version.value(), calls.migrationHandler(version));
    }

    private static String id(EmitterModel emitter) {
        return emitter.family() + "/" + emitter.name();
    }

    /** {@code checkpoint} + {@code list-input} gives {@code checkpointListInput}. */
    static String methodName(EmitterModel emitter) {
        StringBuilder name = new StringBuilder();
        for (String part : (emitter.family() + " " + emitter.name()).split("[^A-Za-z0-9]+")) {
            if (part.isEmpty()) {
                continue;
            }
            name.append(name.length() == 0
                    ? Character.toLowerCase(part.charAt(0)) + part.substring(1)
                    : ModelSupport.capitalize(part));
        }
        if (name.length() == 0 || !Character.isJavaIdentifierStart(name.charAt(0))) {
            name.insert(0, "component");
        }
        return name.toString();
    }

    /**
     * The names of a component's {@link ComponentCalls} classes: {@code CheckpointListInputOptions}, {@code ...Calls}
     * and {@code ...Constructor}, numbered in the unlikely case that one is the index's own name.
     */
    private static List<ClassName> callClassNames(ClassName index, String methodName, Set<String> taken) {
        String base = ModelSupport.capitalize(methodName);
        for (int i = 1; ; i++) {
            String numbered = i == 1 ? base : base + i;
            List<String> names = List.of(numbered + "Options", numbered + "Calls", numbered + "Constructor");
            if (names.stream().noneMatch(taken::contains)) {
                taken.addAll(names);
                return names.stream().map(index::nestedClass).toList();
            }
        }
    }

    private static String unique(String base, Set<String> taken) {
        String candidate = base;
        for (int i = 2; !taken.add(candidate); i++) {
            candidate = base + i;
        }
        return candidate;
    }
}
