/**
 * The runtime: what a host (the runner, the test kit, an application embedding connectors) uses to find, configure
 * and drive connectors and their checkpoints. Its public types are its API, stable within a release:
 * <ul>
 *   <li>{@link io.connectorkit.runtime.ComponentManager} (and its {@code Builder}): the entry point; finds components
 *       in the generated indexes of a class loader, makes mappers, describes and checks; thread-safe, owned and
 *       closed by the host;</li>
 *   <li>{@link io.connectorkit.runtime.Mapper}: a configured component that creates inputs, and is assessed and
 *       split; thread-safe;</li>
 *   <li>{@link io.connectorkit.runtime.Input}: one run of one emitter (or split), with its checkpoints and their
 *       commits; one thread at a time;</li>
 *   <li>{@link io.connectorkit.runtime.Split} and {@link io.connectorkit.runtime.SplitPlan}: a split (id and
 *       descriptor) and the plan of a job's splits, as versioned JSON; immutable;</li>
 *   <li>{@link io.connectorkit.runtime.CheckpointState}: a checkpoint and its wire format; immutable;</li>
 *   <li>{@link io.connectorkit.runtime.ComponentDescription},
 *       {@link io.connectorkit.runtime.OptionDescription} and
 *       {@link io.connectorkit.runtime.CheckpointDescription}: what {@code describe} tells about a component;
 *       immutable;</li>
 *   <li>{@link io.connectorkit.runtime.ConfigurationException} (with its {@code Problem}s),
 *       {@link io.connectorkit.runtime.UnsupportedVersionException},
 *       {@link io.connectorkit.runtime.ComponentException},
 *       {@link io.connectorkit.runtime.ComponentIndexException},
 *       {@link io.connectorkit.runtime.AmbiguousComponentException} and
 *       {@link io.connectorkit.runtime.SplitPlanMismatchException}: what goes wrong, for hosts to catch; only the
 *       runtime throws them (a connector may throw a {@code ComponentException} too).</li>
 * </ul>
 *
 * <p>Everything else in this package is internal and package-private: reading the indexes, binding configurations,
 * preparing a resume (migrations, limits), splitting and writing a split's configuration back, capturing, encoding
 * and committing checkpoints, the checkpoint interval, keeping
 * secrets out of messages. The runtime reads no system property and starts no thread: a host decides (checkpointing
 * on or off, a frequency, how its users turn checkpointing on) through {@code ComponentManager.builder()}.
 */
package io.connectorkit.runtime;
