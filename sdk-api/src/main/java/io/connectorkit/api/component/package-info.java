/**
 * Component-wide metadata, for connector authors:
 * <ul>
 *   <li>{@link io.connectorkit.api.component.Version}: the version of an emitter, configuration or checkpoint
 *       class;</li>
 *   <li>{@link io.connectorkit.api.component.MigrationHandler}: upgrades data written by an older version.</li>
 * </ul>
 */
package io.connectorkit.api.component;
