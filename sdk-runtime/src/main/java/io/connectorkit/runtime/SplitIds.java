package io.connectorkit.runtime;

import java.util.Map;
import java.util.TreeMap;

/** The id of a split that has no {@code @SplitId}: derived from its configuration. */
final class SplitIds {

    private SplitIds() {
    }

    /**
     * {@code s-} and the first 16 hex digits of the SHA-256 of the canonical form of {@code configuration} without
     * the {@code @Checkpoint} option's keys (where a split starts is not what it reads) and {@code __version} keys.
     * A split's configuration has no credentials already.
     *
     * @param checkpointPath the {@code @Checkpoint} option's path, or null
     */
    static String derived(Map<String, String> configuration, String checkpointPath) {
        Map<String, String> identity = new TreeMap<>();
        configuration.forEach((key, value) -> {
            boolean checkpoint = checkpointPath != null && (key.equals(checkpointPath)
                    || key.startsWith(checkpointPath + '.') || key.startsWith(checkpointPath + '['));
            if (!checkpoint && !key.endsWith('.' + CheckpointState.VERSION_KEY)) {
                identity.put(key, value);
            }
        });
        return "s-" + CanonicalForm.sha256(identity).substring(0, 16);
    }
}
