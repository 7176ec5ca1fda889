package io.connectorkit.processor;

import com.palantir.javapoet.ClassName;

/**
 * A {@code @Version} as the generator needs it.
 *
 * @param value the version
 * @param handler the migration handler class, or null when there is none
 */
record VersionInfo(int value, ClassName handler) {

    static final VersionInfo DEFAULT = new VersionInfo(1, null);
}
