/** What a host drives: {@link io.connectorkit.runtime.input.Mapper}, {@link io.connectorkit.runtime.input.Input} and their checkpoints. */
package io.connectorkit.runtime.input;
