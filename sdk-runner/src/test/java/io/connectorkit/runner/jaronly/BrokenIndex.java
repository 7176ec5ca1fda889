package io.connectorkit.runner.jaronly;

import io.connectorkit.api.spi.ComponentIndex;
import io.connectorkit.api.spi.ComponentModel;
import java.util.List;

/**
 * An index whose static initializer fails, as a connector jar built against missing classes can; listed only in jars
 * the tests write.
 */
public final class BrokenIndex implements ComponentIndex {

    static {
        if (Boolean.parseBoolean("true")) {
            throw new IllegalStateException("static initializer of the broken index fails on purpose");
        }
    }

    @Override
    public List<String> componentIds() {
        return List.of();
    }

    @Override
    public ComponentModel component(String id) {
        throw new IllegalArgumentException(id);
    }

    @Override
    public int format() {
        return FORMAT;
    }
}
