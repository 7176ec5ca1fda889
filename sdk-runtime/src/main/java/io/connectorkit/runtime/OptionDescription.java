package io.connectorkit.runtime;

import io.connectorkit.api.spi.OptionModel;
import jakarta.json.JsonValue;
import java.util.Objects;

/**
 * One option of a component as a user writes it in a configuration: for {@code ck describe} and other tools that
 * help write configurations. Made by {@link ComponentManager#describe}.
 *
 * <p><b>API</b>: an immutable value made by the runtime; thread-safe.
 *
 * @param path the dotted key, {@code configuration.total}; a list's items are {@code items[]}, so a field of an
 *     item is {@code items[].name}; for a checkpoint field, the key inside {@code $checkpoint}
 * @param kind what the option holds
 * @param type the value's type for people: {@code int}, {@code string}, {@code enum BY_ID|BY_DATE},
 *     {@code list of string}
 * @param defaultValue the value the option has when the configuration leaves it out, read from a fresh instance of
 *     its configuration class through the generated getter; {@code null} when it has none (or it is {@code null}),
 *     and always {@code null} for a credential, whose value is never read
 * @param required whether a configuration without it is refused
 * @param credential whether the value is a secret that is never shown
 */
public record OptionDescription(String path, OptionModel.Kind kind, String type, JsonValue defaultValue,
                                boolean required, boolean credential) {

    public OptionDescription {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(type, "type");
        if (credential && defaultValue != null) {
            throw new IllegalArgumentException(path + ": a credential's default is never described");
        }
    }
}
