package io.connectorkit.processor;

import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
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
        return getter(owner, field.getSimpleName().toString(), field.asType());
    }

    /** Public, non-static {@code getName()} (or {@code isName()} for a boolean) returning {@code type}, or null. */
    ExecutableElement getter(TypeElement owner, String name, TypeMirror type) {
        String suffix = ModelSupport.capitalize(name);
        boolean isBoolean = type.getKind() == TypeKind.BOOLEAN;
        for (ExecutableElement method : ElementFilter.methodsIn(elements.getAllMembers(owner))) {
            String methodName = method.getSimpleName().toString();
            boolean named = methodName.equals("get" + suffix) || isBoolean && methodName.equals("is" + suffix);
            if (named && callable(method) && method.getParameters().isEmpty()
                    && types.isSameType(method.getReturnType(), type)) {
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
