package io.connectorkit.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import io.connectorkit.api.spi.OptionModel.Kind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Builds the option tree of an emitter from its constructor's {@code @Option} parameters, down through configuration
 * classes, and reports every broken {@code @Option} rule on the field or parameter that breaks it.
 */
final class OptionTreeBuilder {

    private final Elements elements;
    private final Types types;
    private final Reporter reporter;
    private final Accessors accessors;
    private final VersionValidator versions;

    /** State of one {@link #build} call. */
    private final Deque<TypeElement> expanding = new ArrayDeque<>();
    private List<OptionTree.Reach> checkpoints;
    private Set<TypeElement> checkpointClasses;

    OptionTreeBuilder(Elements elements, Types types, Reporter reporter, Accessors accessors,
            VersionValidator versions) {
        this.elements = elements;
        this.types = types;
        this.reporter = reporter;
        this.accessors = accessors;
        this.versions = versions;
    }

    OptionTree build(ExecutableElement constructor) {
        checkpoints = new ArrayList<>();
        checkpointClasses = new LinkedHashSet<>();
        expanding.clear();
        List<OptionNode> parameters = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (VariableElement parameter : constructor.getParameters()) {
            AnnotationMirror option = ModelSupport.mirror(parameter, Names.OPTION).orElse(null);
            if (option == null) {
                // Services; anything else was reported by EmitterValidator and only needs a placeholder here.
                TypeName type = TypeName.get(types.erasure(parameter.asType()));
                parameters.add(new OptionNode("", Kind.SERVICE, type, type));
                continue;
            }
            String name = optionName(parameter, option, names);
            OptionNode node = value(parameter, parameter.asType(), name, name, false);
            if (node != null) {
                node.required = required(option);
                node.credential = ModelSupport.has(parameter, Names.CREDENTIAL);
                parameters.add(node);
            }
        }
        return new OptionTree(parameters, List.copyOf(checkpoints), Set.copyOf(checkpointClasses));
    }

    /** The node of a value of {@code type}, or null (after reporting) when the type is not supported. */
    private OptionNode value(Element source, TypeMirror type, String name, String path, boolean inList) {
        OptionTypes.Classified classified = OptionTypes.classify(type);
        if (classified == null) {
            reporter.error(Messages.OPTION_TYPE_UNSUPPORTED, source, type);
            return null;
        }
        switch (classified.kind()) {
            case LIST:
                return list(source, type, classified, name, path);
            case OBJECT:
                return object(source, classified.declared(), name, path, inList);
            default:
                TypeName literal = type.getKind().isPrimitive()
                        ? TypeName.get(type) : ClassName.get(classified.declared());
                return new OptionNode(name, classified.kind(), literal, literal);
        }
    }

    private OptionNode list(Element source, TypeMirror type, OptionTypes.Classified classified, String name,
            String path) {
        OptionTypes.Classified item = OptionTypes.classify(classified.listElement());
        if (item == null || item.kind() == Kind.LIST) {
            reporter.error(Messages.OPTION_TYPE_UNSUPPORTED, source, type);
            return null;
        }
        OptionNode element = value(source, classified.listElement(), "", path + "[]", true);
        if (element == null) {
            return null;
        }
        OptionNode node = new OptionNode(name, Kind.LIST, ClassName.get(classified.declared()), TypeName.get(type));
        node.element = element;
        return node;
    }

    private OptionNode object(Element source, TypeElement type, String name, String path, boolean inList) {
        ClassName className = ClassName.get(type);
        OptionNode node = new OptionNode(name, Kind.OBJECT, className, className);
        boolean checkpoint = ModelSupport.has(type, Names.CHECKPOINT);
        if (checkpoint) {
            // The class itself is checked once by CheckpointClassValidator; here only where it is used.
            checkpointClasses.add(type);
            if (inList) {
                reporter.error(Messages.CHECKPOINT_IN_LIST, source, type.getSimpleName());
            } else {
                checkpoints.add(new OptionTree.Reach(path, source, type));
            }
            node.checkpoint = checkpointDeclaration(type);
        } else if (!ModelSupport.isInstantiableClass(type) || !ModelSupport.hasPublicNoArgConstructor(type)) {
            reporter.error(Messages.CONFIGURATION_CLASS_SHAPE, source, type.getQualifiedName());
            return node;
        } else {
            node.version = versions.read(type);
        }
        node.factoryThrows = ModelSupport.noArgConstructorDeclaresExceptions(type);
        if (expanding.contains(type)) {
            reporter.error(Messages.OPTION_CYCLE, source, type.getQualifiedName());
            return node;
        }
        expanding.push(type);
        Set<String> names = new HashSet<>();
        for (VariableElement field : ModelSupport.fields(type)) {
            AnnotationMirror option = ModelSupport.mirror(field, Names.OPTION).orElse(null);
            if (option != null) {
                OptionNode child = field(type, field, option, names, path);
                if (child != null) {
                    node.children.add(child);
                }
            }
        }
        expanding.pop();
        return node;
    }

    private OptionNode field(TypeElement owner, VariableElement field, AnnotationMirror option, Set<String> names,
            String parentPath) {
        String name = optionName(field, option, names);
        boolean direct = ModelSupport.isPublic(field) && !field.getModifiers().contains(Modifier.FINAL);
        ExecutableElement setter = accessors.setter(owner, field);
        if (ModelSupport.isStatic(field) || !direct && setter == null) {
            reporter.error(Messages.OPTION_FIELD_ACCESS, field, option);
        }
        OptionNode node = value(field, field.asType(), name, parentPath + "." + name, false);
        if (node == null) {
            return null;
        }
        node.required = required(option);
        node.credential = ModelSupport.has(field, Names.CREDENTIAL);
        node.owner = ClassName.get(owner);
        if (direct) {
            node.access = OptionNode.Access.FIELD;
            node.fieldName = field.getSimpleName().toString();
        } else if (setter != null) {
            node.access = OptionNode.Access.METHODS;
            node.setter = setter.getSimpleName().toString();
            node.setterThrows = !setter.getThrownTypes().isEmpty();
            ExecutableElement getter = accessors.getter(owner, field);
            node.getter = getter == null ? null : getter.getSimpleName().toString();
            node.getterThrows = getter != null && !getter.getThrownTypes().isEmpty();
        }
        return node;
    }

    /** The option's name, after reporting it when it is not an identifier or not unique among {@code siblings}. */
    private String optionName(Element element, AnnotationMirror option, Set<String> siblings) {
        String value = (String) ModelSupport.value(elements, option, "value").getValue();
        String name = value.isEmpty() ? element.getSimpleName().toString() : value;
        if (!SourceVersion.isIdentifier(name)) {
            reporter.error(Messages.OPTION_NAME_INVALID, element, option, name);
        } else if (!siblings.add(name)) {
            reporter.error(Messages.OPTION_NAME_DUPLICATE, element, option, name);
        }
        return name;
    }

    private boolean required(AnnotationMirror option) {
        return (Boolean) ModelSupport.value(elements, option, "required").getValue();
    }

    private CheckpointDeclaration checkpointDeclaration(TypeElement type) {
        AnnotationMirror mirror = ModelSupport.mirror(type, Names.CHECKPOINT).orElseThrow();
        VariableElement frequency = (VariableElement) ModelSupport.value(elements, mirror, "frequency").getValue();
        long interval = (Long) ModelSupport.value(elements, mirror, "interval").getValue();
        return new CheckpointDeclaration(versions.read(type), frequency.getSimpleName().toString(), interval);
    }
}
