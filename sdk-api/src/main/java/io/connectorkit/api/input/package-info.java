/** Input components: {@link io.connectorkit.api.input.Emitter} classes and their {@link io.connectorkit.api.input.Producer}. */
package io.connectorkit.api.input;
