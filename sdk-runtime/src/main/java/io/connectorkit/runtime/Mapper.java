package io.connectorkit.runtime;

import java.util.List;
import java.util.Map;

/**
 * A configured input component, ready to create inputs. Obtained from
 * {@link io.connectorkit.runtime.ComponentManager#findMapper}; its configuration was bound and validated there.
 *
 * <p>Every component can be assessed and split: a {@code @PartitionMapper} through its {@code @Assessor} and
 * {@code @Split} methods, a plain {@code @Emitter} as a mapper of one split (its own configuration) of unknown size.
 * A host that reads in parallel makes a plan once ({@link SplitPlan#create(Mapper, long)}: the splits, each with its
 * id and descriptor), saves it, and reads each split through {@link #create(Split, CheckpointState)}, resuming each
 * from that split's own latest checkpoint; a resume never splits again. {@link #create()} reads the whole
 * configuration as one input, unsplit.
 *
 * <p><b>API</b>, implemented by the runtime only. <b>Lifecycle:</b> usable until the {@link ComponentManager} that
 * made it is closed; it holds no resource of its own. <b>Thread-safety:</b> thread-safe: inputs may be created from
 * several threads, each gets its own emitter (or mapper and worker) instance and configuration objects.
 */
public interface Mapper {

    /** What {@link #estimateSize()} returns when the component cannot tell. */
    long UNKNOWN_SIZE = -1;

    /**
     * Creates a new, not yet started input over this mapper's whole configuration: a fresh emitter instance (for a
     * partition mapper, the worker of a fresh mapper) with a fresh copy of the configuration.
     *
     * @throws io.connectorkit.runtime.ComponentException if the emitter's constructor (or the mapper's, or its
     *     {@code @Emitter} factory method) fails
     */
    Input create();

    /** The component, as {@code family/name}. */
    String componentId();

    /**
     * Whether the component is a {@code @PartitionMapper}, whose {@link #split(long)} may give several splits; a
     * plain {@code @Emitter} is not (it is a mapper of one split). A host that keeps the checkpoints of a plain
     * emitter's job under one partition, as it always did, tells the two apart with this.
     */
    boolean partitioned();

    /**
     * The estimated size of what this mapper reads, from the partition mapper's {@code @Assessor}, in the unit its
     * {@code @Split} reads the desired size in; {@link #UNKNOWN_SIZE} for an emitter or a mapper without one.
     *
     * @throws io.connectorkit.runtime.ComponentException when the mapper's constructor or {@code @Assessor} fails, or
     *     it returns a negative size
     */
    long estimateSize();

    /**
     * Splits this mapper: the partition mapper's {@code @Split} method, called once on a fresh mapper, each mapper it
     * returns read back as a {@link Split} (its id from {@code @SplitId}, or derived from its configuration); an
     * emitter gives one split of its own configuration. The same configuration gives the same splits, ids and order.
     * Each split's configuration is checked as {@code findMapper} would bind it, with this mapper's credentials.
     *
     * @param desiredSize the desired size of a split, 1 or more (for example {@link #estimateSize()} divided by the
     *     parallelism)
     * @return the splits, in the order {@code @Split} returned them; possibly empty (nothing to read)
     * @throws IllegalArgumentException when {@code desiredSize} is below 1
     * @throws io.connectorkit.runtime.ComponentException when {@code @Split} or {@code @SplitId} fails or returns
     *     {@code null}, a split id is invalid or given twice, or a split's configuration cannot be bound (naming the
     *     split, its position and what is wrong)
     */
    List<Split> split(long desiredSize);

    /**
     * Creates a new, not yet started input reading one split of this mapper, resumed from {@code checkpoint} when it
     * is not null. Its configuration is the split's, with this mapper's credentials (at the same keys: a split's
     * credentials are the job's) and the checkpoint's {@code $checkpoint} keys added; the split's configuration is
     * migrated from its {@link Split#configurationVersion()}, the checkpoint from its {@code __version}, as
     * {@code findMapper} does. The same as {@code findMapper(family, name, split.configurationVersion(),
     * split.configuration() + credentials + jsonToMap(checkpoint.toJson())).create()}.
     *
     * @param split a split of this component, from {@link #split(long)} or a saved {@link SplitPlan}
     * @param checkpoint the split's latest durable checkpoint, or {@code null} to read it from its start
     * @throws ConfigurationException when the split's configuration or the checkpoint cannot be bound
     * @throws UnsupportedVersionException when either is newer than the component
     * @throws io.connectorkit.runtime.ComponentException when a constructor or the worker factory fails
     */
    Input create(Split split, CheckpointState checkpoint);

    /**
     * The configuration this mapper was found with, without {@code $checkpoint} keys and without the values of
     * {@code @Credential} options: what a {@link SplitPlan} records and fingerprints. Sorted by key, unmodifiable.
     */
    Map<String, String> nonSecretConfiguration();

    /** The version of {@link #nonSecretConfiguration()}: the {@code version} given to {@code findMapper}. */
    int configurationVersion();
}
