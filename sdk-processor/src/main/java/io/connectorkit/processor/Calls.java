package io.connectorkit.processor;

import com.palantir.javapoet.CodeBlock;
import io.connectorkit.api.spi.CheckedCallException;

/** Writes the generated statements that call connector code: one {@code case} of a {@link CallClass}. */
final class Calls {

    private Calls() {
    }

    /**
     * {@code return invocation;} (or {@code invocation;}); when the called method declares exceptions
     * ({@code wrappedAs} is not null), inside a {@code try} that lets unchecked ones through and carries a checked one
     * out in a {@link CheckedCallException} naming {@code wrappedAs}, which the runtime unwraps: the
     * {@code java.util.function} interfaces the model takes declare no exception.
     *
     * @param returns whether the statements return the invocation's value
     * @param wrappedAs the called method as messages name it, or null when it declares no exception
     */
    static CodeBlock statements(CodeBlock invocation, boolean returns, String wrappedAs) {
        CodeBlock call = CodeBlock.of(returns ? "return $L" : "$L", invocation);
        if (wrappedAs == null) {
            return CodeBlock.builder().addStatement(call).build();
        }
        return CodeBlock.builder()
                .beginControlFlow("try")
                .addStatement(call)
                .nextControlFlow("catch ($T | $T e)", RuntimeException.class, Error.class)
                .addStatement("throw e")
                .nextControlFlow("catch ($T e)", Throwable.class)
                .addStatement("throw new $T($S, e)", CheckedCallException.class, wrappedAs)
                .endControlFlow()
                .build();
    }
}
