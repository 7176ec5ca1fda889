package io.connectorkit.runtime;

import io.connectorkit.api.spi.OptionModel;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.math.BigDecimal;
import java.util.List;

/**
 * Writes a {@code @Checkpoint} object as JSON by option name, through the generated getters: the same names the
 * binder reads back, so every checkpoint written can be resumed. No reflection, no JSON-B.
 */
final class CheckpointCodec {

    private final OptionModel checkpoint;
    private final JsonBuilderFactory factory;
    private final JsonProvider provider;

    CheckpointCodec(OptionModel checkpoint, JsonBuilderFactory factory, JsonProvider provider) {
        this.checkpoint = checkpoint;
        this.factory = factory;
        this.provider = provider;
    }

    /**
     * An immutable copy of {@code state}'s top-level fields, in {@code children()} order, taken without building any
     * JSON for scalars: their values (strings, boxed numbers, enums) are immutable already. A nested object or a list
     * is mutable, so it is copied now, as JSON. {@link #wire} turns the copy into the wire form later, on any thread.
     */
    Object[] snapshot(Object state) {
        List<OptionModel> children = checkpoint.children();
        Object[] values = new Object[children.size()];
        for (int i = 0; i < values.length; i++) {
            OptionModel child = children.get(i);
            Object value = child.getter().apply(state);
            values[i] = value == null || child.kind().isScalar() ? value : toJson(child, value);
        }
        return values;
    }

    /**
     * The wire form {@code {"$checkpoint": {<fields>, "__version": N}}} of a {@link #snapshot}, built in one pass
     * (no copy to add the version); {@code null} fields are left out.
     */
    JsonObject wire(Object[] values, int version) {
        List<OptionModel> children = checkpoint.children();
        JsonObjectBuilder fields = factory.createObjectBuilder();
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            if (value != null) {
                OptionModel child = children.get(i);
                fields.add(child.name(), child.kind().isScalar() ? toJson(child, value) : (JsonValue) value);
            }
        }
        fields.add(CheckpointState.VERSION_KEY, version);
        return factory.createObjectBuilder().add(CheckpointState.CHECKPOINT_KEY, fields).build();
    }

    private JsonObjectBuilder fieldsOf(OptionModel model, Object instance) {
        JsonObjectBuilder builder = factory.createObjectBuilder();
        for (OptionModel child : model.children()) {
            Object value = child.getter().apply(instance);
            if (value != null) {
                builder.add(child.name(), toJson(child, value));
            }
        }
        return builder;
    }

    private JsonValue toJson(OptionModel model, Object value) {
        return switch (model.kind()) {
            case STRING -> provider.createValue((String) value);
            case CHAR -> provider.createValue(value.toString());
            case ENUM -> provider.createValue(((Enum<?>) value).name());
            case BOOLEAN -> (Boolean) value ? JsonValue.TRUE : JsonValue.FALSE;
            case BYTE, SHORT, INT -> provider.createValue(((Number) value).intValue());
            case LONG -> provider.createValue(((Number) value).longValue());
            case FLOAT -> decimal(((Number) value).doubleValue(), Float.toString((Float) value));
            case DOUBLE -> decimal((Double) value, Double.toString((Double) value));
            case OBJECT -> fieldsOf(model, value).build();
            case LIST -> writeList(model.element(), (List<?>) value);
            case SERVICE -> throw new IllegalStateException("a service cannot be part of a checkpoint");
        };
    }

    private JsonValue decimal(double value, String shortest) {
        // The shortest decimal that parses back to the same float or double; JSON has no NaN or infinity, so
        // those are written as their Java names, which parse back too.
        return Double.isFinite(value) ? provider.createValue(new BigDecimal(shortest)) : provider.createValue(shortest);
    }

    private JsonValue writeList(OptionModel element, List<?> list) {
        JsonArrayBuilder builder = factory.createArrayBuilder();
        for (Object item : list) {
            builder.add(item == null ? JsonValue.NULL : toJson(element, item));
        }
        return builder.build();
    }
}
