package io.connectorkit.flink;

import java.io.Serializable;

/**
 * Turns a record of a Connector Kit input (what its {@code @Producer} returns, a {@code JsonObject} for the samples)
 * into the type the Flink job reads. Shipped to the task managers with the source, so it must be serializable (a
 * lambda or method reference of this type is).
 *
 * @param <T> the type of the source's records in Flink
 */
@FunctionalInterface
public interface RecordMapper<T> extends Serializable {

    /**
     * @param record a record, never {@code null}
     * @return what the job reads, never {@code null}
     * @throws Exception when the record cannot be mapped: the task fails, naming the component and the split
     */
    T map(Object record) throws Exception;
}
