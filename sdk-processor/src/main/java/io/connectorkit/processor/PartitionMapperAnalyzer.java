package io.connectorkit.processor;

import com.palantir.javapoet.ClassName;
import io.connectorkit.processor.CheckpointMethodsValidator.CheckpointMethods;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.util.Elements;

/**
 * Runs every validator on one {@code @PartitionMapper} and its worker and, only when none of them found a problem,
 * returns its model: the mapper's configuration and methods, and the worker's producer, lifecycle and checkpoint
 * methods, which must reach the mapper's {@code @Checkpoint} option as an emitter's reach its own.
 */
final class PartitionMapperAnalyzer {

    private final Elements elements;
    private final Reporter reporter;
    private final EmitterValidator emitters;
    private final PartitionMapperValidator mappers;
    private final CheckpointMethodsValidator checkpointMethods;
    private final BacklogValidator backlogs;
    private final OptionTreeBuilder options;
    private final CheckpointClassValidator checkpointClasses;
    private final VersionValidator versions;

    PartitionMapperAnalyzer(Elements elements, Reporter reporter, EmitterValidator emitters,
            PartitionMapperValidator mappers, CheckpointMethodsValidator checkpointMethods, BacklogValidator backlogs,
            OptionTreeBuilder options, CheckpointClassValidator checkpointClasses, VersionValidator versions) {
        this.elements = elements;
        this.reporter = reporter;
        this.emitters = emitters;
        this.mappers = mappers;
        this.checkpointMethods = checkpointMethods;
        this.backlogs = backlogs;
        this.options = options;
        this.checkpointClasses = checkpointClasses;
        this.versions = versions;
    }

    EmitterAnalyzer.Result analyze(TypeElement mapper) {
        int before = reporter.errorCount();
        ExecutableElement constructor = emitters.validateComponentClass(mapper, Names.PARTITION_MAPPER);
        versions.validate(mapper);
        PartitionMapperValidator.Found found = mappers.validate(mapper, constructor);
        EmitterParts worker = found.worker() == null ? null : emitters.worker(found.worker(), constructor);
        CheckpointMethods methods = found.worker() == null ? new CheckpointMethods(null, null, null)
                : checkpointMethods.validate(found.worker());
        BacklogValidator.Found backlog = found.worker() == null ? null : backlogs.validate(found.worker());
        OptionTree tree = constructor == null
                ? new OptionTree(List.of(), List.of(), Set.of())
                : options.build(constructor);
        String checkpointPath = checkpointMethods.validateReach(methods, tree);
        boolean checkpointsValid = true;
        for (TypeElement checkpoint : tree.checkpointClasses()) {
            checkpointsValid &= checkpointClasses.validate(checkpoint);
        }
        if (reporter.errorCount() != before || !checkpointsValid || worker == null || worker.producer() == null
                || found.split() == null) {
            reporter.debug("no code for " + mapper.getQualifiedName() + ": it has errors");
            return new EmitterAnalyzer.Result(null, tree.checkpointClasses());
        }
        AnnotationMirror mirror = ModelSupport.mirror(mapper, Names.PARTITION_MAPPER).orElseThrow();
        ExecutableElement available = methods.available();
        PartitionParts partition = new PartitionParts(
                MethodCall.of(found.factory()),
                found.assessor() == null ? null : MethodCall.of(found.assessor()),
                MethodCall.of(found.split()),
                found.splitId() == null ? null : MethodCall.of(found.splitId()),
                found.readers());
        EmitterModel model = new EmitterModel(
                (String) ModelSupport.value(elements, mirror, "family").getValue(),
                (String) ModelSupport.value(elements, mirror, "name").getValue(),
                mapper,
                ClassName.get(mapper),
                versions.read(mapper),
                tree.parameters(),
                MethodCall.of(constructor),
                MethodCall.of(worker.producer()),
                EmitterAnalyzer.calls(worker.postConstruct()),
                EmitterAnalyzer.calls(worker.preDestroy()),
                checkpointPath,
                methods.data() == null ? null : MethodCall.of(methods.data()),
                available == null ? null : MethodCall.of(available),
                available != null && available.getReturnType().getKind() != TypeKind.BOOLEAN,
                methods.committed() == null ? null : MethodCall.of(methods.committed()),
                EmitterAnalyzer.checkpointType(methods),
                ClassName.get(found.worker()),
                partition,
                false,
                backlog);
        return new EmitterAnalyzer.Result(model, tree.checkpointClasses());
    }
}
