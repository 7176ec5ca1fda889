package com.example.depthone;

import io.connectorkit.api.input.checkpoint.Checkpoint;
import io.connectorkit.api.spi.CheckpointModel;
import io.connectorkit.api.spi.ComponentIndex;
import io.connectorkit.api.spi.ComponentModel;
import io.connectorkit.api.spi.OptionModel;
import io.connectorkit.api.spi.VersionModel;
import jakarta.annotation.Generated;
import jakarta.json.JsonBuilderFactory;
import java.util.List;

@Generated("io.connectorkit.processor.ConnectorProcessor")
public final class ConnectorKitIndex_8bff5ffd implements ComponentIndex {
  @Override
  public List<String> componentIds() {
    return List.of("checkpoint/list-input");
  }

  @Override
  public ComponentModel component(String id) {
    switch (id) {
      case "checkpoint/list-input":
        return checkpointListInput();
      default:
        throw new IllegalArgumentException("not a component of this index: " + id);
    }
  }

  @Override
  public int format() {
    return 2;
  }

  @Override
  public String release() {
    return "@RELEASE@";
  }

  private static ComponentModel checkpointListInput() {
    return ComponentModel.builder("checkpoint", "list-input", CheckpointOptionAtDepthOne.class)
        .version(new VersionModel(3, CheckpointOptionAtDepthOne.Migration::new))
        .parameter(OptionModel.builder("", OptionModel.Kind.SERVICE, JsonBuilderFactory.class).build())
        .parameter(OptionModel.builder("configuration", OptionModel.Kind.OBJECT, CheckpointOptionAtDepthOne.InputConfig.class)
            .factory(CheckpointOptionAtDepthOne.InputConfig::new)
            .child(OptionModel.builder("total", OptionModel.Kind.INT, int.class).required()
                .field(o -> ((CheckpointOptionAtDepthOne.InputConfig) o).total, (o, v) -> ((CheckpointOptionAtDepthOne.InputConfig) o).total = (int) v)
                .build())
            .child(OptionModel.builder("password", OptionModel.Kind.STRING, String.class).credential()
                .field(o -> ((CheckpointOptionAtDepthOne.InputConfig) o).getPassword(), (o, v) -> ((CheckpointOptionAtDepthOne.InputConfig) o).setPassword((String) v))
                .build())
            .child(OptionModel.builder("checkpoint", OptionModel.Kind.OBJECT, CheckpointOptionAtDepthOne.CheckpointState.class)
                .factory(CheckpointOptionAtDepthOne.CheckpointState::new)
                .checkpoint(new CheckpointModel(new VersionModel(2, CheckpointOptionAtDepthOne.Migration::new), Checkpoint.Frequency.TIME, 500L))
                .field(o -> ((CheckpointOptionAtDepthOne.InputConfig) o).getCheckpoint(), (o, v) -> ((CheckpointOptionAtDepthOne.InputConfig) o).setCheckpoint((CheckpointOptionAtDepthOne.CheckpointState) v))
                .child(OptionModel.builder("lastId", OptionModel.Kind.LONG, long.class)
                    .field(o -> ((CheckpointOptionAtDepthOne.CheckpointState) o).getLastId(), (o, v) -> ((CheckpointOptionAtDepthOne.CheckpointState) o).setLastId((long) v))
                    .build())
                .child(OptionModel.builder("strategy", OptionModel.Kind.ENUM, CheckpointOptionAtDepthOne.Strategy.class)
                    .field(o -> ((CheckpointOptionAtDepthOne.CheckpointState) o).strategy, (o, v) -> ((CheckpointOptionAtDepthOne.CheckpointState) o).strategy = (CheckpointOptionAtDepthOne.Strategy) v)
                    .build())
                .build())
            .build())
        .constructor(args -> new CheckpointOptionAtDepthOne((JsonBuilderFactory) args[0], (CheckpointOptionAtDepthOne.InputConfig) args[1]))
        .producer("data", c -> ((CheckpointOptionAtDepthOne) c).data())
        .postConstruct("init", c -> ((CheckpointOptionAtDepthOne) c).init())
        .preDestroy("close", c -> ((CheckpointOptionAtDepthOne) c).close())
        .checkpointPath("configuration.checkpoint")
        .checkpointData("checkpoint", c -> ((CheckpointOptionAtDepthOne) c).checkpoint())
        .checkpointAvailable("isReady", c -> ((CheckpointOptionAtDepthOne) c).isReady())
        .build();
  }
}
