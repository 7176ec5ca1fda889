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
 * Writes the component index source for the valid emitters of a compilation. The output depends only on the models,
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
        // A switch, not a map of suppliers: a component's lambdas are made only when it is used.
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
        for (int i = 0; i < sorted.size(); i++) {
            index.addMethod(componentMethod(methodNames.get(i), sorted.get(i)));
            index.addOriginatingElement(sorted.get(i).element());
        }
        return JavaFile.builder(indexName.packageName(), index.build()).skipJavaLangImports(true).build();
    }

    private MethodSpec componentMethod(String methodName, EmitterModel emitter) {
        ClassName type = emitter.type();
        CodeBlock.Builder body = CodeBlock.builder()
                .add("return $T.builder($S, $S, $T.class)$>$>", ComponentModel.class, emitter.family(),
                        emitter.name(), type)
                .add("\n.version($L)", version(emitter.version()));
        List<CodeBlock> arguments = new ArrayList<>();
        boolean unchecked = false;
        for (int i = 0; i < emitter.parameters().size(); i++) {
            OptionNode parameter = emitter.parameters().get(i);
            body.add("\n.parameter($L)", option(parameter));
            arguments.add(CodeBlock.of("($T) args[$L]", parameter.cast, i));
            unchecked |= parameter.needsUncheckedCast();
        }
        body.add("\n.constructor($L)", Calls.lambda("args", CodeBlock.of("new $T($L)", type,
                CodeBlock.join(arguments, ", ")), true, emitter.constructor().declaresExceptions() ? "<init>" : null));
        body.add("\n.producer($S, $L)", emitter.producer().name(), emitterCall(type, emitter.producer(), true));
        for (MethodCall method : emitter.postConstruct()) {
            body.add("\n.postConstruct($S, $L)", method.name(), emitterCall(type, method, false));
        }
        for (MethodCall method : emitter.preDestroy()) {
            body.add("\n.preDestroy($S, $L)", method.name(), emitterCall(type, method, false));
        }
        if (emitter.checkpointPath() != null) {
            body.add("\n.checkpointPath($S)", emitter.checkpointPath());
        }
        if (emitter.checkpointData() != null) {
            body.add("\n.checkpointData($S, $L)", emitter.checkpointData().name(),
                    emitterCall(type, emitter.checkpointData(), true));
        }
        MethodCall available = emitter.checkpointAvailable();
        if (available != null) {
            CodeBlock invocation = CodeBlock.of("(($T) c).$L()", type, available.name());
            if (emitter.availableBoxed()) {
                // A null Boolean means "not a safe point" rather than a NullPointerException in the runtime.
                invocation = CodeBlock.of("$T.TRUE.equals($L)", Boolean.class, invocation);
            }
            body.add("\n.checkpointAvailable($S, $L)", available.name(), Calls.lambda("c", invocation, true,
                    available.declaresExceptions() ? available.name() : null));
        }
        body.add("\n.build();\n$<$<");
        MethodSpec.Builder method = MethodSpec.methodBuilder(methodName)
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(ComponentModel.class)
                .addCode(body.build());
        if (unchecked) {
            method.addAnnotation(AnnotationSpec.builder(SuppressWarnings.class)
                    .addMember("value", "$S", "unchecked")
                    .build());
        }
        return method.build();
    }

    private CodeBlock option(OptionNode node) {
        CodeBlock.Builder code = CodeBlock.builder()
                .add("$T.builder($S, $T.$L, $T.class)", OPTION_MODEL, node.name, KIND, node.kind.name(), node.literal);
        if (node.required) {
            code.add(".required()");
        }
        if (node.credential) {
            code.add(".credential()");
        }
        List<CodeBlock> calls = new ArrayList<>();
        if (node.kind == OptionModel.Kind.OBJECT) {
            calls.add(node.factoryThrows
                    ? CodeBlock.of(".factory($L)", Calls.lambda("()", CodeBlock.of("new $T()", node.literal), true,
                            ((ClassName) node.literal).simpleName() + ".<init>"))
                    : CodeBlock.of(".factory($T::new)", node.literal));
        }
        if (node.checkpoint != null) {
            CheckpointDeclaration checkpoint = node.checkpoint;
            calls.add(CodeBlock.of(".checkpoint(new $T($L, $T.$L, $LL))", CheckpointModel.class,
                    version(checkpoint.version()), FREQUENCY, checkpoint.frequency(), checkpoint.interval()));
        } else if (!node.version.equals(VersionInfo.DEFAULT)) {
            calls.add(CodeBlock.of(".version($L)", version(node.version)));
        }
        if (node.access != OptionNode.Access.NONE) {
            calls.add(CodeBlock.of(".field($L, $L)", getter(node), setter(node)));
        }
        if (node.element != null) {
            calls.add(CodeBlock.of(".element($L)", option(node.element)));
        }
        for (OptionNode child : node.children) {
            calls.add(CodeBlock.of(".child($L)", option(child)));
        }
        if (calls.isEmpty()) {
            return code.add(".build()").build();
        }
        code.add("$>$>");
        for (CodeBlock call : calls) {
            code.add("\n$L", call);
        }
        return code.add("\n.build()$<$<").build();
    }

    private static CodeBlock getter(OptionNode node) {
        if (node.access == OptionNode.Access.FIELD) {
            return CodeBlock.of("o -> (($T) o).$L", node.owner, node.fieldName);
        }
        return node.getter == null ? CodeBlock.of("null") : Calls.lambda("o",
                CodeBlock.of("(($T) o).$L()", node.owner, node.getter), true,
                node.getterThrows ? node.owner.simpleName() + "." + node.getter : null);
    }

    private static CodeBlock setter(OptionNode node) {
        if (node.access == OptionNode.Access.FIELD) {
            return CodeBlock.of("(o, v) -> (($T) o).$L = ($T) v", node.owner, node.fieldName, node.cast);
        }
        return Calls.lambda("(o, v)", CodeBlock.of("(($T) o).$L(($T) v)", node.owner, node.setter, node.cast), false,
                node.setterThrows ? node.owner.simpleName() + "." + node.setter : null);
    }

    /** The call of an emitter method without arguments, on the lambda parameter {@code c}. */
    private static CodeBlock emitterCall(ClassName type, MethodCall method, boolean returns) {
        return Calls.lambda("c", CodeBlock.of("(($T) c).$L()", type, method.name()), returns,
                method.declaresExceptions() ? method.name() : null);
    }

    private static CodeBlock version(VersionInfo version) {
        return version.handler() == null
                ? CodeBlock.of("new $T($L, null)", VersionModel.class, version.value())
                : CodeBlock.of("new $T($L, $T::new)", VersionModel.class, version.value(), version.handler());
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

    private static String unique(String base, Set<String> taken) {
        String candidate = base;
        for (int i = 2; !taken.add(candidate); i++) {
            candidate = base + i;
        }
        return candidate;
    }
}
