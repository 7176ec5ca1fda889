/** Component-wide metadata: {@link io.connectorkit.api.component.Version} and migration of older data. */
package io.connectorkit.api.component;
