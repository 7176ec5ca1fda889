package io.connectorkit.runtime;

import jakarta.json.JsonBuilderFactory;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.spi.JsonProvider;
import java.util.Map;

/**
 * The services a constructor may ask for, one shared instance of each per {@link ComponentManager}. The JSON-P
 * provider and builder factory are made at once (checkpoints need them); the {@code Jsonb}, whose JSON-B provider
 * takes most of a cold start to load, only when a component first asks for it. Thread-safe.
 */
final class Services {

    private final JsonProvider json;
    private final JsonBuilderFactory builderFactory;
    private Jsonb jsonb;
    private boolean closed;

    Services() {
        this.json = JsonProvider.provider();
        this.builderFactory = json.createBuilderFactory(Map.of());
    }

    /** The JSON-P provider. */
    JsonProvider json() {
        return json;
    }

    /** The shared builder factory, also injected as {@code JsonBuilderFactory}. */
    JsonBuilderFactory builderFactory() {
        return builderFactory;
    }

    /** The instance for a constructor parameter of {@code type}. */
    Object get(Class<?> type) {
        if (type == JsonBuilderFactory.class) {
            return builderFactory;
        }
        if (type == Jsonb.class) {
            return jsonb();
        }
        throw new IllegalStateException("no injectable service of type " + type.getName()
                + "; the processor only accepts JsonBuilderFactory and Jsonb");
    }

    /** The shared {@code Jsonb}, created on first use. */
    synchronized Jsonb jsonb() {
        if (closed) {
            throw new IllegalStateException("the ComponentManager is closed");
        }
        if (jsonb == null) {
            jsonb = JsonbBuilder.create();
        }
        return jsonb;
    }

    /** Whether the {@code Jsonb} was created; for tests. */
    synchronized boolean jsonbCreated() {
        return jsonb != null;
    }

    /** Closes the {@code Jsonb}, if one was created. */
    synchronized void close() throws Exception {
        closed = true;
        if (jsonb != null) {
            jsonb.close();
        }
    }
}
