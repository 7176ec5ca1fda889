package io.connectorkit.processor;

import com.palantir.javapoet.ClassName;

/**
 * A {@code @Version} as the generator needs it.
 *
 * @param value the version
 * @param handler the migration handler class, or null when there is none
 * @param handlerThrows whether the handler's no-argument constructor has a {@code throws} clause (see
 *     {@link MethodCall})
 */
record VersionInfo(int value, ClassName handler, boolean handlerThrows) {

    static final VersionInfo DEFAULT = new VersionInfo(1, null, false);
}
