package io.connectorkit.processor;

import java.util.List;

/**
 * What a valid partition mapper adds to a component, as the generator needs it.
 *
 * @param factory the {@code @Emitter} method returning the worker
 * @param assessor the {@code @Assessor} method, or null
 * @param split the {@code @Split} method
 * @param splitId the {@code @SplitId} method, or null
 * @param readers the getters of the {@code @Option} constructor parameters, in parameter order
 */
record PartitionParts(MethodCall factory, MethodCall assessor, MethodCall split, MethodCall splitId,
        List<Reader> readers) {

    /** The getter {@code method} reading back the {@code @Option} constructor parameter named {@code option}. */
    record Reader(String option, MethodCall method) {
    }
}
