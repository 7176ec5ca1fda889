package io.connectorkit.runtime;

/**
 * A configured input component, ready to create inputs. Obtained from
 * {@link io.connectorkit.runtime.ComponentManager#findMapper}; its configuration was bound and validated there.
 */
public interface Mapper {

    /**
     * Creates a new, not yet started input: a fresh emitter instance with a fresh copy of the configuration.
     *
     * @throws io.connectorkit.runtime.ComponentException if the emitter's constructor fails
     */
    Input create();
}
