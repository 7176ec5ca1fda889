package io.connectorkit.processor;

import io.connectorkit.processor.Messages.Message;
import java.util.HashSet;
import java.util.Set;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * Reports problems on the element that caused them. A configuration class shared by several emitters is checked once
 * per emitter, so identical diagnostics are printed once but still counted, which lets each emitter know that it has
 * errors.
 */
final class Reporter {

    private final Messager messager;
    private final boolean debug;
    private final Set<Printed> printed = new HashSet<>();
    private int errors;

    /** A printed diagnostic; javac keeps one Element per declaration, so element equality is identity. */
    private record Printed(String text, Element element) {
    }

    Reporter(Messager messager, boolean debug) {
        this.messager = messager;
        this.debug = debug;
    }

    /** Errors found so far, including duplicates that were not printed again. */
    int errorCount() {
        return errors;
    }

    void error(Message message, Element element, Object... arguments) {
        print(null, message, element, null, null, arguments);
    }

    void error(Message message, Element element, AnnotationMirror mirror, Object... arguments) {
        print(null, message, element, mirror, null, arguments);
    }

    void error(Message message, Element element, AnnotationMirror mirror, AnnotationValue value,
            Object... arguments) {
        print(null, message, element, mirror, value, arguments);
    }

    /** For a message whose annotation is only known at the call site ({@code @PreDestroy}, {@code @JsonbProperty}). */
    void errorAs(String annotation, Message message, Element element, AnnotationMirror mirror, Object... arguments) {
        print(annotation, message, element, mirror, null, arguments);
    }

    void debug(String text) {
        if (debug) {
            messager.printMessage(Diagnostic.Kind.NOTE, "[connectorkit] " + text);
        }
    }

    private void print(String annotation, Message message, Element element, AnnotationMirror mirror,
            AnnotationValue value, Object[] arguments) {
        errors++;
        String text = message.format(annotation, ModelSupport.label(element), arguments);
        if (!printed.add(new Printed(text, element))) {
            return;
        }
        if (value != null) {
            messager.printMessage(Diagnostic.Kind.ERROR, text, element, mirror, value);
        } else if (mirror != null) {
            messager.printMessage(Diagnostic.Kind.ERROR, text, element, mirror);
        } else {
            messager.printMessage(Diagnostic.Kind.ERROR, text, element);
        }
    }
}
