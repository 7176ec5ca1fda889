package io.connectorkit.processor;

import io.connectorkit.api.spi.OptionModel.Kind;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/** Maps a Java type to the {@link Kind} of option it makes, or says that it is not a supported option type. */
final class OptionTypes {

    /** The classification of a supported type. */
    record Classified(Kind kind, TypeElement declared, TypeMirror listElement) {
    }

    private static final Map<TypeKind, Kind> PRIMITIVES = Map.of(
            TypeKind.BOOLEAN, Kind.BOOLEAN, TypeKind.BYTE, Kind.BYTE, TypeKind.SHORT, Kind.SHORT,
            TypeKind.INT, Kind.INT, TypeKind.LONG, Kind.LONG, TypeKind.FLOAT, Kind.FLOAT,
            TypeKind.DOUBLE, Kind.DOUBLE, TypeKind.CHAR, Kind.CHAR);

    private static final Map<String, Kind> BOXES = Map.of(
            "java.lang.Boolean", Kind.BOOLEAN, "java.lang.Byte", Kind.BYTE, "java.lang.Short", Kind.SHORT,
            "java.lang.Integer", Kind.INT, "java.lang.Long", Kind.LONG, "java.lang.Float", Kind.FLOAT,
            "java.lang.Double", Kind.DOUBLE, "java.lang.Character", Kind.CHAR, Names.STRING, Kind.STRING);

    private OptionTypes() {
    }

    /** The classification, or null when the type is not supported (a List's element is checked by the caller). */
    static Classified classify(TypeMirror type) {
        Kind primitive = PRIMITIVES.get(type.getKind());
        if (primitive != null) {
            return new Classified(primitive, null, null);
        }
        TypeElement element = ModelSupport.typeElement(type);
        if (element == null) {
            return null;
        }
        String name = element.getQualifiedName().toString();
        Kind boxed = BOXES.get(name);
        if (boxed != null) {
            return new Classified(boxed, element, null);
        }
        if (element.getKind() == ElementKind.ENUM) {
            // The index may be generated in another package, so the enum must be visible from anywhere.
            return isPublicEverywhere(element) ? new Classified(Kind.ENUM, element, null) : null;
        }
        if (name.equals(Names.LIST)) {
            List<? extends TypeMirror> arguments = ((DeclaredType) type).getTypeArguments();
            // A raw List or a wildcard element has no type to bind items to.
            if (arguments.size() != 1 || arguments.get(0).getKind() != TypeKind.DECLARED) {
                return null;
            }
            return new Classified(Kind.LIST, element, arguments.get(0));
        }
        if (isConfigurationCandidate(element)) {
            return new Classified(Kind.OBJECT, element, null);
        }
        return null;
    }

    private static boolean isPublicEverywhere(TypeElement element) {
        for (Element e = element; e instanceof TypeElement; e = e.getEnclosingElement()) {
            if (!ModelSupport.isPublic(e)) {
                return false;
            }
        }
        return true;
    }

    /**
     * A class outside the JDK and without type parameters may be a configuration class; whether it is a valid one
     * (public, static, no-argument constructor) is checked separately so that the message can say why.
     */
    private static boolean isConfigurationCandidate(TypeElement element) {
        String name = element.getQualifiedName().toString();
        return element.getKind() == ElementKind.CLASS
                && element.getTypeParameters().isEmpty()
                && !name.startsWith("java.")
                && !name.startsWith("javax.")
                && !name.startsWith("jakarta.");
    }
}
