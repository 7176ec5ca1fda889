package io.connectorkit.processor;

import com.palantir.javapoet.ClassName;
import io.connectorkit.processor.Messages.Message;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/** Checks {@code @Version} (value, migration handler, placement on a class) and reads it for the generator. */
final class VersionValidator {

    private final Elements elements;
    private final Reporter reporter;

    VersionValidator(Elements elements, Reporter reporter) {
        this.elements = elements;
        this.reporter = reporter;
    }

    /** Reports every problem of the {@code @Version} on {@code element}, if it has one. */
    void validate(Element element) {
        Optional<AnnotationMirror> found = ModelSupport.mirror(element, Names.VERSION);
        if (found.isEmpty()) {
            return;
        }
        AnnotationMirror mirror = found.get();
        // On a class: an emitter, a checkpoint state or a configuration class (as in Talend Component Kit).
        if (element.getKind() != ElementKind.CLASS) {
            reporter.error(Messages.VERSION_PLACEMENT, element, mirror);
        }
        AnnotationValue value = ModelSupport.value(elements, mirror, "value");
        int version = (Integer) value.getValue();
        if (version < 1) {
            report(Messages.VERSION_VALUE, element, mirror, "value", version);
        }
        TypeMirror handler = (TypeMirror) ModelSupport.value(elements, mirror, "migrationHandler").getValue();
        TypeElement handlerType = ModelSupport.typeElement(handler);
        if (handlerType != null && !handlerType.getQualifiedName().contentEquals(Names.MIGRATION_HANDLER)
                && !(ModelSupport.isInstantiableClass(handlerType)
                        && ModelSupport.hasPublicNoArgConstructor(handlerType))) {
            report(Messages.VERSION_HANDLER, element, mirror, "migrationHandler", handler);
        }
    }

    /** The version of {@code type}; assumes {@link #validate} accepted it. */
    VersionInfo read(TypeElement type) {
        Optional<AnnotationMirror> found = ModelSupport.mirror(type, Names.VERSION);
        if (found.isEmpty()) {
            return VersionInfo.DEFAULT;
        }
        int version = (Integer) ModelSupport.value(elements, found.get(), "value").getValue();
        TypeMirror handler = (TypeMirror) ModelSupport.value(elements, found.get(), "migrationHandler").getValue();
        TypeElement handlerType = ModelSupport.typeElement(handler);
        boolean none = handlerType == null || handlerType.getQualifiedName().contentEquals(Names.MIGRATION_HANDLER);
        if (none) {
            return new VersionInfo(version, null, false);
        }
        return new VersionInfo(version, ClassName.get(handlerType),
                ModelSupport.noArgConstructorDeclaresExceptions(handlerType));
    }

    private void report(Message message, Element element, AnnotationMirror mirror, String member, Object argument) {
        AnnotationValue written = ModelSupport.explicitValue(mirror, member);
        if (written != null) {
            reporter.error(message, element, mirror, written, argument);
        } else {
            reporter.error(message, element, mirror, argument);
        }
    }
}
