package io.connectorkit.processor;

import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Checks an emitter's (or a partition mapper's worker's) {@code @CheckpointData}, {@code @CheckpointAvailable} and
 * {@code @CheckpointCommitted} methods, and that its configuration (the mapper's, for a worker) reaches exactly the
 * one {@code @Checkpoint} option that {@code @CheckpointData} returns.
 */
final class CheckpointMethodsValidator {

    /** The emitter's checkpoint methods; each is null when absent. */
    record CheckpointMethods(ExecutableElement data, ExecutableElement available, ExecutableElement committed) {
    }

    private final Reporter reporter;

    CheckpointMethodsValidator(Reporter reporter) {
        this.reporter = reporter;
    }

    CheckpointMethods validate(TypeElement emitter) {
        List<ExecutableElement> data = ModelSupport.methodsAnnotated(emitter, Names.CHECKPOINT_DATA);
        List<ExecutableElement> available = ModelSupport.methodsAnnotated(emitter, Names.CHECKPOINT_AVAILABLE);
        for (ExecutableElement extra : data.subList(Math.min(1, data.size()), data.size())) {
            reporter.error(Messages.CHECKPOINT_DATA_EXTRA, extra);
        }
        for (ExecutableElement extra : available.subList(Math.min(1, available.size()), available.size())) {
            reporter.error(Messages.CHECKPOINT_AVAILABLE_EXTRA, extra);
        }
        ExecutableElement dataMethod = data.isEmpty() ? null : data.get(0);
        ExecutableElement availableMethod = available.isEmpty() ? null : available.get(0);
        if (dataMethod != null) {
            if (!EmitterValidator.callableWithoutArguments(dataMethod)) {
                reporter.error(Messages.CHECKPOINT_DATA_SIGNATURE, dataMethod);
            }
            TypeElement returned = ModelSupport.typeElement(dataMethod.getReturnType());
            if (returned == null || !ModelSupport.has(returned, Names.CHECKPOINT)) {
                reporter.error(Messages.CHECKPOINT_DATA_RETURN, dataMethod, dataMethod.getReturnType());
            }
        }
        if (availableMethod != null) {
            if (dataMethod == null) {
                reporter.error(Messages.CHECKPOINT_AVAILABLE_WITHOUT_DATA, availableMethod);
            }
            if (!EmitterValidator.callableWithoutArguments(availableMethod)) {
                reporter.error(Messages.CHECKPOINT_AVAILABLE_SIGNATURE, availableMethod);
            }
            if (!isBoolean(availableMethod.getReturnType())) {
                reporter.error(Messages.CHECKPOINT_AVAILABLE_RETURN, availableMethod,
                        availableMethod.getReturnType());
            }
        }
        return new CheckpointMethods(dataMethod, availableMethod, committed(emitter, dataMethod));
    }

    /** The {@code @CheckpointCommitted} method, checked against {@code data}; null when there is none. */
    private ExecutableElement committed(TypeElement emitter, ExecutableElement data) {
        List<ExecutableElement> committed = ModelSupport.methodsAnnotated(emitter, Names.CHECKPOINT_COMMITTED);
        for (ExecutableElement extra : committed.subList(Math.min(1, committed.size()), committed.size())) {
            reporter.error(Messages.CHECKPOINT_COMMITTED_EXTRA, extra);
        }
        if (committed.isEmpty()) {
            return null;
        }
        ExecutableElement method = committed.get(0);
        if (data == null) {
            reporter.error(Messages.CHECKPOINT_COMMITTED_WITHOUT_DATA, method);
        }
        boolean signature = ModelSupport.isPublic(method) && !ModelSupport.isStatic(method)
                && method.getReturnType().getKind() == TypeKind.VOID && method.getParameters().size() == 1;
        if (!signature) {
            reporter.error(Messages.CHECKPOINT_COMMITTED_SIGNATURE, method);
        } else if (data != null) {
            TypeMirror taken = method.getParameters().get(0).asType();
            TypeElement takenType = ModelSupport.typeElement(taken);
            TypeElement returned = ModelSupport.typeElement(data.getReturnType());
            if (takenType == null || !takenType.equals(returned)) {
                reporter.error(Messages.CHECKPOINT_COMMITTED_PARAMETER, method.getParameters().get(0),
                        data.getReturnType(), taken);
            }
        }
        return method;
    }

    /**
     * Checks the {@code @Checkpoint} options of the tree against {@code @CheckpointData}; returns the dotted path of
     * the single checkpoint option, or null.
     */
    String validateReach(CheckpointMethods methods, OptionTree tree) {
        List<OptionTree.Reach> reaches = tree.checkpoints();
        if (methods.data() != null) {
            if (reaches.isEmpty()) {
                reporter.error(Messages.CHECKPOINT_OPTION_MISSING, methods.data());
            }
            for (OptionTree.Reach extra : reaches.subList(Math.min(1, reaches.size()), reaches.size())) {
                reporter.error(Messages.CHECKPOINT_OPTION_EXTRA, extra.element(), reaches.get(0).path());
            }
            TypeElement returned = ModelSupport.typeElement(methods.data().getReturnType());
            if (!reaches.isEmpty() && returned != null && ModelSupport.has(returned, Names.CHECKPOINT)
                    && !returned.equals(reaches.get(0).type())) {
                OptionTree.Reach reach = reaches.get(0);
                reporter.error(Messages.CHECKPOINT_OPTION_TYPE, methods.data(), reach.type().getQualifiedName(),
                        reach.path(), returned.getQualifiedName());
            }
        }
        return reaches.size() == 1 ? reaches.get(0).path() : null;
    }

    static boolean isBoolean(TypeMirror type) {
        return type.getKind() == TypeKind.BOOLEAN || ModelSupport.isNamed(type, "java.lang.Boolean");
    }
}
