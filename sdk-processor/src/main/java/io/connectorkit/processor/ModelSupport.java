package io.connectorkit.processor;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Small, stateless helpers over {@code javax.lang.model}: finding annotation mirrors by name (annotations are compared
 * by qualified name, never loaded as classes), reading their values, and rendering elements for messages.
 */
final class ModelSupport {

    private ModelSupport() {
    }

    static Optional<AnnotationMirror> mirror(Element element, String annotationName) {
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
            if (type.getQualifiedName().contentEquals(annotationName)) {
                return Optional.of(mirror);
            }
        }
        return Optional.empty();
    }

    static boolean has(Element element, String annotationName) {
        return mirror(element, annotationName).isPresent();
    }

    /** The value of {@code name} in {@code mirror}, its default included. */
    static AnnotationValue value(Elements elements, AnnotationMirror mirror, String name) {
        Map<? extends ExecutableElement, ? extends AnnotationValue> values =
                elements.getElementValuesWithDefaults(mirror);
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry : values.entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals(name)) {
                return entry.getValue();
            }
        }
        throw new IllegalArgumentException("no value " + name + " in " + mirror);
    }

    /** The value of {@code name} only when written in the source, for precise error positions; else null. */
    static AnnotationValue explicitValue(AnnotationMirror mirror, String name) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
                : mirror.getElementValues().entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals(name)) {
                return entry.getValue();
            }
        }
        return null;
    }

    static boolean isPublic(Element element) {
        return element.getModifiers().contains(Modifier.PUBLIC);
    }

    static boolean isStatic(Element element) {
        return element.getModifiers().contains(Modifier.STATIC);
    }

    /** Public, a concrete class, and either top-level or a static member: what the runtime can instantiate. */
    static boolean isInstantiableClass(TypeElement type) {
        return type.getKind() == ElementKind.CLASS
                && isPublic(type)
                && !type.getModifiers().contains(Modifier.ABSTRACT)
                && (type.getNestingKind() == NestingKind.TOP_LEVEL
                        || type.getNestingKind() == NestingKind.MEMBER && isStatic(type)
                                && enclosingTypesPublic(type));
    }

    private static boolean enclosingTypesPublic(TypeElement type) {
        Element enclosing = type.getEnclosingElement();
        while (enclosing instanceof TypeElement) {
            if (!isPublic(enclosing)) {
                return false;
            }
            enclosing = enclosing.getEnclosingElement();
        }
        return true;
    }

    static boolean hasPublicNoArgConstructor(TypeElement type) {
        return ElementFilter.constructorsIn(type.getEnclosedElements()).stream()
                .anyMatch(constructor -> isPublic(constructor) && constructor.getParameters().isEmpty());
    }

    /** Whether the public no-argument constructor of {@code type} has a {@code throws} clause. */
    static boolean noArgConstructorDeclaresExceptions(TypeElement type) {
        return ElementFilter.constructorsIn(type.getEnclosedElements()).stream()
                .anyMatch(constructor -> isPublic(constructor) && constructor.getParameters().isEmpty()
                        && !constructor.getThrownTypes().isEmpty());
    }

    static List<ExecutableElement> publicConstructors(TypeElement type) {
        return ElementFilter.constructorsIn(type.getEnclosedElements()).stream()
                .filter(ModelSupport::isPublic)
                .collect(Collectors.toList());
    }

    static List<ExecutableElement> methodsAnnotated(TypeElement type, String annotationName) {
        return ElementFilter.methodsIn(type.getEnclosedElements()).stream()
                .filter(method -> has(method, annotationName))
                .collect(Collectors.toList());
    }

    static List<VariableElement> fields(TypeElement type) {
        return ElementFilter.fieldsIn(type.getEnclosedElements());
    }

    /** The class a declared type names, or null for primitives, arrays, type variables and the like. */
    static TypeElement typeElement(TypeMirror type) {
        if (type.getKind() != TypeKind.DECLARED) {
            return null;
        }
        return (TypeElement) ((DeclaredType) type).asElement();
    }

    static boolean isNamed(TypeMirror type, String qualifiedName) {
        TypeElement element = typeElement(type);
        return element != null && element.getQualifiedName().contentEquals(qualifiedName);
    }

    /** How an element is shown in a message: {@code ListInput}, {@code isReady()}, {@code total}. */
    static String label(Element element) {
        if (element == null) {
            return "the compilation";
        }
        switch (element.getKind()) {
            case METHOD:
                return element.getSimpleName() + "()";
            case CONSTRUCTOR:
                return element.getEnclosingElement().getSimpleName() + "(...)";
            case PARAMETER:
                return "parameter " + element.getSimpleName();
            default:
                return element.getSimpleName().toString();
        }
    }

    /** Capitalises a field name for its accessors: {@code total} gives {@code Total}. */
    static String capitalize(String name) {
        return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
