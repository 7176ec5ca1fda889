package io.connectorkit.processor;

import com.palantir.javapoet.ClassName;
import io.connectorkit.processor.CheckpointMethodsValidator.CheckpointMethods;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.util.Elements;

/** Runs every validator on one emitter and, only when none of them found a problem, returns its model. */
final class EmitterAnalyzer {

    /** The outcome for one emitter: its model (null when it has errors) and the checkpoint classes it reaches. */
    record Result(EmitterModel model, Set<TypeElement> checkpointClasses) {
    }

    private final Elements elements;
    private final Reporter reporter;
    private final EmitterValidator emitters;
    private final CheckpointMethodsValidator checkpointMethods;
    private final BacklogValidator backlogs;
    private final OptionTreeBuilder options;
    private final CheckpointClassValidator checkpointClasses;
    private final VersionValidator versions;

    EmitterAnalyzer(Elements elements, Reporter reporter, EmitterValidator emitters,
            CheckpointMethodsValidator checkpointMethods, BacklogValidator backlogs, OptionTreeBuilder options,
            CheckpointClassValidator checkpointClasses, VersionValidator versions) {
        this.elements = elements;
        this.reporter = reporter;
        this.emitters = emitters;
        this.checkpointMethods = checkpointMethods;
        this.backlogs = backlogs;
        this.options = options;
        this.checkpointClasses = checkpointClasses;
        this.versions = versions;
    }

    Result analyze(TypeElement emitter) {
        int before = reporter.errorCount();
        EmitterParts parts = emitters.validate(emitter);
        versions.validate(emitter);
        CheckpointMethods methods = checkpointMethods.validate(emitter);
        BacklogValidator.Found backlog = backlogs.validate(emitter);
        OptionTree tree = parts.constructor() == null
                ? new OptionTree(List.of(), List.of(), Set.of())
                : options.build(parts.constructor());
        String checkpointPath = checkpointMethods.validateReach(methods, tree);
        boolean checkpointsValid = true;
        for (TypeElement checkpoint : tree.checkpointClasses()) {
            // Not short-circuited: each class must be checked (and its problems reported) anyway.
            checkpointsValid &= checkpointClasses.validate(checkpoint);
        }
        if (reporter.errorCount() != before || !checkpointsValid) {
            reporter.debug("no code for " + emitter.getQualifiedName() + ": it has errors");
            return new Result(null, tree.checkpointClasses());
        }
        AnnotationMirror mirror = ModelSupport.mirror(emitter, Names.EMITTER).orElseThrow();
        ExecutableElement available = methods.available();
        EmitterModel model = new EmitterModel(
                (String) ModelSupport.value(elements, mirror, "family").getValue(),
                (String) ModelSupport.value(elements, mirror, "name").getValue(),
                emitter,
                ClassName.get(emitter),
                versions.read(emitter),
                tree.parameters(),
                MethodCall.of(parts.constructor()),
                MethodCall.of(parts.producer()),
                calls(parts.postConstruct()),
                calls(parts.preDestroy()),
                checkpointPath,
                methods.data() == null ? null : MethodCall.of(methods.data()),
                available == null ? null : MethodCall.of(available),
                available != null && available.getReturnType().getKind() != TypeKind.BOOLEAN,
                methods.committed() == null ? null : MethodCall.of(methods.committed()),
                checkpointType(methods),
                ClassName.get(emitter),
                null,
                (Boolean) ModelSupport.value(elements, mirror, "infinite").getValue(),
                backlog);
        return new Result(model, tree.checkpointClasses());
    }

    /** The class {@code @CheckpointData} returns, for the cast of {@code @CheckpointCommitted}'s argument. */
    static ClassName checkpointType(CheckpointMethods methods) {
        TypeElement type = methods.data() == null ? null : ModelSupport.typeElement(methods.data().getReturnType());
        return type == null ? null : ClassName.get(type);
    }

    static List<MethodCall> calls(List<ExecutableElement> methods) {
        return methods.stream().map(MethodCall::of).collect(Collectors.toList());
    }
}
