/** Configuration options: {@link io.connectorkit.api.configuration.Option} and {@link io.connectorkit.api.configuration.Credential}. */
package io.connectorkit.api.configuration;
