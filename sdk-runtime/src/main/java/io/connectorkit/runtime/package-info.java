/** What a host drives: {@link io.connectorkit.runtime.Mapper}, {@link io.connectorkit.runtime.Input} and their checkpoints. */
package io.connectorkit.runtime;
