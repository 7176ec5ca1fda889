package io.connectorkit.runtime;

/**
 * A configured input component, ready to create inputs. Obtained from
 * {@link io.connectorkit.runtime.ComponentManager#findMapper}; its configuration was bound and validated there.
 *
 * <p><b>API</b>, implemented by the runtime only. <b>Lifecycle:</b> usable until the {@link ComponentManager} that
 * made it is closed; it holds no resource of its own. <b>Thread-safety:</b> thread-safe: inputs may be created from
 * several threads, each gets its own emitter instance and configuration objects.
 */
public interface Mapper {

    /**
     * Creates a new, not yet started input: a fresh emitter instance with a fresh copy of the configuration.
     *
     * @throws io.connectorkit.runtime.ComponentException if the emitter's constructor fails
     */
    Input create();
}
