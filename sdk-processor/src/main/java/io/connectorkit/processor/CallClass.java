package io.connectorkit.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.lang.model.element.Modifier;

/**
 * One generated nested class of the index that calls connector code: it implements the {@code java.util.function}
 * interfaces the model's builders take, and each of their methods switches on the number the instance was made with
 * ({@code new CheckpointListInputOptions(3)}). An ordinary class, loaded once, where a lambda per call would be a
 * hidden class spun by {@code LambdaMetafactory} each.
 */
final class CallClass {

    private static final String SELECTOR = "call";

    /** One interface method of the class: its cases, by number. */
    static final class Dispatch {
        private final TypeName implemented;
        private final boolean returns;
        private final MethodSpec.Builder signature;
        private final Map<Integer, CodeBlock> cases = new TreeMap<>();
        private boolean unchecked;

        private Dispatch(TypeName implemented, boolean returns, MethodSpec.Builder signature) {
            this.implemented = implemented;
            this.returns = returns;
            this.signature = signature;
        }

        /**
         * Makes {@code number} run {@code statements} (which return the method's value, if it has one);
         * {@code unchecked} when they cast to a parameterized type.
         */
        void put(int number, CodeBlock statements, boolean unchecked) {
            cases.put(number, statements);
            this.unchecked |= unchecked;
        }

        private MethodSpec write() {
            if (unchecked) {
                signature.addAnnotation(AnnotationSpec.builder(SuppressWarnings.class)
                        .addMember("value", "$S", "unchecked")
                        .build());
            }
            if (cases.size() == 1) {
                return signature.addCode(cases.values().iterator().next()).build();
            }
            CodeBlock.Builder code = CodeBlock.builder().beginControlFlow("switch ($L)", SELECTOR);
            for (Map.Entry<Integer, CodeBlock> entry : cases.entrySet()) {
                code.add("case $L:\n$>", entry.getKey()).add(entry.getValue());
                if (!returns) {
                    code.addStatement("return");
                }
                code.add("$<");
            }
            // Not AssertionError: IllegalArgumentException is in the JDK's class-data archive, so verifying this
            // class loads nothing more.
            code.add("default:\n$>")
                    .addStatement("throw new $T($S + $L)", IllegalArgumentException.class, "no call ", SELECTOR)
                    .add("$<");
            return signature.addCode(code.endControlFlow().build()).build();
        }
    }

    private final ClassName name;
    private final boolean numbered;
    private final String javadoc;
    private final List<Dispatch> dispatches = new ArrayList<>();
    private int next;

    /**
     * @param numbered whether instances carry a number ({@code false} for a class whose methods each make one call)
     * @param javadoc what the class calls
     */
    CallClass(ClassName name, boolean numbered, String javadoc) {
        this.name = name;
        this.numbered = numbered;
        this.javadoc = javadoc;
    }

    /** Declares that the class implements {@code implemented} by {@code method}, public and annotated. */
    Dispatch method(TypeName implemented, String method, TypeName returns, ParameterSpec... parameters) {
        MethodSpec.Builder signature = MethodSpec.methodBuilder(method)
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(returns)
                .addParameters(List.of(parameters));
        Dispatch dispatch = new Dispatch(implemented, !returns.equals(TypeName.VOID), signature);
        dispatches.add(dispatch);
        return dispatch;
    }

    /** A number no call of this class has yet. */
    int number() {
        return next++;
    }

    /** The expression creating the instance that makes call {@code number}. */
    CodeBlock instance(int number) {
        return numbered ? CodeBlock.of("new $T($L)", name, number) : CodeBlock.of("new $T()", name);
    }

    /** The nested class, implementing the interfaces whose methods have a call; null when none has. */
    TypeSpec write() {
        TypeSpec.Builder type = TypeSpec.classBuilder(name)
                .addJavadoc(javadoc)
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL);
        boolean any = false;
        for (Dispatch dispatch : dispatches) {
            if (!dispatch.cases.isEmpty()) {
                type.addSuperinterface(dispatch.implemented).addMethod(dispatch.write());
                any = true;
            }
        }
        if (!any) {
            return null;
        }
        if (numbered) {
            type.addField(int.class, SELECTOR, Modifier.PRIVATE, Modifier.FINAL)
                    .addMethod(MethodSpec.constructorBuilder()
                            .addParameter(int.class, SELECTOR)
                            .addStatement("this.$L = $L", SELECTOR, SELECTOR)
                            .build());
        }
        return type.build();
    }
}
