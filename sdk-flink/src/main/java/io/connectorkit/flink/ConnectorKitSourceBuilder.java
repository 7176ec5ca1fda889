package io.connectorkit.flink;

import io.connectorkit.runtime.ComponentManager;
import jakarta.json.JsonObject;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;

/**
 * Configures a {@link ConnectorKitSource}: {@code ConnectorKitSource.builder(family, name)}, the configuration, then
 * {@link #build()} for {@code JsonObject} records or {@link #build(RecordMapper, TypeInformation)} for a type of the
 * job's own. Not thread-safe; {@code build} may be called more than once.
 */
public final class ConnectorKitSourceBuilder {

    /** The most records a reader holds back waiting for a safe point, unless {@link #maxBufferedRecords} says. */
    public static final int DEFAULT_MAX_BUFFERED_RECORDS = 100_000;

    private final String family;
    private final String name;
    private final Map<String, String> configuration = new TreeMap<>();
    private int version = 1;
    private long desiredSplitSize;
    private int maxBufferedRecords = DEFAULT_MAX_BUFFERED_RECORDS;
    private Boundedness boundedness = Boundedness.BOUNDED;

    ConnectorKitSourceBuilder(String family, String name) {
        this.family = Objects.requireNonNull(family, "family");
        this.name = Objects.requireNonNull(name, "name");
    }

    /** Adds configuration keys, flat as {@code findMapper} takes them ({@code configuration.path}); credentials too. */
    public ConnectorKitSourceBuilder configuration(Map<String, String> keys) {
        configuration.putAll(keys);
        return this;
    }

    /**
     * Adds a configuration nested as the options are, as the runner's configuration files are
     * ({@code {"configuration": {"path": "/data/a.csv"}}}).
     */
    public ConnectorKitSourceBuilder configuration(JsonObject nested) {
        configuration.putAll(ComponentManager.jsonToMap(nested));
        return this;
    }

    /** The version of the configuration, when it was written for an older release of the component (1 otherwise). */
    public ConnectorKitSourceBuilder version(int configurationVersion) {
        this.version = configurationVersion;
        return this;
    }

    /**
     * The desired split size handed to the connector's {@code @Split} when the job first starts, in the connector's
     * unit (bytes for csv-input). By default its {@code @Assessor}'s estimate divided by the source's parallelism.
     */
    public ConnectorKitSourceBuilder desiredSplitSize(long size) {
        this.desiredSplitSize = size;
        return this;
    }

    /**
     * The most records a reader holds back while it waits for the connector's next safe point
     * ({@value #DEFAULT_MAX_BUFFERED_RECORDS} by default); a connector that goes further without one fails the task.
     */
    public ConnectorKitSourceBuilder maxBufferedRecords(int records) {
        this.maxBufferedRecords = records;
        return this;
    }

    /**
     * Declares the input unbounded, so that the job runs in streaming mode; bounded by default. An infinite input
     * ({@code @Emitter(infinite = true)}, such as {@code postgres/cdc-input}) is unbounded without this, and its
     * reader never ends; any other input's reader ends once its splits' inputs returned {@code null}, either way.
     */
    public ConnectorKitSourceBuilder unbounded() {
        this.boundedness = Boundedness.CONTINUOUS_UNBOUNDED;
        return this;
    }

    /**
     * A source of the component's records as {@code JsonObject}s, with {@link JsonObjectTypeInfo} as their type.
     *
     * @throws IllegalArgumentException when the component is not on the class path, has no checkpoint, or a setting
     *     is out of range
     * @throws io.connectorkit.runtime.ConfigurationException listing every configuration key that does not bind
     */
    public ConnectorKitSource<JsonObject> build() {
        return build(JsonObjectTypeInfo::asJsonObject, JsonObjectTypeInfo.INSTANCE);
    }

    /**
     * A source of the component's records mapped by {@code records} to {@code type}.
     *
     * @throws IllegalArgumentException as {@link #build()}
     * @throws io.connectorkit.runtime.ConfigurationException as {@link #build()}
     */
    public <T> ConnectorKitSource<T> build(RecordMapper<T> records, TypeInformation<T> type) {
        SourceSettings settings = new SourceSettings(family, name, version, new TreeMap<>(configuration),
                desiredSplitSize, maxBufferedRecords);
        // Checked here, where the job is built, with the job's class loader: a wrong key fails the submission, not
        // the job once it runs.
        boolean infinite;
        try (ComponentManager manager = settings.openManager(Thread.currentThread().getContextClassLoader())) {
            infinite = settings.describe(manager).infinite();
            settings.mapper(manager);
        }
        return new ConnectorKitSource<>(settings, infinite ? Boundedness.CONTINUOUS_UNBOUNDED : boundedness,
                Objects.requireNonNull(records, "records"), Objects.requireNonNull(type, "type"));
    }
}
