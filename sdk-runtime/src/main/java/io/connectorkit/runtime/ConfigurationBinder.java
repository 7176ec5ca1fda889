package io.connectorkit.runtime;

import io.connectorkit.api.spi.ComponentModel;
import io.connectorkit.api.spi.OptionModel;
import io.connectorkit.runtime.ConfigurationException.Problem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;

/**
 * Binds a flat configuration map to an emitter's constructor arguments by walking its generated option tree: no
 * reflection. Every problem is collected, then thrown together as one {@link ConfigurationException}.
 */
final class ConfigurationBinder {

    /** What {@link #bind} produced: the constructor arguments and the credential values to keep out of messages. */
    record Bound(Object[] arguments, Set<String> secrets) {
    }

    /** Marks "no key for this option": the field keeps its default. */
    private static final Object ABSENT = new Object();

    private final String componentId;
    private final Map<String, String> configuration;
    private final Services services;
    private final KeyIndex keys;
    private final Set<String> consumed = new HashSet<>();
    private final Set<String> secrets = new LinkedHashSet<>();
    private final TreeMap<String, Problem> problems = new TreeMap<>();

    private ConfigurationBinder(String componentId, Map<String, String> configuration, Services services) {
        this.componentId = componentId;
        this.configuration = configuration;
        this.services = services;
        this.keys = new KeyIndex(configuration.keySet());
    }

    /**
     * Binds {@code configuration} (already migrated and with {@code $checkpoint} keys rewritten) for {@code model}.
     *
     * @throws ConfigurationException listing every bad, missing or unknown key
     */
    static Bound bind(ComponentModel model, Map<String, String> configuration, Services services) {
        return new ConfigurationBinder(model.id(), configuration, services).bind(model.parameters());
    }

    /**
     * Binds {@code configuration} to the single option {@code option} (a configuration class) found at {@code path},
     * by the same rules as {@link #bind}: every key of {@code configuration} must be one of its options.
     *
     * @param componentId {@code family/name}, for messages
     * @throws ConfigurationException listing every bad, missing or unknown key
     */
    static void bindOption(String componentId, OptionModel option, String path, Map<String, String> configuration) {
        ConfigurationBinder binder = new ConfigurationBinder(componentId, configuration, null);
        binder.bindValue(option, path, null);
        binder.reportUnknownKeys();
    }

    /**
     * A new instance of the {@code @Checkpoint} class of {@code option}, bound from a checkpoint's fields
     * ({@code CheckpointState.state()}): how a durable checkpoint reaches {@code @CheckpointCommitted}. Problems are
     * named {@code $checkpoint.<field>}.
     *
     * @throws ConfigurationException listing every field that does not fit
     */
    static Object bindCheckpoint(String componentId, OptionModel option, jakarta.json.JsonObject state) {
        Map<String, String> keys = new java.util.LinkedHashMap<>();
        JsonFlattener.flatten(state).forEach((key, value) -> keys.put(ResumePreparer.PREFIX + key, value));
        ConfigurationBinder binder = new ConfigurationBinder(componentId, keys, null);
        Object bound = binder.bindValue(option, CheckpointState.CHECKPOINT_KEY, null);
        binder.reportUnknownKeys();
        return bound == ABSENT ? option.factory().get() : bound;
    }

    private Bound bind(List<OptionModel> parameters) {
        Object[] arguments = new Object[parameters.size()];
        for (int i = 0; i < arguments.length; i++) {
            arguments[i] = bindParameter(parameters.get(i));
        }
        reportUnknownKeys();
        return new Bound(arguments, secrets.isEmpty() ? Set.of() : Set.copyOf(secrets));
    }

    /** Adds every key no option read as unknown, then throws every problem found, if any. */
    private void reportUnknownKeys() {
        for (String key : configuration.keySet()) {
            if (!consumed.contains(key)) {
                // The value is not shown: an unknown key may be a misspelt credential.
                problems.put(key, new Problem(key, "a known option of " + componentId, Problem.UNKNOWN_KEY));
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(componentId, List.copyOf(problems.values()));
        }
    }

    private Object bindParameter(OptionModel parameter) {
        if (parameter.kind() == OptionModel.Kind.SERVICE) {
            return services.get(parameter.type());
        }
        String path = parameter.name();
        Object value;
        if (parameter.kind() == OptionModel.Kind.OBJECT && !keys.hasKeysBelow(path)) {
            value = parameter.required() ? missing(parameter, path) : parameter.factory().get();
        } else {
            value = bindValue(parameter, path, null);
        }
        if (value == ABSENT) {
            return parameter.primitive() ? defaultOf(parameter) : null;
        }
        return value;
    }

    /** The value at {@code path}, or {@link #ABSENT}; {@code current} is the field's present value, kept if absent. */
    private Object bindValue(OptionModel option, String path, Object current) {
        // Not a switch on the enum: that compiles to a synthetic class (and a NoSuchFieldError handler) loaded on
        // every start.
        OptionModel.Kind kind = option.kind();
        if (kind == OptionModel.Kind.OBJECT) {
            return bindObject(option, path, current);
        }
        if (kind == OptionModel.Kind.LIST) {
            return bindList(option, path);
        }
        if (kind == OptionModel.Kind.SERVICE) {
            throw new IllegalStateException("service below the root at " + path);
        }
        return bindScalar(option, path);
    }

    private Object bindScalar(OptionModel option, String path) {
        String text = configuration.get(path);
        if (text == null) {
            return missing(option, path);
        }
        consumed.add(path);
        if (option.credential()) {
            secrets.add(text);
        }
        try {
            return ValueConverter.convert(option, text);
        } catch (IllegalArgumentException e) {
            String received = option.credential() ? "a hidden value (credential)" : "'" + text + "'";
            problems.put(path, new Problem(path, e.getMessage(), received));
            return ABSENT;
        }
    }

    private Object bindObject(OptionModel option, String path, Object current) {
        if (!keys.hasKeysBelow(path)) {
            return missing(option, path);
        }
        Object instance = current != null ? current : option.factory().get();
        for (OptionModel child : option.children()) {
            Object childCurrent = child.getter() == null ? null : child.getter().apply(instance);
            String childPath = path + '.' + child.name();
            Object value = bindValue(child, childPath, childCurrent);
            if (value != ABSENT) {
                set(child, childPath, instance, value);
            }
        }
        return instance;
    }

    /** Calls the generated setter; a setter that rejects the value is one more problem, not a crash. */
    private void set(OptionModel option, String path, Object instance, Object value) {
        try {
            option.setter().accept(instance, value);
        } catch (RuntimeException e) {
            Throwable cause = ComponentFailures.unwrap(e);
            String text = configuration.get(path);
            String received = option.credential() ? "a hidden value (credential)"
                    : text != null ? "'" + text + "'" : "a value";
            String reason = option.credential() ? "" : ": " + cause.getMessage();
            problems.put(path, new Problem(path, "a value its setter accepts (" + cause.getClass().getSimpleName()
                    + reason + ")", received));
        }
    }

    private Object bindList(OptionModel option, String path) {
        String tooLarge = keys.indexTooLarge(path);
        if (tooLarge != null) {
            problems.put(path, new Problem(path, "list indices 0 to " + KeyIndex.MAX_LIST_INDEX + " at most",
                    "index " + tooLarge));
            consumeList(path);
            return ABSENT;
        }
        SortedSet<Integer> indices = keys.listIndices(path);
        if (indices.isEmpty()) {
            return missing(option, path);
        }
        int size = indices.size();
        int last = indices.last();
        if (last != size - 1) {
            problems.put(path, new Problem(path, "list indices 0 to " + (size - 1) + " without gaps",
                    "indices " + indices));
            // Reported once for the list, not again as unknown keys.
            consumeList(path);
            return ABSENT;
        }
        List<Object> list = new ArrayList<>(size);
        OptionModel element = option.element();
        for (int i = 0; i < size; i++) {
            String elementPath = path + '[' + i + ']';
            Object value = element.kind() == OptionModel.Kind.OBJECT
                    ? bindObject(element, elementPath, null)
                    : bindScalar(element, elementPath);
            list.add(value == ABSENT ? null : value);
        }
        return list;
    }

    /** Marks every key of the list at {@code path} as read: a list reported once is not reported again key by key. */
    private void consumeList(String path) {
        configuration.keySet().stream().filter(k -> k.startsWith(path + '[')).forEach(consumed::add);
    }

    private Object missing(OptionModel option, String path) {
        if (option.required()) {
            problems.put(path, new Problem(path, ValueConverter.expected(option) + " (required)", "nothing"));
        }
        return ABSENT;
    }

    private static Object defaultOf(OptionModel option) {
        return switch (option.kind()) {
            case BOOLEAN -> Boolean.FALSE;
            case BYTE -> (byte) 0;
            case SHORT -> (short) 0;
            case INT -> 0;
            case LONG -> 0L;
            case FLOAT -> 0f;
            case DOUBLE -> 0d;
            case CHAR -> '\0';
            default -> null;
        };
    }
}
