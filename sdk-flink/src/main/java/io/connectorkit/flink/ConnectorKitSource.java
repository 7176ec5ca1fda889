package io.connectorkit.flink;

import io.connectorkit.runtime.ComponentManager;
import io.connectorkit.runtime.Mapper;
import io.connectorkit.runtime.SplitPlan;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * A Connector Kit input (any {@code @Emitter} or {@code @PartitionMapper} with a {@code @Checkpoint}) as a Flink
 * FLIP-27 source whose split states are Connector Kit checkpoints, so that Flink's checkpoints, failure recovery and
 * savepoints carry them:
 * <pre>{@code
 * ConnectorKitSource<JsonObject> source = ConnectorKitSource.builder("file", "csv-input")
 *         .configuration(Map.of("configuration.path", "/data/orders-*.csv"))
 *         .build();
 * env.fromSource(source, WatermarkStrategy.noWatermarks(), "orders");
 * }</pre>
 *
 * <p>When the job first starts, the enumerator makes the component's split plan once ({@link SplitPlan}: one split
 * for a plain emitter); a job restored from a checkpoint or savepoint restores that plan and checks it against the
 * configuration given, never splitting again. Each reader reads its splits from their checkpoints and snapshots each
 * with the checkpoint that covers exactly the records it emitted (docs/flink.md, "The exactly-once rule").
 *
 * <p>Serializable, as Flink ships it to the cluster; immutable.
 *
 * @param <T> the type of the records: {@code JsonObject} by default, or what a {@link RecordMapper} makes
 */
public final class ConnectorKitSource<T>
        implements Source<T, ConnectorKitSplit, EnumeratorState>, ResultTypeQueryable<T> {

    private static final long serialVersionUID = 1L;

    private static final String HOW_TO_START_OVER = "to read with the new configuration from the start, run the job "
            + "without this checkpoint or savepoint (or give this source another uid)";

    private final SourceSettings settings;
    private final Boundedness boundedness;
    private final RecordMapper<T> records;
    private final TypeInformation<T> type;

    ConnectorKitSource(SourceSettings settings, Boundedness boundedness, RecordMapper<T> records,
            TypeInformation<T> type) {
        this.settings = settings;
        this.boundedness = boundedness;
        this.records = records;
        this.type = type;
    }

    /** Starts a source of the component {@code family}/{@code name}. */
    public static ConnectorKitSourceBuilder builder(String family, String name) {
        return new ConnectorKitSourceBuilder(family, name);
    }

    @Override
    public Boundedness getBoundedness() {
        return boundedness;
    }

    @Override
    public SourceReader<T, ConnectorKitSplit> createReader(SourceReaderContext context) {
        return new ConnectorKitReader<>(context, settings, records);
    }

    /** Makes the job's split plan, on the job manager, with the job's class loader (Flink sets it as the context's). */
    @Override
    public SplitEnumerator<ConnectorKitSplit, EnumeratorState> createEnumerator(
            SplitEnumeratorContext<ConnectorKitSplit> context) {
        try (ComponentManager manager = settings.openManager(Thread.currentThread().getContextClassLoader())) {
            Mapper mapper = settings.mapper(manager);
            SplitPlan plan = SplitPlan.create(mapper, settings.desiredSplitSize(mapper, context.currentParallelism()));
            List<ConnectorKitSplit> splits = plan.splits().stream().map(split -> new ConnectorKitSplit(split, null))
                    .toList();
            return new ConnectorKitEnumerator(context, new EnumeratorState(plan, splits));
        }
    }

    /**
     * Restores the plan and the splits to assign; the plan must be the one this configuration makes.
     *
     * @throws io.connectorkit.runtime.SplitPlanMismatchException naming every configuration key added, removed or
     *     changed since the plan was made, and how to start over
     */
    @Override
    public SplitEnumerator<ConnectorKitSplit, EnumeratorState> restoreEnumerator(
            SplitEnumeratorContext<ConnectorKitSplit> context, EnumeratorState state) {
        try (ComponentManager manager = settings.openManager(Thread.currentThread().getContextClassLoader())) {
            state.plan().checkAgainst(settings.mapper(manager), HOW_TO_START_OVER);
        }
        return new ConnectorKitEnumerator(context, state);
    }

    @Override
    public SimpleVersionedSerializer<ConnectorKitSplit> getSplitSerializer() {
        return new SplitSerializer();
    }

    @Override
    public SimpleVersionedSerializer<EnumeratorState> getEnumeratorCheckpointSerializer() {
        return new EnumeratorStateSerializer();
    }

    @Override
    public TypeInformation<T> getProducedType() {
        return type;
    }

    @Override
    public String toString() {
        return "ConnectorKitSource[" + settings + ", " + boundedness + "]";
    }
}
