package io.connectorkit.runner.jaronly;

import io.connectorkit.api.input.checkpoint.Checkpoint.Frequency;
import io.connectorkit.api.spi.CheckpointModel;
import io.connectorkit.api.spi.ComponentIndex;
import io.connectorkit.api.spi.ComponentModel;
import io.connectorkit.api.spi.OptionModel;
import io.connectorkit.api.spi.OptionModel.Kind;
import io.connectorkit.api.spi.VersionModel;
import java.util.List;

/** The index of {@code jar/only-input}, in the shape the processor generates; registered only in the test's jar. */
public final class JarOnlyIndex implements ComponentIndex {

    @Override
    public int format() {
        return FORMAT;
    }

    @Override
    public List<String> componentIds() {
        return List.of(JarOnlyJar.ID);
    }

    @Override
    public ComponentModel component(String id) {
        if (!id.equals(JarOnlyJar.ID)) {
            throw new IllegalArgumentException(id);
        }
        OptionModel state = OptionModel.builder("state", Kind.OBJECT, JarOnlyInput.State.class)
                .factory(JarOnlyInput.State::new)
                .checkpoint(new CheckpointModel(new VersionModel(3, null), Frequency.RECORD, 1))
                .field(o -> ((JarOnlyInput.Config) o).state,
                        (o, v) -> ((JarOnlyInput.Config) o).state = (JarOnlyInput.State) v)
                .child(OptionModel.builder("next", Kind.LONG, long.class)
                        .field(o -> ((JarOnlyInput.State) o).next, (o, v) -> ((JarOnlyInput.State) o).next = (long) v)
                        .build())
                .build();
        OptionModel config = OptionModel.builder("configuration", Kind.OBJECT, JarOnlyInput.Config.class)
                .factory(JarOnlyInput.Config::new)
                .child(OptionModel.builder("total", Kind.INT, int.class)
                        .field(o -> ((JarOnlyInput.Config) o).total, (o, v) -> ((JarOnlyInput.Config) o).total = (int) v)
                        .build())
                .child(OptionModel.builder("token", Kind.STRING, String.class).credential()
                        .field(o -> ((JarOnlyInput.Config) o).token,
                                (o, v) -> ((JarOnlyInput.Config) o).token = (String) v)
                        .build())
                .child(state)
                .build();
        return ComponentModel.builder("jar", "only-input", JarOnlyInput.class)
                .parameter(config)
                .constructor(args -> new JarOnlyInput((JarOnlyInput.Config) args[0]))
                .producer("produce", c -> ((JarOnlyInput) c).produce())
                .checkpointPath("configuration.state")
                .checkpointData("checkpoint", c -> ((JarOnlyInput) c).checkpoint())
                .build();
    }
}
