package io.connectorkit.runtime;

import io.connectorkit.api.spi.OptionModel;
import java.util.List;

/** Finds the option a flat configuration key names ({@code configuration.items[2].name}) in a component's tree. */
final class OptionPaths {

    private OptionPaths() {
    }

    /** The option {@code key} names, or null when it names none (an unknown key, a {@code __version} key). */
    static OptionModel resolve(List<OptionModel> parameters, String key) {
        String[] segments = key.split("\\.", -1);
        OptionModel node = null;
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            int bracket = segment.indexOf('[');
            String name = bracket < 0 ? segment : segment.substring(0, bracket);
            node = i == 0 ? parameter(parameters, name) : node.kind() == OptionModel.Kind.OBJECT ? node.child(name)
                    : null;
            if (node == null) {
                return null;
            }
            // Each [i] steps into the list's element.
            for (int at = bracket; at >= 0; at = segment.indexOf('[', at + 1)) {
                if (node.kind() != OptionModel.Kind.LIST) {
                    return null;
                }
                node = node.element();
            }
        }
        return node;
    }

    private static OptionModel parameter(List<OptionModel> parameters, String name) {
        for (OptionModel parameter : parameters) {
            if (parameter.kind() != OptionModel.Kind.SERVICE && parameter.name().equals(name)) {
                return parameter;
            }
        }
        return null;
    }
}
