/**
 * The component index: the contract between the code the annotation processor generates and the runtime that reads
 * it. Not for connector authors; stable within a Connector Kit release.
 */
package io.connectorkit.api.spi;
