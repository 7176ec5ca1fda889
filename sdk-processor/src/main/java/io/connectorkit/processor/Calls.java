package io.connectorkit.processor;

import com.palantir.javapoet.CodeBlock;
import io.connectorkit.api.spi.CheckedCallException;

/** Writes the generated lambdas that call connector code. */
final class Calls {

    private Calls() {
    }

    /**
     * {@code parameters -> invocation}; when the called method declares exceptions ({@code wrappedAs} is not null),
     * a block lambda that lets unchecked ones through and carries a checked one out in a
     * {@link CheckedCallException} naming {@code wrappedAs}, which the runtime unwraps.
     *
     * @param parameters the lambda's parameter list as written: {@code c}, {@code (o, v)}, {@code ()}
     * @param returns whether the lambda returns the invocation's value
     * @param wrappedAs the called method as messages name it, or null when it declares no exception
     */
    static CodeBlock lambda(String parameters, CodeBlock invocation, boolean returns, String wrappedAs) {
        if (wrappedAs == null) {
            return CodeBlock.of("$L -> $L", parameters, invocation);
        }
        return CodeBlock.builder()
                .add("$L -> {\n$>", parameters)
                .beginControlFlow("try")
                .addStatement(returns ? "return $L" : "$L", invocation)
                .nextControlFlow("catch ($T | $T e)", RuntimeException.class, Error.class)
                .addStatement("throw e")
                .nextControlFlow("catch ($T e)", Throwable.class)
                .addStatement("throw new $T($S, e)", CheckedCallException.class, wrappedAs)
                .endControlFlow()
                .add("$<}")
                .build();
    }
}
