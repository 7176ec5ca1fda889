package io.connectorkit.processor;

import javax.lang.model.element.ExecutableElement;

/**
 * A connector method the generated code calls.
 *
 * @param name the method's simple name ({@code <init>} for a constructor)
 * @param declaresExceptions whether it has a {@code throws} clause, so that the generated call must carry a checked
 *     exception out of a {@code java.util.function} method
 */
record MethodCall(String name, boolean declaresExceptions) {

    static MethodCall of(ExecutableElement method) {
        return new MethodCall(method.getSimpleName().toString(), !method.getThrownTypes().isEmpty());
    }
}
