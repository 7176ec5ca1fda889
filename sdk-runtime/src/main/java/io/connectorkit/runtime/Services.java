package io.connectorkit.runtime;

import jakarta.json.JsonBuilderFactory;
import jakarta.json.bind.Jsonb;
import jakarta.json.spi.JsonProvider;

/** The services a constructor may ask for, one shared instance of each per {@link ComponentManager}. */
record Services(JsonProvider json, JsonBuilderFactory builderFactory, Jsonb jsonb) {

    /** The instance for a constructor parameter of {@code type}. */
    Object get(Class<?> type) {
        if (type == JsonBuilderFactory.class) {
            return builderFactory;
        }
        if (type == Jsonb.class) {
            return jsonb;
        }
        throw new IllegalStateException("no injectable service of type " + type.getName()
                + "; the processor only accepts JsonBuilderFactory and Jsonb");
    }
}
