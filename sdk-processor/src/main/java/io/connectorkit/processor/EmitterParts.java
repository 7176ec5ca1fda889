package io.connectorkit.processor;

import java.util.List;
import javax.lang.model.element.ExecutableElement;

/**
 * The members of an emitter that the generated code calls; {@code constructor} and {@code producer} are null when
 * the emitter has none or several (which was reported).
 */
record EmitterParts(ExecutableElement constructor, ExecutableElement producer, List<ExecutableElement> postConstruct,
        List<ExecutableElement> preDestroy) {
}
