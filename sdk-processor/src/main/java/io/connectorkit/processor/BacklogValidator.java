package io.connectorkit.processor;

import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.util.Elements;

/** Checks an emitter's (or a partition mapper's worker's) {@code @Backlog} method. */
final class BacklogValidator {

    /** The valid {@code @Backlog} method and its unit. */
    record Found(MethodCall method, String unit) {
    }

    private final Elements elements;
    private final Reporter reporter;

    BacklogValidator(Elements elements, Reporter reporter) {
        this.elements = elements;
        this.reporter = reporter;
    }

    /** The {@code @Backlog} method of {@code worker}; null when it has none (or after reporting a broken rule). */
    Found validate(TypeElement worker) {
        List<ExecutableElement> methods = ModelSupport.methodsAnnotated(worker, Names.BACKLOG);
        for (ExecutableElement extra : methods.subList(Math.min(1, methods.size()), methods.size())) {
            reporter.error(Messages.BACKLOG_EXTRA, extra);
        }
        if (methods.isEmpty()) {
            return null;
        }
        ExecutableElement method = methods.get(0);
        boolean valid = true;
        if (!EmitterValidator.callableWithoutArguments(method) || method.getReturnType().getKind() != TypeKind.LONG) {
            reporter.error(Messages.BACKLOG_SIGNATURE, method, method.getReturnType());
            valid = false;
        }
        AnnotationMirror mirror = ModelSupport.mirror(method, Names.BACKLOG).orElseThrow();
        String unit = (String) ModelSupport.value(elements, mirror, "unit").getValue();
        if (unit.isBlank()) {
            AnnotationValue written = ModelSupport.explicitValue(mirror, "unit");
            reporter.error(Messages.BACKLOG_UNIT_BLANK, method, mirror, written);
            valid = false;
        }
        return valid ? new Found(MethodCall.of(method), unit) : null;
    }
}
