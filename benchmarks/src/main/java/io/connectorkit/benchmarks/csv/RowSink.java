package io.connectorkit.benchmarks.csv;

import jakarta.json.JsonObject;

/** What the host does with each row: the same for every contender. */
interface RowSink {

    void accept(JsonObject row);

    /** Keeps the field count, so that the JIT cannot drop the row. */
    final class Counting implements RowSink {
        long fields;

        @Override
        public void accept(JsonObject row) {
            fields += row.size();
        }
    }

    /** Sums the rows' hash codes: two readers that build equal rows give the same sum. */
    final class Hashing implements RowSink {
        long rows;
        long hash;

        @Override
        public void accept(JsonObject row) {
            rows++;
            hash += row.hashCode();
        }
    }
}
