package io.connectorkit.processor;

import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** Finds the public bean accessors of an option field: {@code getX}/{@code isX} and {@code setX}, of its type. */
final class Accessors {

    private final Elements elements;
    private final Types types;

    Accessors(Elements elements, Types types) {
        this.elements = elements;
        this.types = types;
    }

    /** Public, non-static {@code getX()} (or {@code isX()} for a boolean) returning the field's type, or null. */
    ExecutableElement getter(TypeElement owner, VariableElement field) {
        String suffix = ModelSupport.capitalize(field.getSimpleName().toString());
        boolean isBoolean = field.asType().getKind() == TypeKind.BOOLEAN;
        for (ExecutableElement method : ElementFilter.methodsIn(elements.getAllMembers(owner))) {
            String name = method.getSimpleName().toString();
            boolean named = name.equals("get" + suffix) || isBoolean && name.equals("is" + suffix);
            if (named && callable(method) && method.getParameters().isEmpty()
                    && types.isSameType(method.getReturnType(), field.asType())) {
                return method;
            }
        }
        return null;
    }

    /** Public, non-static {@code setX(T)} taking the field's type, or null. */
    ExecutableElement setter(TypeElement owner, VariableElement field) {
        String name = "set" + ModelSupport.capitalize(field.getSimpleName().toString());
        for (ExecutableElement method : ElementFilter.methodsIn(elements.getAllMembers(owner))) {
            if (method.getSimpleName().contentEquals(name) && callable(method)
                    && method.getParameters().size() == 1
                    && types.isSameType(method.getParameters().get(0).asType(), field.asType())) {
                return method;
            }
        }
        return null;
    }

    private static boolean callable(ExecutableElement method) {
        return ModelSupport.isPublic(method) && !ModelSupport.isStatic(method);
    }
}
