package io.connectorkit.runtime;

import io.connectorkit.api.spi.CheckpointModel;
import io.connectorkit.api.spi.ComponentModel;
import io.connectorkit.api.spi.OptionModel;
import io.connectorkit.api.spi.OptionModel.Kind;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Describes a component from its generated option tree. Defaults are read the way binding starts: each configuration
 * class is created through its generated factory and each field read through its generated getter, so no reflection
 * and no second source of truth. A credential's getter is never called.
 */
final class ComponentDescriber {

    private final JsonProvider json;

    ComponentDescriber(JsonProvider json) {
        this.json = json;
    }

    ComponentDescription describe(ComponentModel model, OptionModel checkpointOption) {
        List<OptionDescription> options = new ArrayList<>();
        for (OptionModel parameter : model.parameters()) {
            if (parameter.kind() == Kind.SERVICE) {
                continue;
            }
            Object value = parameter.primitive() && !parameter.required() ? zero(parameter.kind()) : null;
            walk(parameter, parameter.name(), value, options);
        }
        return new ComponentDescription(model.family(), model.name(), model.type().getName(), model.version().value(),
                model.supportsCheckpoints(), model.checkpointAvailableMethod(), options,
                checkpoint(model.checkpointPath(), checkpointOption, options),
                model.kind() == ComponentModel.Kind.PARTITION_MAPPER, model.infinite());
    }

    private static CheckpointDescription checkpoint(String path, OptionModel option, List<OptionDescription> options) {
        if (option == null) {
            return null;
        }
        String prefix = path + '.';
        List<OptionDescription> fields = options.stream().filter(o -> o.path().startsWith(prefix))
                .map(o -> new OptionDescription(o.path().substring(prefix.length()), o.kind(), o.type(),
                        o.defaultValue(), o.required(), o.credential()))
                .toList();
        CheckpointModel checkpoint = option.checkpoint();
        return new CheckpointDescription(path, option.type().getName(), checkpoint.version().value(),
                checkpoint.version().hasMigrationHandler(), checkpoint.frequency(), checkpoint.interval(), fields);
    }

    /** Adds {@code option} at {@code path}, whose default is {@code value}, and everything below it. */
    private void walk(OptionModel option, String path, Object value, List<OptionDescription> out) {
        switch (option.kind()) {
            case OBJECT -> {
                Object instance = value != null ? value : create(option);
                for (OptionModel child : option.children()) {
                    walk(child, path + '.' + child.name(), read(child, instance), out);
                }
            }
            case LIST -> {
                out.add(describe(option, path, value));
                if (option.element().kind() == Kind.OBJECT) {
                    walk(option.element(), path + "[]", null, out);
                }
            }
            default -> out.add(describe(option, path, value));
        }
    }

    private OptionDescription describe(OptionModel option, String path, Object value) {
        JsonValue defaultValue = option.credential() ? null : toJson(value);
        return new OptionDescription(path, option.kind(), typeName(option), defaultValue, option.required(),
                option.credential());
    }

    /** A fresh instance with its defaults, or null when its constructor fails (its defaults are then unknown). */
    private static Object create(OptionModel option) {
        try {
            return option.factory().get();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The field's default on {@code instance}; null when unknown, and for a credential, which is never read. */
    private static Object read(OptionModel option, Object instance) {
        if (instance == null || option.getter() == null || option.credential()) {
            return null;
        }
        try {
            return option.getter().apply(instance);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The type as people read it: {@code int}, {@code string}, {@code enum A|B}, {@code list of string}. */
    static String typeName(OptionModel option) {
        return switch (option.kind()) {
            case ENUM -> "enum " + Arrays.stream(option.type().getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining("|"));
            case LIST -> "list of " + typeName(option.element());
            default -> option.kind().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private JsonValue toJson(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof String text) {
            return json.createValue(text);
        }
        if (value instanceof Character c) {
            return json.createValue(String.valueOf(c));
        }
        if (value instanceof Enum<?> constant) {
            return json.createValue(constant.name());
        }
        if (value instanceof Boolean b) {
            return b ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (value instanceof Byte || value instanceof Short || value instanceof Integer || value instanceof Long) {
            return json.createValue(((Number) value).longValue());
        }
        if (value instanceof Float || value instanceof Double) {
            double d = ((Number) value).doubleValue();
            // Float.toString, not the double's digits: 0.1f is shown 0.1. NaN and infinities are not JSON numbers.
            return Double.isFinite(d) ? json.createValue(new BigDecimal(value.toString())) : json.createValue(value.toString());
        }
        if (value instanceof List<?> list) {
            JsonArrayBuilder array = json.createArrayBuilder();
            for (Object item : list) {
                JsonValue element = item == null ? JsonValue.NULL : toJson(item);
                if (element == null) {
                    return null; // items that are configuration classes: no short default to show
                }
                array.add(element);
            }
            return array.build();
        }
        return null;
    }

    private static Object zero(Kind kind) {
        return switch (kind) {
            case BOOLEAN -> Boolean.FALSE;
            case CHAR -> '\0';
            case FLOAT, DOUBLE -> 0d;
            default -> 0L;
        };
    }
}
