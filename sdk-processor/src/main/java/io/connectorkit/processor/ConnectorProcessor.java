package io.connectorkit.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * The Connector Kit annotation processor: checks {@code @Emitter} and {@code @PartitionMapper} classes (a mapper's
 * worker included), their options and checkpoint state at compile time, and generates the component index the
 * runtime reads instead of scanning the class path.
 *
 * <p>Every broken rule becomes one ERROR on the element that breaks it, all of them are reported, and a component
 * with errors gets no generated code. For the valid components of the compilation it writes one
 * {@code io.connectorkit.api.spi.ComponentIndex} and registers it in {@code META-INF/services}. Its name is unique
 * to the compilation: {@code ConnectorKitIndex_<hash of the emitters' names>}, in the package of the emitter whose
 * qualified name sorts first.
 *
 * <p>Options:
 * <ul>
 *   <li>{@code -Aconnectorkit.index=com.acme.MyIndex}: the index's qualified class name, chosen by the build;</li>
 *   <li>{@code -Aconnectorkit.debug=true}: NOTE diagnostics about what the processor decided.</li>
 * </ul>
 */
@AutoService(Processor.class)
public final class ConnectorProcessor extends AbstractProcessor {

    static final String DEBUG_OPTION = "connectorkit.debug";
    static final String INDEX_OPTION = "connectorkit.index";

    private static final Set<String> ANNOTATIONS = Set.of(Names.EMITTER, Names.PRODUCER, Names.CHECKPOINT,
            Names.CHECKPOINT_DATA, Names.CHECKPOINT_AVAILABLE, Names.CHECKPOINT_COMMITTED, Names.VERSION, Names.OPTION,
            Names.CREDENTIAL, Names.PARTITION_MAPPER, Names.ASSESSOR, Names.SPLIT, Names.PARTITION_SIZE,
            Names.SPLIT_ID, Names.BACKLOG);

    /** The partition annotations whose placement is checked wherever they are. */
    private static final List<String> PLACED = List.of(Names.EMITTER, Names.ASSESSOR, Names.SPLIT, Names.SPLIT_ID,
            Names.PARTITION_SIZE);

    /** Created on the first round, inside the error guard, and kept for the whole compilation. */
    private Reporter reporter;
    private VersionValidator versions;
    private CredentialValidator credentials;
    private CheckpointClassValidator checkpointClasses;
    private EmitterAnalyzer analyzer;
    private PartitionMapperValidator partitions;
    private PartitionMapperAnalyzer mapperAnalyzer;

    private final Set<String> reachedCheckpoints = new HashSet<>();
    private final List<TypeElement> indexedEmitters = new ArrayList<>();
    private String indexClass;
    /** Set after an internal error: later rounds would only repeat it. */
    private boolean failed;

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return ANNOTATIONS;
    }

    @Override
    public Set<String> getSupportedOptions() {
        return Set.of(DEBUG_OPTION, INDEX_OPTION);
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment roundEnv) {
        if (failed) {
            return false;
        }
        try {
            if (reporter == null) {
                setUp();
            }
            if (roundEnv.processingOver()) {
                writeServiceFile();
            } else {
                processRound(roundEnv);
            }
        } catch (Exception | Error failure) {
            // As in google/auto: a processor bug must not crash javac, it becomes one readable error.
            failed = true;
            StringWriter trace = new StringWriter();
            failure.printStackTrace(new PrintWriter(trace));
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, Messages.INTERNAL_ERROR + trace);
        }
        // Other processors may look at the same annotations.
        return false;
    }

    private void setUp() {
        Elements elements = processingEnv.getElementUtils();
        Types types = processingEnv.getTypeUtils();
        reporter = new Reporter(processingEnv.getMessager(),
                Boolean.parseBoolean(processingEnv.getOptions().get(DEBUG_OPTION)));
        Accessors accessors = new Accessors(elements, types);
        versions = new VersionValidator(elements, reporter);
        credentials = new CredentialValidator(reporter);
        checkpointClasses = new CheckpointClassValidator(elements, reporter, accessors, versions);
        EmitterValidator emitters = new EmitterValidator(elements, reporter, new HashMap<>());
        CheckpointMethodsValidator checkpointMethods = new CheckpointMethodsValidator(reporter);
        OptionTreeBuilder options = new OptionTreeBuilder(elements, types, reporter, accessors, versions);
        BacklogValidator backlogs = new BacklogValidator(elements, reporter);
        analyzer = new EmitterAnalyzer(elements, reporter, emitters, checkpointMethods, backlogs, options,
                checkpointClasses, versions);
        partitions = new PartitionMapperValidator(elements, types, reporter, accessors);
        mapperAnalyzer = new PartitionMapperAnalyzer(elements, reporter, emitters, partitions, checkpointMethods,
                backlogs, options, checkpointClasses, versions);
    }

    private void processRound(RoundEnvironment roundEnv) throws IOException {
        for (Element element : annotated(roundEnv, Names.VERSION)) {
            versions.validate(element);
        }
        for (Element element : annotated(roundEnv, Names.CREDENTIAL)) {
            credentials.validate(element);
        }
        for (String annotation : PLACED) {
            for (Element element : annotated(roundEnv, annotation)) {
                partitions.validatePlacement(element, annotation);
            }
        }
        // Emitters and mappers in one order: "first" and "duplicate" do not depend on which kind came first.
        Set<Element> components = new HashSet<>(annotated(roundEnv, Names.EMITTER));
        components.addAll(annotated(roundEnv, Names.PARTITION_MAPPER));
        List<EmitterModel> valid = new ArrayList<>();
        for (TypeElement component : sortedTypes(components)) {
            if (indexClass != null) {
                reporter.error(Messages.EMITTER_AFTER_INDEX, component);
                continue;
            }
            EmitterAnalyzer.Result result = ModelSupport.has(component, Names.PARTITION_MAPPER)
                    ? mapperAnalyzer.analyze(component)
                    : analyzer.analyze(component);
            result.checkpointClasses().forEach(type -> reachedCheckpoints.add(type.getQualifiedName().toString()));
            if (result.model() != null) {
                valid.add(result.model());
            }
        }
        for (TypeElement checkpoint : sortedTypes(annotated(roundEnv, Names.CHECKPOINT))) {
            checkpointClasses.validate(checkpoint);
            if (!reachedCheckpoints.contains(checkpoint.getQualifiedName().toString())) {
                reporter.error(Messages.CHECKPOINT_UNUSED, checkpoint);
            }
        }
        if (!valid.isEmpty()) {
            // Written in this (non-final) round so that javac compiles it like any other source.
            ClassName name = indexName(valid);
            if (name == null) {
                return;
            }
            JavaFile index = new IndexGenerator().generate(name, valid);
            index.writeTo(processingEnv.getFiler());
            indexClass = name.canonicalName();
            valid.forEach(model -> indexedEmitters.add(model.element()));
            reporter.debug("wrote " + indexClass + " for " + valid.size() + " emitter(s)");
        }
    }

    /** The index class the build chose, or the default one; null (after an error) for a malformed choice. */
    private ClassName indexName(List<EmitterModel> emitters) {
        String chosen = processingEnv.getOptions().get(INDEX_OPTION);
        if (chosen == null) {
            return IndexGenerator.defaultName(emitters);
        }
        int dot = chosen.lastIndexOf('.');
        if (!SourceVersion.isName(chosen) || dot < 0) {
            reporter.error(Messages.INDEX_OPTION_INVALID, emitters.get(0).element(), chosen);
            return null;
        }
        return ClassName.get(chosen.substring(0, dot), chosen.substring(dot + 1));
    }

    private void writeServiceFile() throws IOException {
        if (indexClass == null) {
            return;
        }
        FileObject file = processingEnv.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "",
                IndexGenerator.SERVICE_FILE, indexedEmitters.toArray(new Element[0]));
        try (Writer writer = new OutputStreamWriter(file.openOutputStream(), StandardCharsets.UTF_8)) {
            writer.write(indexClass + "\n");
        }
    }

    private Set<? extends Element> annotated(RoundEnvironment roundEnv, String annotation) {
        TypeElement type = processingEnv.getElementUtils().getTypeElement(annotation);
        return type == null ? Set.of() : roundEnv.getElementsAnnotatedWith(type);
    }

    /** Sorted by qualified name, so that "first" and "duplicate" do not depend on javac's order. */
    private static List<TypeElement> sortedTypes(Set<? extends Element> elements) {
        List<TypeElement> types = new ArrayList<>(ElementFilter.typesIn(elements));
        types.sort(Comparator.comparing(type -> type.getQualifiedName().toString()));
        return types;
    }
}
