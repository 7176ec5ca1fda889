package io.connectorkit.processor;

import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Checks what a {@code @PartitionMapper} class adds to an emitter's rules: its {@code @Emitter} factory and the
 * worker it returns, {@code @Split}, {@code @Assessor}, {@code @SplitId}, a getter per {@code @Option} constructor
 * parameter, and no worker methods on the mapper itself. Also the partition annotations found outside a mapper.
 */
final class PartitionMapperValidator {

    /** The annotations whose methods belong to the worker, with how messages show them. */
    private static final List<String[]> WORKER_ANNOTATIONS = List.of(
            new String[] {Names.PRODUCER, "@Producer"},
            new String[] {Names.CHECKPOINT_DATA, "@CheckpointData"},
            new String[] {Names.CHECKPOINT_AVAILABLE, "@CheckpointAvailable"},
            new String[] {Names.CHECKPOINT_COMMITTED, "@CheckpointCommitted"},
            new String[] {Names.POST_CONSTRUCT, "@PostConstruct"},
            new String[] {Names.PRE_DESTROY, "@PreDestroy"});

    /** The mapper's methods; each is null when absent or reported as broken beyond use. */
    record Found(ExecutableElement factory, TypeElement worker, ExecutableElement split, ExecutableElement assessor,
            ExecutableElement splitId, List<PartitionParts.Reader> readers) {
    }

    private final Elements elements;
    private final Types types;
    private final Reporter reporter;
    private final Accessors accessors;

    PartitionMapperValidator(Elements elements, Types types, Reporter reporter, Accessors accessors) {
        this.elements = elements;
        this.types = types;
        this.reporter = reporter;
        this.accessors = accessors;
    }

    /** Checks the mapper's own methods; {@code constructor} is null when it has none or several (reported). */
    Found validate(TypeElement mapper, ExecutableElement constructor) {
        for (String[] annotation : WORKER_ANNOTATIONS) {
            for (ExecutableElement method : ModelSupport.methodsAnnotated(mapper, annotation[0])) {
                reporter.errorAs(annotation[1], Messages.MAPPER_WORKER_METHOD, method, null, annotation[1]);
            }
        }
        ExecutableElement factory = factory(mapper);
        TypeElement worker = factory == null ? null : worker(factory);
        return new Found(factory, worker, split(mapper), assessor(mapper), splitId(mapper),
                constructor == null ? List.of() : readers(mapper, constructor));
    }

    /** Reports {@code element}, annotated {@code annotation}, when it is not where a partition annotation belongs. */
    void validatePlacement(Element element, String annotation) {
        Element enclosing = element.getEnclosingElement();
        switch (annotation) {
            case Names.EMITTER -> {
                if (element.getKind() == ElementKind.METHOD && !ModelSupport.has(enclosing, Names.PARTITION_MAPPER)) {
                    reporter.error(Messages.MAPPER_FACTORY_OUTSIDE, element);
                }
            }
            case Names.PARTITION_SIZE -> {
                if (!ModelSupport.has(enclosing, Names.SPLIT)) {
                    reporter.error(Messages.PARTITION_SIZE_PLACEMENT, element);
                }
            }
            default -> {
                if (!ModelSupport.has(enclosing, Names.PARTITION_MAPPER)) {
                    String shown = "@" + annotation.substring(annotation.lastIndexOf('.') + 1);
                    reporter.errorAs(shown, Messages.MAPPER_METHOD_OUTSIDE, element, null, shown);
                }
            }
        }
    }

    private ExecutableElement factory(TypeElement mapper) {
        List<ExecutableElement> factories = ModelSupport.methodsAnnotated(mapper, Names.EMITTER);
        if (factories.isEmpty()) {
            reporter.error(Messages.MAPPER_FACTORY_MISSING, mapper);
            return null;
        }
        for (ExecutableElement extra : factories.subList(1, factories.size())) {
            reporter.error(Messages.MAPPER_FACTORY_EXTRA, extra);
        }
        ExecutableElement factory = factories.get(0);
        AnnotationMirror mirror = ModelSupport.mirror(factory, Names.EMITTER).orElseThrow();
        if (ModelSupport.explicitValue(mirror, "family") != null || ModelSupport.explicitValue(mirror, "name") != null) {
            reporter.error(Messages.MAPPER_FACTORY_ID, factory, mirror);
        }
        AnnotationValue infinite = ModelSupport.explicitValue(mirror, "infinite");
        if (infinite != null && Boolean.TRUE.equals(infinite.getValue())) {
            reporter.error(Messages.MAPPER_FACTORY_INFINITE, factory, mirror, infinite);
        }
        if (!EmitterValidator.callableWithoutArguments(factory)) {
            reporter.error(Messages.MAPPER_FACTORY_SIGNATURE, factory);
        }
        return factory;
    }

    /** The class the factory returns, when the generated code can call it; null (reported) otherwise. */
    private TypeElement worker(ExecutableElement factory) {
        TypeElement worker = ModelSupport.typeElement(factory.getReturnType());
        boolean callable = worker != null && worker.getKind() == ElementKind.CLASS && ModelSupport.isPublic(worker)
                && worker.getTypeParameters().isEmpty()
                && (worker.getNestingKind() == NestingKind.TOP_LEVEL
                        || worker.getNestingKind() == NestingKind.MEMBER && ModelSupport.isStatic(worker)
                                && ModelSupport.isPublic(worker.getEnclosingElement()));
        if (!callable) {
            reporter.error(Messages.MAPPER_WORKER_SHAPE, factory, factory.getReturnType());
            return null;
        }
        if (ModelSupport.methodsAnnotated(worker, Names.PRODUCER).isEmpty()) {
            reporter.error(Messages.MAPPER_WORKER_PRODUCER, factory, worker.getSimpleName());
        }
        return worker;
    }

    private ExecutableElement split(TypeElement mapper) {
        List<ExecutableElement> splits = ModelSupport.methodsAnnotated(mapper, Names.SPLIT);
        if (splits.isEmpty()) {
            reporter.error(Messages.MAPPER_SPLIT_MISSING, mapper);
            return null;
        }
        for (ExecutableElement extra : splits.subList(1, splits.size())) {
            reporter.error(Messages.MAPPER_SPLIT_EXTRA, extra);
        }
        ExecutableElement split = splits.get(0);
        boolean callable = ModelSupport.isPublic(split) && !ModelSupport.isStatic(split);
        if (!callable || !isListOf(split.getReturnType(), mapper)) {
            reporter.error(Messages.MAPPER_SPLIT_RETURN, split, mapper.getSimpleName(), split.getReturnType());
        }
        List<? extends VariableElement> parameters = split.getParameters();
        if (parameters.size() != 1 || !ModelSupport.has(parameters.get(0), Names.PARTITION_SIZE)
                || parameters.get(0).asType().getKind() != TypeKind.LONG) {
            reporter.error(Messages.MAPPER_SPLIT_PARAMETER, split);
        }
        return split;
    }

    /** {@code java.util.List<M>} or {@code List<? extends M>}. */
    private boolean isListOf(TypeMirror type, TypeElement mapper) {
        if (!ModelSupport.isNamed(type, Names.LIST)) {
            return false;
        }
        List<? extends TypeMirror> arguments = ((DeclaredType) type).getTypeArguments();
        if (arguments.size() != 1) {
            return false;
        }
        TypeMirror argument = arguments.get(0);
        if (argument instanceof WildcardType wildcard) {
            argument = wildcard.getExtendsBound();
        }
        return argument != null && types.isSameType(argument, mapper.asType());
    }

    private ExecutableElement assessor(TypeElement mapper) {
        ExecutableElement assessor = single(mapper, Names.ASSESSOR, Messages.MAPPER_ASSESSOR_EXTRA);
        if (assessor != null) {
            TypeKind returned = assessor.getReturnType().getKind();
            if (!EmitterValidator.callableWithoutArguments(assessor)
                    || returned != TypeKind.LONG && returned != TypeKind.INT) {
                reporter.error(Messages.MAPPER_ASSESSOR_SIGNATURE, assessor, assessor.getReturnType());
            }
        }
        return assessor;
    }

    private ExecutableElement splitId(TypeElement mapper) {
        ExecutableElement splitId = single(mapper, Names.SPLIT_ID, Messages.MAPPER_SPLIT_ID_EXTRA);
        if (splitId != null && (!EmitterValidator.callableWithoutArguments(splitId)
                || !ModelSupport.isNamed(splitId.getReturnType(), Names.STRING))) {
            reporter.error(Messages.MAPPER_SPLIT_ID_SIGNATURE, splitId, splitId.getReturnType());
        }
        return splitId;
    }

    /** The first method annotated {@code annotation}, the others reported with {@code extra}; null when none. */
    private ExecutableElement single(TypeElement mapper, String annotation, Messages.Message extra) {
        List<ExecutableElement> methods = ModelSupport.methodsAnnotated(mapper, annotation);
        for (ExecutableElement method : methods.subList(Math.min(1, methods.size()), methods.size())) {
            reporter.error(extra, method);
        }
        return methods.isEmpty() ? null : methods.get(0);
    }

    /** A getter per {@code @Option} constructor parameter, by option name; a missing one is reported. */
    private List<PartitionParts.Reader> readers(TypeElement mapper, ExecutableElement constructor) {
        List<PartitionParts.Reader> readers = new ArrayList<>();
        for (VariableElement parameter : constructor.getParameters()) {
            AnnotationMirror option = ModelSupport.mirror(parameter, Names.OPTION).orElse(null);
            if (option == null) {
                continue;
            }
            String value = (String) ModelSupport.value(elements, option, "value").getValue();
            String name = value.isEmpty() ? parameter.getSimpleName().toString() : value;
            ExecutableElement getter = accessors.getter(mapper, name, parameter.asType());
            if (getter == null) {
                String prefix = parameter.asType().getKind() == TypeKind.BOOLEAN ? "is" : "get";
                reporter.error(Messages.MAPPER_OPTION_GETTER, parameter, prefix + ModelSupport.capitalize(name),
                        parameter.asType(), name);
            } else {
                readers.add(new PartitionParts.Reader(name, MethodCall.of(getter)));
            }
        }
        return readers;
    }
}
