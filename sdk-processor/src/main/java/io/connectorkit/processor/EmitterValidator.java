package io.connectorkit.processor;

import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.util.Elements;

/**
 * Checks the {@code @Emitter} class itself: identity, class shape, constructor, {@code @Producer} and lifecycle
 * methods. A {@code @PartitionMapper} class shares the identity, shape and constructor rules, and its worker the
 * {@code @Producer} and lifecycle rules. Options and checkpoint methods have their own validators.
 */
final class EmitterValidator {

    private final Elements elements;
    private final Reporter reporter;
    /** family/name to the qualified name of the first emitter or mapper using it, across rounds. */
    private final Map<String, String> identities;

    EmitterValidator(Elements elements, Reporter reporter, Map<String, String> identities) {
        this.elements = elements;
        this.reporter = reporter;
        this.identities = identities;
    }

    EmitterParts validate(TypeElement emitter) {
        ExecutableElement constructor = validateComponentClass(emitter, Names.EMITTER);
        return worker(emitter, constructor);
    }

    /**
     * The rules an emitter and a partition mapper share: identity (under {@code annotation}), class shape and
     * constructor. Returns the constructor, or null when it has none or several (reported).
     */
    ExecutableElement validateComponentClass(TypeElement component, String annotation) {
        checkIdentity(component, annotation);
        // A generic component would need raw types in the generated code.
        if (!ModelSupport.isInstantiableClass(component) || !component.getTypeParameters().isEmpty()) {
            reporter.errorAs(annotation.equals(Names.EMITTER) ? null : "@PartitionMapper",
                    Messages.EMITTER_CLASS_SHAPE, component, null);
        }
        return constructor(component);
    }

    /**
     * The {@code @Producer} and lifecycle methods of {@code worker} (an emitter, or the worker a partition mapper's
     * factory returns), with {@code constructor} (null for a worker) for the parts.
     */
    EmitterParts worker(TypeElement worker, ExecutableElement constructor) {
        ExecutableElement producer = producer(worker);
        List<ExecutableElement> postConstruct = lifecycle(worker, Names.POST_CONSTRUCT, "@PostConstruct");
        List<ExecutableElement> preDestroy = lifecycle(worker, Names.PRE_DESTROY, "@PreDestroy");
        return new EmitterParts(constructor, producer, postConstruct, preDestroy);
    }

    private void checkIdentity(TypeElement emitter, String annotation) {
        AnnotationMirror mirror = ModelSupport.mirror(emitter, annotation).orElseThrow();
        String family = (String) ModelSupport.value(elements, mirror, "family").getValue();
        String name = (String) ModelSupport.value(elements, mirror, "name").getValue();
        if (family.isBlank() || name.isBlank()) {
            reporter.errorAs(shown(annotation), Messages.EMITTER_BLANK_ID, emitter, mirror);
            return;
        }
        String id = family + "/" + name;
        String qualifiedName = emitter.getQualifiedName().toString();
        String first = identities.putIfAbsent(id, qualifiedName);
        if (first != null && !first.equals(qualifiedName)) {
            reporter.errorAs(shown(annotation), Messages.EMITTER_DUPLICATE_ID, emitter, mirror, id, first);
        }
    }

    /** {@code @Emitter} or {@code @PartitionMapper}, as messages show the annotation. */
    private static String shown(String annotation) {
        return annotation.equals(Names.EMITTER) ? null : "@PartitionMapper";
    }

    private ExecutableElement constructor(TypeElement emitter) {
        List<ExecutableElement> constructors = ModelSupport.publicConstructors(emitter);
        if (constructors.size() != 1) {
            reporter.error(Messages.EMITTER_CONSTRUCTOR_COUNT, emitter, constructors.size());
            return null;
        }
        ExecutableElement constructor = constructors.get(0);
        for (VariableElement parameter : constructor.getParameters()) {
            boolean service = ModelSupport.isNamed(parameter.asType(), Names.JSON_BUILDER_FACTORY)
                    || ModelSupport.isNamed(parameter.asType(), Names.JSONB);
            if (!ModelSupport.has(parameter, Names.OPTION) && !service) {
                reporter.error(Messages.EMITTER_CONSTRUCTOR_PARAMETER, parameter, parameter.asType());
            }
        }
        return constructor;
    }

    /** The one {@code @Producer} method; null when there is none (reported on the emitter, or by the caller). */
    private ExecutableElement producer(TypeElement emitter) {
        List<ExecutableElement> producers = ModelSupport.methodsAnnotated(emitter, Names.PRODUCER);
        if (producers.isEmpty()) {
            if (ModelSupport.has(emitter, Names.EMITTER)) {
                reporter.error(Messages.PRODUCER_MISSING, emitter);
            }
            return null;
        }
        for (ExecutableElement extra : producers.subList(1, producers.size())) {
            reporter.error(Messages.PRODUCER_EXTRA, extra);
        }
        ExecutableElement producer = producers.get(0);
        TypeKind returned = producer.getReturnType().getKind();
        if (!callableWithoutArguments(producer) || returned == TypeKind.VOID || returned.isPrimitive()) {
            reporter.error(Messages.PRODUCER_SIGNATURE, producer);
        }
        return producers.size() == 1 ? producer : null;
    }

    private List<ExecutableElement> lifecycle(TypeElement emitter, String annotation, String shown) {
        List<ExecutableElement> methods = ModelSupport.methodsAnnotated(emitter, annotation);
        for (ExecutableElement method : methods) {
            if (!callableWithoutArguments(method)) {
                reporter.errorAs(shown, Messages.LIFECYCLE_SIGNATURE, method, null);
            }
        }
        return methods;
    }

    static boolean callableWithoutArguments(ExecutableElement method) {
        return method.getModifiers().contains(Modifier.PUBLIC) && !method.getModifiers().contains(Modifier.STATIC)
                && method.getParameters().isEmpty();
    }
}
