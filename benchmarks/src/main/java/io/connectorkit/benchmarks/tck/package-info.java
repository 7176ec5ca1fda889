/**
 * The TCK side of {@code SideBySide}: {@link io.connectorkit.benchmarks.tck.TckDriver} runs inside a class loader
 * holding only TCK 1.88.0's jars (and this package), and drives {@code plugin.TckSmallRecords} through TCK's own
 * {@code ComponentManager}, the way a TCK host does. Part of the benchmarks application, not an API:
 * {@code TckDriver} is public to be created reflectively from the other class loader.
 */
package io.connectorkit.benchmarks.tck;
