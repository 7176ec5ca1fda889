package io.connectorkit.benchmarks.plain;

import java.lang.management.ManagementFactory;

/** The JVM's per-thread allocation counter ({@code com.sun.management.ThreadMXBean#getThreadAllocatedBytes}). */
public final class Allocation {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private Allocation() {
    }

    /** Bytes allocated so far by the calling thread. */
    public static long currentThread() {
        return THREADS.getThreadAllocatedBytes(Thread.currentThread().getId());
    }
}
