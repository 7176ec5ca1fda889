package io.connectorkit.runtime;

/**
 * Data was written by a newer version of a component than the one on the class path: a checkpoint whose
 * {@code __version} is above the {@code @Checkpoint} class's {@code @Version}, or a configuration whose version is
 * above the emitter's. Resuming would silently drop or misread fields, so the runtime refuses. Thrown by
 * {@link ComponentManager#findMapper} and {@link ComponentManager#checkCheckpoint}.
 *
 * <p><b>API</b>: hosts catch it. Thrown by the runtime only (its constructor is internal); immutable once thrown, so
 * it may be handed to another thread.
 */
public final class UnsupportedVersionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String componentId;
    private final String field;
    private final int receivedVersion;
    private final int supportedVersion;

    /**
     * @param componentId {@code family/name}
     * @param field where the version came from, for example {@code $checkpoint.__version}
     * @param receivedVersion the version of the data
     * @param supportedVersion the newest version this code reads
     */
    UnsupportedVersionException(String componentId, String field, int receivedVersion, int supportedVersion) {
        super(componentId + ": " + field + " is " + receivedVersion + " but this version of the component reads up to "
                + supportedVersion + "; the data was written by a newer version of the connector. Run that version, "
                + "or rewind to a checkpoint written by this one.");
        this.componentId = componentId;
        this.field = field;
        this.receivedVersion = receivedVersion;
        this.supportedVersion = supportedVersion;
    }

    /** The component, as {@code family/name}. */
    public String componentId() {
        return componentId;
    }

    /** The key holding the version, for example {@code $checkpoint.__version}. */
    public String field() {
        return field;
    }

    /** The version of the data. */
    public int receivedVersion() {
        return receivedVersion;
    }

    /** The newest version this code reads. */
    public int supportedVersion() {
        return supportedVersion;
    }
}
