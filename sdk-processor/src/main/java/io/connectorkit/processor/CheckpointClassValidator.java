package io.connectorkit.processor;

import io.connectorkit.api.spi.OptionModel.Kind;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * Checks a {@code @Checkpoint} class, once per compilation: its shape, its interval and, through its whole subtree
 * of configuration classes, that every field round-trips through a checkpoint by option name.
 */
final class CheckpointClassValidator {

    private final Elements elements;
    private final Reporter reporter;
    private final Accessors accessors;
    private final VersionValidator versions;
    private final Map<String, Boolean> results = new HashMap<>();

    CheckpointClassValidator(Elements elements, Reporter reporter, Accessors accessors, VersionValidator versions) {
        this.elements = elements;
        this.reporter = reporter;
        this.accessors = accessors;
        this.versions = versions;
    }

    /** Whether the class is valid; problems are reported the first time only. */
    boolean validate(TypeElement checkpoint) {
        return results.computeIfAbsent(checkpoint.getQualifiedName().toString(), name -> check(checkpoint));
    }

    private boolean check(TypeElement checkpoint) {
        int before = reporter.errorCount();
        if (!ModelSupport.isInstantiableClass(checkpoint) || !ModelSupport.hasPublicNoArgConstructor(checkpoint)) {
            reporter.error(Messages.CHECKPOINT_CLASS_SHAPE, checkpoint);
        }
        AnnotationMirror mirror = ModelSupport.mirror(checkpoint, Names.CHECKPOINT).orElseThrow();
        long interval = (Long) ModelSupport.value(elements, mirror, "interval").getValue();
        if (interval <= 0) {
            reporter.error(Messages.CHECKPOINT_INTERVAL, checkpoint, mirror, interval);
        }
        versions.validate(checkpoint);
        checkFields(checkpoint, new HashSet<>());
        return reporter.errorCount() == before;
    }

    private void checkFields(TypeElement type, Set<TypeElement> visited) {
        if (!visited.add(type)) {
            return;
        }
        for (VariableElement field : ModelSupport.fields(type)) {
            if (ModelSupport.isStatic(field)) {
                continue;
            }
            rejectJsonb(field);
            if (!ModelSupport.has(field, Names.OPTION)) {
                if (!field.getModifiers().contains(Modifier.TRANSIENT)) {
                    reporter.error(Messages.CHECKPOINT_NON_OPTION_FIELD, field);
                }
                continue;
            }
            if (ModelSupport.has(field, Names.CREDENTIAL)) {
                reporter.error(Messages.CHECKPOINT_CREDENTIAL, field);
            }
            checkAccess(type, field);
            for (TypeElement nested : configurationClasses(field.asType())) {
                checkFields(nested, visited);
            }
        }
    }

    /** The runtime both captures (getter) and restores (setter) every checkpoint option. */
    private void checkAccess(TypeElement owner, VariableElement field) {
        ExecutableElement getter = accessors.getter(owner, field);
        ExecutableElement setter = accessors.setter(owner, field);
        boolean direct = ModelSupport.isPublic(field) && !field.getModifiers().contains(Modifier.FINAL);
        if (!direct && (getter == null || setter == null)) {
            reporter.error(Messages.CHECKPOINT_FIELD_ACCESS, field, field.asType());
        }
        if (getter != null) {
            rejectJsonb(getter);
        }
        if (setter != null) {
            rejectJsonb(setter);
        }
    }

    private void rejectJsonb(Element element) {
        for (AnnotationMirror annotation : element.getAnnotationMirrors()) {
            TypeElement type = (TypeElement) annotation.getAnnotationType().asElement();
            if (type.getQualifiedName().toString().startsWith(Names.JSONB_ANNOTATION_PACKAGE)) {
                reporter.errorAs("@" + type.getSimpleName(), Messages.CHECKPOINT_JSONB, element, annotation);
            }
        }
    }

    /** The configuration classes a field's type leads to: the class itself, or a List's element class. */
    private static List<TypeElement> configurationClasses(TypeMirror type) {
        OptionTypes.Classified classified = OptionTypes.classify(type);
        if (classified == null) {
            return List.of();
        }
        if (classified.kind() == Kind.LIST) {
            return configurationClasses(classified.listElement());
        }
        return classified.kind() == Kind.OBJECT ? List.of(classified.declared()) : List.of();
    }
}
