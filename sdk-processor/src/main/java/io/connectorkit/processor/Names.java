package io.connectorkit.processor;

/** Qualified names of the annotations and types the processor looks for; compared as names, never loaded. */
final class Names {

    private Names() {
    }

    static final String EMITTER = "io.connectorkit.api.input.Emitter";
    static final String PRODUCER = "io.connectorkit.api.input.Producer";
    static final String PARTITION_MAPPER = "io.connectorkit.api.input.PartitionMapper";
    static final String ASSESSOR = "io.connectorkit.api.input.Assessor";
    static final String SPLIT = "io.connectorkit.api.input.Split";
    static final String PARTITION_SIZE = "io.connectorkit.api.input.PartitionSize";
    static final String SPLIT_ID = "io.connectorkit.api.input.SplitId";
    static final String BACKLOG = "io.connectorkit.api.input.Backlog";
    static final String CHECKPOINT_COMMITTED = "io.connectorkit.api.input.checkpoint.CheckpointCommitted";
    static final String CHECKPOINT = "io.connectorkit.api.input.checkpoint.Checkpoint";
    static final String CHECKPOINT_DATA = "io.connectorkit.api.input.checkpoint.CheckpointData";
    static final String CHECKPOINT_AVAILABLE = "io.connectorkit.api.input.checkpoint.CheckpointAvailable";
    static final String VERSION = "io.connectorkit.api.component.Version";
    static final String MIGRATION_HANDLER = "io.connectorkit.api.component.MigrationHandler";
    static final String OPTION = "io.connectorkit.api.configuration.Option";
    static final String CREDENTIAL = "io.connectorkit.api.configuration.Credential";
    static final String POST_CONSTRUCT = "jakarta.annotation.PostConstruct";
    static final String PRE_DESTROY = "jakarta.annotation.PreDestroy";
    static final String JSONB_ANNOTATION_PACKAGE = "jakarta.json.bind.annotation.";
    static final String JSON_BUILDER_FACTORY = "jakarta.json.JsonBuilderFactory";
    static final String JSONB = "jakarta.json.bind.Jsonb";
    static final String STRING = "java.lang.String";
    static final String LIST = "java.util.List";
}
