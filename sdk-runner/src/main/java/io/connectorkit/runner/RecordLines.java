package io.connectorkit.runner;

/** Where a {@link StreamJobOutput} writes its records, as JSON lines: the output itself, or one split's share of it. */
interface RecordLines {

    /** Writes one record as one line (perhaps into a buffer). */
    void write(Object record);

    /** Hands the records written so far to the operating system. */
    void flush();

    /** Makes the records already flushed durable; safe to call from another thread. */
    void force();
}
