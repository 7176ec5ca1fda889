package io.connectorkit.benchmarks.s3;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/** Counts the HTTP requests an S3 client sends (retries included), by operation. Thread-safe. */
final class RequestCounter implements ExecutionInterceptor {

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        counts.computeIfAbsent(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), k -> new LongAdder())
                .increment();
    }

    /** The counts so far, by operation name, and resets them. */
    Map<String, Long> takeCounts() {
        Map<String, Long> taken = new TreeMap<>();
        counts.forEach((operation, count) -> taken.put(operation, count.sumThenReset()));
        taken.values().removeIf(count -> count == 0);
        return taken;
    }
}
