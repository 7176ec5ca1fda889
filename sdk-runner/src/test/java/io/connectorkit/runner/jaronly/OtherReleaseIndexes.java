package io.connectorkit.runner.jaronly;

import io.connectorkit.api.spi.ComponentIndex;
import io.connectorkit.api.spi.ComponentModel;
import java.util.List;

/** Indexes as jars built by other releases, or packaged twice, hold them; listed only in jars the tests write. */
public final class OtherReleaseIndexes {

    private OtherReleaseIndexes() {
    }

    /** An index generated before the format was recorded (format 1), declaring {@code old/input}. */
    public static final class FormatOne implements ComponentIndex {
        @Override
        public List<String> componentIds() {
            throw new AssertionError("an index of another format must not be called");
        }

        @Override
        public ComponentModel component(String id) {
            throw new AssertionError("an index of another format must not be called");
        }
    }

    /** A second jar declaring the sample {@code checkpoint/list-input}. */
    public static final class ListInputAgain implements ComponentIndex {
        @Override
        public List<String> componentIds() {
            return List.of("checkpoint/list-input");
        }

        @Override
        public ComponentModel component(String id) {
            return ComponentModel.builder("checkpoint", "list-input", JarOnlyInput.class)
                    .constructor(args -> null)
                    .producer("produce", c -> null)
                    .build();
        }

        @Override
        public int format() {
            return FORMAT;
        }
    }
}
