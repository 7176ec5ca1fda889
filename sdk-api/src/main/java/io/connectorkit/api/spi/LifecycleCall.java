package io.connectorkit.api.spi;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * A generated call of a {@code @PostConstruct} or {@code @PreDestroy} method.
 *
 * @param method the method's name, for messages
 * @param call calls it on an emitter instance
 */
public record LifecycleCall(String method, Consumer<Object> call) {

    public LifecycleCall {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(call, "call");
    }
}
