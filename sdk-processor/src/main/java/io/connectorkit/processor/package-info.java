/**
 * The Connector Kit annotation processor. Its public surface is one type:
 * <ul>
 *   <li>{@link io.connectorkit.processor.ConnectorProcessor}: the processor {@code javac} finds through
 *       {@code META-INF/services}; its options are listed there.</li>
 * </ul>
 * Everything else is internal (package-private): the validators, the option tree and the index generator.
 */
package io.connectorkit.processor;
