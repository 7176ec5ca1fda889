package io.connectorkit.processor;

import com.palantir.javapoet.ClassName;
import java.util.List;
import javax.lang.model.element.TypeElement;

/**
 * A valid emitter, as the generator needs it.
 *
 * @param family the component family
 * @param name the component name
 * @param element the emitter class, passed to the Filer as originating element
 * @param type the emitter class
 * @param version the emitter's {@code @Version}
 * @param parameters the constructor's parameters
 * @param producer the {@code @Producer} method name
 * @param postConstruct the {@code @PostConstruct} method names, in declaration order
 * @param preDestroy the {@code @PreDestroy} method names, in declaration order
 * @param checkpointPath the dotted path of the {@code @Checkpoint} option, or null
 * @param checkpointData the {@code @CheckpointData} method name, or null
 * @param checkpointAvailable the {@code @CheckpointAvailable} method name, or null
 * @param availableBoxed whether {@code @CheckpointAvailable} returns {@code Boolean} rather than {@code boolean}
 */
record EmitterModel(String family, String name, TypeElement element, ClassName type, VersionInfo version,
        List<OptionNode> parameters, String producer, List<String> postConstruct, List<String> preDestroy,
        String checkpointPath, String checkpointData, String checkpointAvailable, boolean availableBoxed) {
}
