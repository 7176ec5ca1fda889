/**
 * Input components, for connector authors:
 * <ul>
 *   <li>{@link io.connectorkit.api.input.Emitter}: marks an input class, with its family and name;</li>
 *   <li>{@link io.connectorkit.api.input.Producer}: its method that returns the next record.</li>
 * </ul>
 */
package io.connectorkit.api.input;
