/**
 * Input components, for connector authors:
 * <ul>
 *   <li>{@link io.connectorkit.api.input.Emitter}: marks an input class, with its family and name (or, on a method of
 *       a partition mapper, the factory of its worker);</li>
 *   <li>{@link io.connectorkit.api.input.Producer}: its method that returns the next record;</li>
 *   <li>{@link io.connectorkit.api.input.PartitionMapper}: marks a partitioned input, split into parts read in
 *       parallel, with {@link io.connectorkit.api.input.Assessor}, {@link io.connectorkit.api.input.Split} and its
 *       {@link io.connectorkit.api.input.PartitionSize} parameter, and {@link io.connectorkit.api.input.SplitId}.</li>
 * </ul>
 */
package io.connectorkit.api.input;
