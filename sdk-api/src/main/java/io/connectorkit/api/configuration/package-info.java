/**
 * Configuration options, for connector authors:
 * <ul>
 *   <li>{@link io.connectorkit.api.configuration.Option}: a configuration field or constructor parameter;</li>
 *   <li>{@link io.connectorkit.api.configuration.Credential}: an option whose value is a secret, never shown;</li>
 *   <li>{@link io.connectorkit.api.configuration.UrlPasswords}: masks the passwords connection URLs carry, for a
 *       connector's own messages.</li>
 * </ul>
 */
package io.connectorkit.api.configuration;
