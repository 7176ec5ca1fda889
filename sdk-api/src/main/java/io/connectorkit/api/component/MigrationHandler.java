package io.connectorkit.api.component;

import java.util.Map;

/**
 * Upgrades configuration or checkpoint data written by an older {@link Version} of a component.
 *
 * <p>Called by the runtime, once per resume, before binding. For a {@code @Checkpoint} class the map holds the
 * checkpoint's own keys, relative to the checkpoint and without {@code __version} (for example
 * {@code {lastId=2, strategy=BY_ID}}); for an emitter it holds the whole configuration map. The returned map
 * replaces the incoming one. An implementation is stateless and has a public no-argument constructor.
 */
public interface MigrationHandler {

    /**
     * Returns the data rewritten for the current version.
     *
     * @param incomingVersion the version the data was written with, lower than the current one
     * @param incomingData the data as written, never null; the handler may return a new map or this one changed
     * @return the data for the current version, never null
     */
    Map<String, String> migrate(int incomingVersion, Map<String, String> incomingData);
}
