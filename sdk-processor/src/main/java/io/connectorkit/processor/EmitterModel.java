package io.connectorkit.processor;

import com.palantir.javapoet.ClassName;
import java.util.List;
import javax.lang.model.element.TypeElement;

/**
 * A valid emitter or partition mapper, as the generator needs it. For a partition mapper, the producer, lifecycle and
 * checkpoint methods are its worker's.
 *
 * @param family the component family
 * @param name the component name
 * @param element the emitter class, passed to the Filer as originating element
 * @param type the emitter class
 * @param version the emitter's {@code @Version}
 * @param parameters the constructor's parameters
 * @param constructor the public constructor
 * @param producer the {@code @Producer} method
 * @param postConstruct the {@code @PostConstruct} methods, in declaration order
 * @param preDestroy the {@code @PreDestroy} methods, in declaration order
 * @param checkpointPath the dotted path of the {@code @Checkpoint} option, or null
 * @param checkpointData the {@code @CheckpointData} method, or null
 * @param checkpointAvailable the {@code @CheckpointAvailable} method, or null
 * @param availableBoxed whether {@code @CheckpointAvailable} returns {@code Boolean} rather than {@code boolean}
 * @param checkpointCommitted the {@code @CheckpointCommitted} method, or null
 * @param checkpointType the {@code @Checkpoint} class {@code @CheckpointData} returns, or null
 * @param workerType the class of the producer and checkpoint methods: {@code type} for an emitter
 * @param partition what a partition mapper adds; null for an emitter
 * @param infinite whether the emitter never ends by itself ({@code @Emitter(infinite = true)})
 * @param backlog the {@code @Backlog} method and its unit, or null
 */
record EmitterModel(String family, String name, TypeElement element, ClassName type, VersionInfo version,
        List<OptionNode> parameters, MethodCall constructor, MethodCall producer, List<MethodCall> postConstruct,
        List<MethodCall> preDestroy, String checkpointPath, MethodCall checkpointData, MethodCall checkpointAvailable,
        boolean availableBoxed, MethodCall checkpointCommitted, ClassName checkpointType, ClassName workerType,
        PartitionParts partition, boolean infinite, BacklogValidator.Found backlog) {
}
