package io.connectorkit.runtime;

import io.connectorkit.api.spi.ComponentModel;
import io.connectorkit.api.spi.OptionModel;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a partition mapper's configuration objects back as the flat map {@code findMapper} reads, through the
 * generated getters (no reflection): what a split's descriptor holds. The inverse of {@link ConfigurationBinder} for
 * everything but credentials, which are left out (a split's credentials are the job's). A configuration class of
 * {@code @Version} above 1 gets its {@code <path>.__version} key, so that reading the map back migrates nothing.
 */
final class ConfigurationWriter {

    private final String componentId;
    private final Map<String, String> written = new TreeMap<>();

    private ConfigurationWriter(String componentId) {
        this.componentId = componentId;
    }

    /**
     * The configuration of {@code mapper}, read through the model's configuration readers, sorted by key.
     *
     * @throws ComponentException when a getter fails, or a value cannot be written (a null list item)
     */
    static Map<String, String> write(ComponentModel model, Object mapper, ComponentFailures failures) {
        ConfigurationWriter writer = new ConfigurationWriter(model.id());
        for (OptionModel parameter : model.parameters()) {
            if (parameter.kind() == OptionModel.Kind.SERVICE) {
                continue;
            }
            ComponentModel.ConfigurationReader reader = model.configurationReaders().get(parameter.name());
            Object value;
            try {
                value = reader.call().apply(mapper);
            } catch (RuntimeException e) {
                throw failures.failure("getter " + reader.method() + "()", e);
            }
            writer.value(parameter, parameter.name(), value);
        }
        return writer.written;
    }

    private void value(OptionModel option, String path, Object value) {
        if (value == null || option.credential()) {
            return;
        }
        switch (option.kind()) {
            case OBJECT -> {
                if (option.version().value() > 1) {
                    written.put(path + '.' + CheckpointState.VERSION_KEY, Integer.toString(option.version().value()));
                }
                for (OptionModel child : option.children()) {
                    value(child, path + '.' + child.name(), child.getter() == null ? null : child.getter().apply(value));
                }
            }
            case LIST -> {
                List<?> items = (List<?>) value;
                for (int i = 0; i < items.size(); i++) {
                    if (items.get(i) == null) {
                        throw new ComponentException(componentId, "the configuration of a split holds a null item at "
                                + path + '[' + i + "], which a configuration map cannot express; leave it out of the list",
                                null);
                    }
                    value(option.element(), path + '[' + i + ']', items.get(i));
                }
            }
            case SERVICE -> {
                // never part of a configuration
            }
            case ENUM -> written.put(path, ((Enum<?>) value).name());
            default -> written.put(path, value.toString());
        }
    }
}
