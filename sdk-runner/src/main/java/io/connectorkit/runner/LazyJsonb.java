package io.connectorkit.runner;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.function.Supplier;

/**
 * The {@code Jsonb} that writes records which are not JSON-P values, made when the first such record comes: loading
 * JSON-B is most of a short run's start-up, and connectors that emit {@code JsonObject}s never need it.
 */
final class LazyJsonb implements Supplier<Jsonb>, AutoCloseable {

    private Jsonb jsonb;

    @Override
    public synchronized Jsonb get() {
        if (jsonb == null) {
            jsonb = JsonbBuilder.create();
        }
        return jsonb;
    }

    @Override
    public synchronized void close() {
        if (jsonb != null) {
            try {
                jsonb.close();
            } catch (Exception e) {
                throw new IllegalStateException("closing JSON-B failed", e);
            }
        }
    }
}
