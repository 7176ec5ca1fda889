package io.connectorkit.processor;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;

/** Checks that {@code @Credential} is only used on String {@code @Option}s. */
final class CredentialValidator {

    private final Reporter reporter;

    CredentialValidator(Reporter reporter) {
        this.reporter = reporter;
    }

    void validate(Element element) {
        AnnotationMirror mirror = ModelSupport.mirror(element, Names.CREDENTIAL).orElse(null);
        if (mirror == null) {
            return;
        }
        if (!ModelSupport.has(element, Names.OPTION)) {
            reporter.error(Messages.CREDENTIAL_WITHOUT_OPTION, element, mirror);
        }
        if (!ModelSupport.isNamed(element.asType(), Names.STRING)) {
            reporter.error(Messages.CREDENTIAL_NOT_STRING, element, mirror, element.asType());
        }
    }
}
