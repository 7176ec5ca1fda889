package io.connectorkit.runtime;

import jakarta.json.JsonBuilderFactory;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.spi.JsonProvider;
import java.util.Map;

/**
 * The services a constructor may ask for, one shared instance of each per {@link ComponentManager}, each made when
 * first needed: the JSON-P provider and builder factory when a component asks for a {@code JsonBuilderFactory}, an
 * input takes checkpoints or a component is described; the {@code Jsonb}, whose JSON-B provider takes most of a cold
 * start to load, when a component asks for it. A component that needs neither never loads JSON-P: the API's
 * {@code JsonProvider} initialises {@code java.util.logging} (a static logger), and finding the provider runs a
 * {@code ServiceLoader}, about a third of a cold start. Thread-safe.
 */
final class Services {

    private JsonProvider json;
    private JsonBuilderFactory builderFactory;
    private Jsonb jsonb;
    private boolean closed;

    /** The JSON-P provider. */
    synchronized JsonProvider json() {
        if (json == null) {
            json = JsonProvider.provider();
        }
        return json;
    }

    /** The shared builder factory, also injected as {@code JsonBuilderFactory}. */
    synchronized JsonBuilderFactory builderFactory() {
        if (builderFactory == null) {
            builderFactory = json().createBuilderFactory(Map.of());
        }
        return builderFactory;
    }

    /** The instance for a constructor parameter of {@code type}. */
    Object get(Class<?> type) {
        if (type == JsonBuilderFactory.class) {
            return builderFactory();
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

    /** Whether the JSON-P provider was looked up; for tests. */
    synchronized boolean jsonCreated() {
        return json != null;
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
