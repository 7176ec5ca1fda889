package io.connectorkit.runner;

import java.time.Duration;
import java.util.Map;

/**
 * What {@code run} was asked to do.
 *
 * @param family the component family
 * @param name the component name
 * @param configuration the flattened configuration, without any checkpoint
 * @param job the job id: where its checkpoints are kept
 * @param failAfter simulate a crash after this many records in this process, 0 for never
 * @param retries how many times to retry after a connector failure
 * @param initialBackoff the first retry's delay, doubled each time, with jitter
 * @param startOver start from the first record although the job's checkpoints were deleted by hand and the output
 *     already holds records ({@code --start-over})
 */
record JobSettings(String family, String name, Map<String, String> configuration, String job, long failAfter,
        int retries, Duration initialBackoff, boolean startOver) {

    String componentId() {
        return family + "/" + name;
    }
}
