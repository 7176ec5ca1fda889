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
 * methods. Options and checkpoint methods have their own validators.
 */
final class EmitterValidator {

    private final Elements elements;
    private final Reporter reporter;
    /** family/name to the qualified name of the first emitter using it, across rounds. */
    private final Map<String, String> identities;

    EmitterValidator(Elements elements, Reporter reporter, Map<String, String> identities) {
        this.elements = elements;
        this.reporter = reporter;
        this.identities = identities;
    }

    EmitterParts validate(TypeElement emitter) {
        checkIdentity(emitter);
        // A generic emitter would need raw types in the generated code.
        if (!ModelSupport.isInstantiableClass(emitter) || !emitter.getTypeParameters().isEmpty()) {
            reporter.error(Messages.EMITTER_CLASS_SHAPE, emitter);
        }
        ExecutableElement constructor = constructor(emitter);
        ExecutableElement producer = producer(emitter);
        List<ExecutableElement> postConstruct = lifecycle(emitter, Names.POST_CONSTRUCT, "@PostConstruct");
        List<ExecutableElement> preDestroy = lifecycle(emitter, Names.PRE_DESTROY, "@PreDestroy");
        return new EmitterParts(constructor, producer, postConstruct, preDestroy);
    }

    private void checkIdentity(TypeElement emitter) {
        AnnotationMirror mirror = ModelSupport.mirror(emitter, Names.EMITTER).orElseThrow();
        String family = (String) ModelSupport.value(elements, mirror, "family").getValue();
        String name = (String) ModelSupport.value(elements, mirror, "name").getValue();
        if (family.isBlank() || name.isBlank()) {
            reporter.error(Messages.EMITTER_BLANK_ID, emitter, mirror);
            return;
        }
        String id = family + "/" + name;
        String qualifiedName = emitter.getQualifiedName().toString();
        String first = identities.putIfAbsent(id, qualifiedName);
        if (first != null && !first.equals(qualifiedName)) {
            reporter.error(Messages.EMITTER_DUPLICATE_ID, emitter, mirror, id, first);
        }
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

    private ExecutableElement producer(TypeElement emitter) {
        List<ExecutableElement> producers = ModelSupport.methodsAnnotated(emitter, Names.PRODUCER);
        if (producers.isEmpty()) {
            reporter.error(Messages.PRODUCER_MISSING, emitter);
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
