/**
 * The component index: the contract between the code the annotation processor generates and the runtime that reads
 * it. Not for connector authors; a host meets it only through {@code Release}, {@code ComponentIndex.FORMAT} (which
 * indexes it reads) and {@code OptionModel.Kind} (in the runtime's {@code OptionDescription}). Stable within a
 * Connector Kit release. Its types:
 * {@link io.connectorkit.api.spi.ComponentIndex} (what the generated class implements) and
 * {@link io.connectorkit.api.spi.Release}; the models it gives, {@link io.connectorkit.api.spi.ComponentModel} (and its {@code ConfigurationReader}),
 * {@link io.connectorkit.api.spi.OptionModel}, {@link io.connectorkit.api.spi.CheckpointModel},
 * {@link io.connectorkit.api.spi.VersionModel} and {@link io.connectorkit.api.spi.LifecycleCall} and {@link io.connectorkit.api.spi.SplitCall}; and
 * {@link io.connectorkit.api.spi.CheckedCallException}, which carries a connector's checked exception out of a
 * generated call.
 */
package io.connectorkit.api.spi;
