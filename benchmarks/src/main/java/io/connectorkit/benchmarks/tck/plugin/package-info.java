/**
 * {@link io.connectorkit.benchmarks.emitter.SmallRecords} written against TCK 1.88.0's API. These classes are never
 * loaded from benchmarks.jar: {@code SideBySide} copies them into a plugin jar that TCK's {@code ComponentManager}
 * scans and loads in its own plugin class loader, as it does for any connector. Part of the benchmarks application,
 * not an API: public because TCK instantiates them.
 */
package io.connectorkit.benchmarks.tck.plugin;
