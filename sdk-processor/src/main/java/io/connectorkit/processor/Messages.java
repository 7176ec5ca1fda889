package io.connectorkit.processor;

/**
 * Every diagnostic of the processor. A message always has four parts, in this order: the annotation, the element,
 * the rule and the remedy, rendered as {@code "<annotation> on <element>: <rule>. <remedy>."}. Tests match on
 * {@link Message#fragment()}, the fixed start of a rule, so the wording lives here only.
 */
final class Messages {

    private Messages() {
    }

    /** One rule: the annotation that imposes it, the rule (a format, arguments fill its {@code %s}) and a remedy. */
    record Message(String annotation, String rule, String remedy) {

        /** The rule up to its first placeholder: a stable fragment to search for in a diagnostic. */
        String fragment() {
            int placeholder = rule.indexOf('%');
            return placeholder < 0 ? rule : rule.substring(0, placeholder);
        }

        /** The full text, for {@code element} (already rendered) and the rule arguments. */
        String format(String annotationOverride, String element, Object... ruleArguments) {
            String shown = annotationOverride != null ? annotationOverride : annotation;
            return shown + " on " + element + ": " + String.format(rule, ruleArguments) + ". " + remedy + ".";
        }
    }

    static final String INTERNAL_ERROR = "internal error in ConnectorProcessor: ";

    static final String SUPPORTED_TYPES = "String, primitives and their wrappers, enums, java.util.List<T> of those"
            + " or of configuration classes, and configuration classes";

    // --- @Emitter ---------------------------------------------------------------------------------------------

    static final Message EMITTER_BLANK_ID = new Message("@Emitter",
            "a component's family and name must not be blank",
            "Set both, for example @Emitter(family = \"demo\", name = \"list-input\")");

    static final Message EMITTER_DUPLICATE_ID = new Message("@Emitter",
            "a component's family and name must be unique in the compilation, but %s is also used by %s",
            "Change the family or the name of one of them");

    static final Message EMITTER_CLASS_SHAPE = new Message("@Emitter",
            "an emitter must be a public, non-abstract, non-generic class, top-level or static nested",
            "Make the class public and concrete, without type parameters, and static if it is nested");

    static final Message EMITTER_CONSTRUCTOR_COUNT = new Message("@Emitter",
            "an emitter must have exactly one public constructor, but it has %s",
            "Keep a single public constructor that takes the @Option parameters and services");

    static final Message EMITTER_CONSTRUCTOR_PARAMETER = new Message("@Emitter",
            "each constructor parameter of an emitter must be an @Option or an injectable service"
                    + " (jakarta.json.JsonBuilderFactory, jakarta.json.bind.Jsonb), not %s",
            "Annotate the parameter with @Option, or remove it");

    static final Message PRODUCER_MISSING = new Message("@Emitter",
            "an emitter must have exactly one @Producer method, but it has none",
            "Add a public method annotated @Producer that returns the next record, or null when there are no more");

    static final Message PRODUCER_EXTRA = new Message("@Producer",
            "an emitter must have exactly one @Producer method, but this is an extra one",
            "Keep @Producer on a single method");

    static final Message PRODUCER_SIGNATURE = new Message("@Producer",
            "a @Producer method must be public, non-static, take no parameters and return neither void nor a"
                    + " primitive",
            "Declare it as a public instance method without parameters returning the record type");

    static final Message LIFECYCLE_SIGNATURE = new Message("@PostConstruct",
            "a lifecycle method of an emitter must be public, non-static and take no parameters",
            "Make it a public instance method without parameters");

    // --- @CheckpointAvailable / @CheckpointData ---------------------------------------------------------------

    static final Message CHECKPOINT_AVAILABLE_WITHOUT_DATA = new Message("@CheckpointAvailable",
            "an emitter with @CheckpointAvailable must also have a @CheckpointData method",
            "Add a public method annotated @CheckpointData that returns the @Checkpoint state");

    static final Message CHECKPOINT_AVAILABLE_EXTRA = new Message("@CheckpointAvailable",
            "an emitter may have at most one @CheckpointAvailable method, but this is an extra one",
            "Keep @CheckpointAvailable on a single method");

    static final Message CHECKPOINT_DATA_EXTRA = new Message("@CheckpointData",
            "an emitter may have at most one @CheckpointData method, but this is an extra one",
            "Keep @CheckpointData on a single method");

    static final Message CHECKPOINT_AVAILABLE_SIGNATURE = new Message("@CheckpointAvailable",
            "a @CheckpointAvailable method must be public, non-static and take no parameters",
            "Make it a public instance method without parameters");

    static final Message CHECKPOINT_DATA_SIGNATURE = new Message("@CheckpointData",
            "a @CheckpointData method must be public, non-static and take no parameters",
            "Make it a public instance method without parameters");

    static final Message CHECKPOINT_AVAILABLE_RETURN = new Message("@CheckpointAvailable",
            "a @CheckpointAvailable method must return boolean or Boolean, not %s",
            "Return true when the current state is a safe point for a checkpoint");

    static final Message CHECKPOINT_DATA_RETURN = new Message("@CheckpointData",
            "a @CheckpointData method must declare a @Checkpoint class as its return type, not %s",
            "Return the @Checkpoint state object that the emitter keeps up to date");

    static final Message CHECKPOINT_OPTION_MISSING = new Message("@CheckpointData",
            "an emitter with @CheckpointData must reach exactly one @Checkpoint option from its constructor"
                    + " options, but it reaches none",
            "Add an @Option of the @Checkpoint type to the constructor or to one of its configuration classes");

    static final Message CHECKPOINT_OPTION_EXTRA = new Message("@Option",
            "an emitter with @CheckpointData must reach exactly one @Checkpoint option, but this one comes in"
                    + " addition to %s",
            "Keep a single @Checkpoint option in the emitter's configuration");

    static final Message CHECKPOINT_OPTION_TYPE = new Message("@CheckpointData",
            "a @CheckpointData method must return the type of the emitter's @Checkpoint option, which is %s at %s,"
                    + " not %s",
            "Return the @Checkpoint option's type");

    static final Message CHECKPOINT_IN_LIST = new Message("@Option",
            "a @Checkpoint class must not be inside a List, because a checkpoint has a single path, but %s is",
            "Use the @Checkpoint class as a plain @Option, outside any List");

    static final Message CHECKPOINT_UNUSED = new Message("@Checkpoint",
            "a @Checkpoint class must be reached by the configuration of an emitter of the compilation",
            "Add an @Option of this type to an emitter's constructor or configuration, or remove @Checkpoint");

    static final Message CHECKPOINT_COMMITTED_WITHOUT_DATA = new Message("@CheckpointCommitted",
            "an emitter with @CheckpointCommitted must also have a @CheckpointData method",
            "Add a public method annotated @CheckpointData that returns the @Checkpoint state");

    static final Message CHECKPOINT_COMMITTED_EXTRA = new Message("@CheckpointCommitted",
            "an emitter may have at most one @CheckpointCommitted method, but this is an extra one",
            "Keep @CheckpointCommitted on a single method");

    static final Message CHECKPOINT_COMMITTED_SIGNATURE = new Message("@CheckpointCommitted",
            "a @CheckpointCommitted method must be public, non-static, return void and take exactly one parameter",
            "Declare it as public void committed(State durable), State being the @Checkpoint class");

    static final Message CHECKPOINT_COMMITTED_PARAMETER = new Message("@CheckpointCommitted",
            "a @CheckpointCommitted method must take the type its @CheckpointData method returns, %s, not %s",
            "Take the @Checkpoint class as the only parameter");

    // --- @Backlog and infinite inputs ---------------------------------------------------------------------------

    static final Message BACKLOG_EXTRA = new Message("@Backlog",
            "an emitter may have at most one @Backlog method, but this is an extra one",
            "Keep @Backlog on a single method");

    static final Message BACKLOG_SIGNATURE = new Message("@Backlog",
            "a @Backlog method must be public, non-static, take no parameters and return long, not %s",
            "Declare it as public long backlog(), returning a negative number while it is not known");

    static final Message BACKLOG_UNIT_BLANK = new Message("@Backlog",
            "a @Backlog unit must not be blank",
            "Name what the backlog counts, for example @Backlog(unit = \"bytes\"), or leave the default \"records\"");

    static final Message MAPPER_FACTORY_INFINITE = new Message("@Emitter",
            "an @Emitter factory method must not set infinite: the splits of a partition mapper end",
            "Remove infinite from the method, or make the component an infinite @Emitter class");

    // --- @PartitionMapper and its methods -------------------------------------------------------------------

    static final Message MAPPER_WORKER_METHOD = new Message("@PartitionMapper",
            "a partition mapper has no %s method: records, checkpoints and lifecycle belong to its worker",
            "Move the method to the class the @Emitter factory method returns");

    static final Message MAPPER_FACTORY_MISSING = new Message("@PartitionMapper",
            "a partition mapper must have exactly one @Emitter method, which returns its worker, but it has none",
            "Add a public method annotated @Emitter that returns the worker reading this mapper's part");

    static final Message MAPPER_FACTORY_EXTRA = new Message("@Emitter",
            "a partition mapper must have exactly one @Emitter method, but this is an extra one",
            "Keep @Emitter on a single method");

    static final Message MAPPER_FACTORY_SIGNATURE = new Message("@Emitter",
            "an @Emitter factory method must be public, non-static and take no parameters",
            "Make it a public instance method without parameters that returns the worker");

    static final Message MAPPER_FACTORY_ID = new Message("@Emitter",
            "an @Emitter factory method must not set family or name: the component is named by @PartitionMapper",
            "Write @Emitter without arguments on the method");

    static final Message MAPPER_FACTORY_OUTSIDE = new Message("@Emitter",
            "an @Emitter method must be in a @PartitionMapper class, where it creates the worker",
            "Annotate the class with @PartitionMapper, or put @Emitter on an emitter class instead");

    static final Message MAPPER_WORKER_SHAPE = new Message("@Emitter",
            "an @Emitter factory method must return a public class, top-level or static nested, without type"
                    + " parameters, not %s",
            "Return the worker class itself");

    static final Message MAPPER_WORKER_PRODUCER = new Message("@Emitter",
            "the worker an @Emitter factory method returns must have exactly one @Producer method, but %s has none",
            "Add a public method annotated @Producer to the worker class");

    static final Message MAPPER_SPLIT_MISSING = new Message("@PartitionMapper",
            "a partition mapper must have exactly one @Split method, but it has none",
            "Add public List<ThisMapper> split(@PartitionSize long desiredSize)");

    static final Message MAPPER_SPLIT_EXTRA = new Message("@Split",
            "a partition mapper must have exactly one @Split method, but this is an extra one",
            "Keep @Split on a single method");

    static final Message MAPPER_SPLIT_RETURN = new Message("@Split",
            "a @Split method must be public, non-static and return java.util.List<%s>, not %s",
            "Return the narrower mappers as a List of the mapper class");

    static final Message MAPPER_SPLIT_PARAMETER = new Message("@Split",
            "a @Split method must take exactly one parameter, annotated @PartitionSize, of type long",
            "Declare it as split(@PartitionSize long desiredSize)");

    static final Message PARTITION_SIZE_PLACEMENT = new Message("@PartitionSize",
            "@PartitionSize belongs on the long parameter of a @Split method",
            "Remove it, or move it to the parameter of the @Split method");

    static final Message MAPPER_ASSESSOR_EXTRA = new Message("@Assessor",
            "a partition mapper may have at most one @Assessor method, but this is an extra one",
            "Keep @Assessor on a single method");

    static final Message MAPPER_ASSESSOR_SIGNATURE = new Message("@Assessor",
            "an @Assessor method must be public, non-static, take no parameters and return long or int, not %s",
            "Declare it as public long estimateSize()");

    static final Message MAPPER_SPLIT_ID_EXTRA = new Message("@SplitId",
            "a partition mapper may have at most one @SplitId method, but this is an extra one",
            "Keep @SplitId on a single method");

    static final Message MAPPER_SPLIT_ID_SIGNATURE = new Message("@SplitId",
            "a @SplitId method must be public, non-static, take no parameters and return String, not %s",
            "Declare it as public String splitId()");

    static final Message MAPPER_METHOD_OUTSIDE = new Message("@PartitionMapper",
            "%s belongs on a method of a @PartitionMapper class",
            "Annotate the class with @PartitionMapper, or remove the annotation");

    static final Message MAPPER_OPTION_GETTER = new Message("@PartitionMapper",
            "each @Option constructor parameter of a partition mapper must have a public getter %s() returning %s,"
                    + " so that the runtime can read a split's configuration back, but %s has none",
            "Add the getter, returning the object the constructor received");

    // --- @Checkpoint class ------------------------------------------------------------------------------------

    static final Message CHECKPOINT_CLASS_SHAPE = new Message("@Checkpoint",
            "a @Checkpoint class must be public, non-abstract, top-level or static nested, with a public"
                    + " no-argument constructor",
            "Make the class public, concrete and static if nested, and give it a public no-argument constructor");

    static final Message CHECKPOINT_FIELD_ACCESS = new Message("@Checkpoint",
            "an @Option field of a @Checkpoint class must be a public non-final field, or have a public getter"
                    + " and a public setter of its type %s",
            "Make the field public and non-final, or add public get/set (is/set for boolean) methods");

    static final Message CHECKPOINT_JSONB = new Message("@Checkpoint",
            "a @Checkpoint class must not carry JSON-B annotations on its fields or accessors, because the runtime"
                    + " writes and reads a checkpoint by option name",
            "Remove the annotation; name the option with @Option(\"name\") instead");

    static final Message CHECKPOINT_NON_OPTION_FIELD = new Message("@Checkpoint",
            "every non-static, non-transient field of a @Checkpoint class must be an @Option, or it would not"
                    + " survive a resume",
            "Annotate the field with @Option, or make it transient or static");

    static final Message CHECKPOINT_CREDENTIAL = new Message("@Checkpoint",
            "a @Checkpoint class must not contain a @Credential option, because secrets never reach a checkpoint",
            "Move the secret to the emitter's configuration, outside the @Checkpoint class");

    static final Message CHECKPOINT_INTERVAL = new Message("@Checkpoint",
            "a checkpoint interval must be greater than zero, not %s",
            "Set interval to 1 or more");

    // --- @Version ---------------------------------------------------------------------------------------------

    static final Message VERSION_VALUE = new Message("@Version",
            "a version must be at least 1, not %s",
            "Set the version to 1 or more");

    static final Message VERSION_HANDLER = new Message("@Version",
            "a migration handler must be MigrationHandler.class (none) or a public, non-abstract class with a"
                    + " public no-argument constructor, not %s",
            "Make the handler a public concrete class with a public no-argument constructor");

    static final Message VERSION_PLACEMENT = new Message("@Version",
            "@Version belongs on a class: an @Emitter, a @Checkpoint or a configuration class",
            "Move @Version to the class whose data it versions");

    // --- @Option / @Credential --------------------------------------------------------------------------------

    static final Message OPTION_NAME_INVALID = new Message("@Option",
            "an option name must be a Java identifier, without dots or brackets, not \"%s\"",
            "Rename the option, for example @Option(\"maxRows\")");

    static final Message OPTION_NAME_DUPLICATE = new Message("@Option",
            "an option name must be unique among its siblings, but \"%s\" is already used",
            "Give this option another name");

    static final Message OPTION_FIELD_ACCESS = new Message("@Option",
            "an @Option field must be non-static and either a public non-final field or have a public setter",
            "Make the field public and non-final, or add a public setter");

    static final Message OPTION_TYPE_UNSUPPORTED = new Message("@Option",
            "an @Option must have a supported, public type (" + SUPPORTED_TYPES + "), not %s",
            "Change the option's type to one of the supported types");

    static final Message CONFIGURATION_CLASS_SHAPE = new Message("@Option",
            "a configuration class must be public, non-abstract, top-level or static nested, with a public"
                    + " no-argument constructor, but %s is not",
            "Make the class public, concrete and static if nested, and give it a public no-argument constructor");

    static final Message OPTION_CYCLE = new Message("@Option",
            "a configuration class must not contain itself, directly or indirectly, but %s does",
            "Break the cycle, for example by moving the shared options to a separate class");

    static final Message CREDENTIAL_WITHOUT_OPTION = new Message("@Credential",
            "@Credential must be used together with @Option",
            "Add @Option, or remove @Credential");

    static final Message CREDENTIAL_NOT_STRING = new Message("@Credential",
            "@Credential only applies to String options, not %s",
            "Declare the secret as a String");

    // --- Rounds -----------------------------------------------------------------------------------------------

    static final Message EMITTER_AFTER_INDEX = new Message("@Emitter",
            "an emitter must be known when the component index is written, but this one appeared in a later"
                    + " processing round",
            "Declare the emitter in source instead of generating it with another annotation processor");

    static final Message INDEX_OPTION_INVALID = new Message("-A" + ConnectorProcessor.INDEX_OPTION,
            "'%s' is not a qualified class name in a package, such as com.acme.connectors.AcmeIndex",
            "Fix the processor option in the build (maven-compiler-plugin compilerArgs), or remove it to get a"
                    + " generated unique name");
}
