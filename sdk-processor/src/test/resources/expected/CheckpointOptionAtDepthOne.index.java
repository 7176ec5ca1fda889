package com.example.depthone;

import io.connectorkit.api.component.MigrationHandler;
import io.connectorkit.api.input.checkpoint.Checkpoint;
import io.connectorkit.api.spi.CheckpointModel;
import io.connectorkit.api.spi.ComponentIndex;
import io.connectorkit.api.spi.ComponentModel;
import io.connectorkit.api.spi.OptionModel;
import io.connectorkit.api.spi.VersionModel;
import jakarta.annotation.Generated;
import jakarta.json.JsonBuilderFactory;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

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
        .version(new VersionModel(3, new CheckpointListInputCalls(0)))
        .parameter(OptionModel.builder("", OptionModel.Kind.SERVICE, JsonBuilderFactory.class).build())
        .parameter(OptionModel.builder("configuration", OptionModel.Kind.OBJECT, CheckpointOptionAtDepthOne.InputConfig.class)
            .factory(new CheckpointListInputOptions(0))
            .child(OptionModel.builder("total", OptionModel.Kind.INT, int.class).required()
                .field(new CheckpointListInputOptions(1), new CheckpointListInputOptions(1))
                .build())
            .child(OptionModel.builder("password", OptionModel.Kind.STRING, String.class).credential()
                .field(new CheckpointListInputOptions(2), new CheckpointListInputOptions(2))
                .build())
            .child(OptionModel.builder("checkpoint", OptionModel.Kind.OBJECT, CheckpointOptionAtDepthOne.CheckpointState.class)
                .factory(new CheckpointListInputOptions(3))
                .checkpoint(new CheckpointModel(new VersionModel(2, new CheckpointListInputCalls(0)), Checkpoint.Frequency.TIME, 500L))
                .field(new CheckpointListInputOptions(3), new CheckpointListInputOptions(3))
                .child(OptionModel.builder("lastId", OptionModel.Kind.LONG, long.class)
                    .field(new CheckpointListInputOptions(4), new CheckpointListInputOptions(4))
                    .build())
                .child(OptionModel.builder("strategy", OptionModel.Kind.ENUM, CheckpointOptionAtDepthOne.Strategy.class)
                    .field(new CheckpointListInputOptions(5), new CheckpointListInputOptions(5))
                    .build())
                .build())
            .build())
        .constructor(new CheckpointListInputConstructor())
        .producer("data", new CheckpointListInputCalls(1))
        .postConstruct("init", new CheckpointListInputCalls(2))
        .preDestroy("close", new CheckpointListInputCalls(3))
        .checkpointPath("configuration.checkpoint")
        .checkpointData("checkpoint", new CheckpointListInputCalls(4))
        .checkpointAvailable("isReady", new CheckpointListInputCalls(5))
        .build();
  }

  /**
   * The option accessors and factories of checkpoint/list-input, by node.
   */
  private static final class CheckpointListInputOptions implements Function<Object, Object>, BiConsumer<Object, Object>, Supplier<Object> {
    private final int call;

    CheckpointListInputOptions(int call) {
      this.call = call;
    }

    @Override
    public Object apply(Object o) {
      switch (call) {
        case 1:
          return ((CheckpointOptionAtDepthOne.InputConfig) o).total;
        case 2:
          return ((CheckpointOptionAtDepthOne.InputConfig) o).getPassword();
        case 3:
          return ((CheckpointOptionAtDepthOne.InputConfig) o).getCheckpoint();
        case 4:
          return ((CheckpointOptionAtDepthOne.CheckpointState) o).getLastId();
        case 5:
          return ((CheckpointOptionAtDepthOne.CheckpointState) o).strategy;
        default:
          throw new IllegalArgumentException("no call " + call);
      }
    }

    @Override
    public void accept(Object o, Object v) {
      switch (call) {
        case 1:
          ((CheckpointOptionAtDepthOne.InputConfig) o).total = (int) v;
          return;
        case 2:
          ((CheckpointOptionAtDepthOne.InputConfig) o).setPassword((String) v);
          return;
        case 3:
          ((CheckpointOptionAtDepthOne.InputConfig) o).setCheckpoint((CheckpointOptionAtDepthOne.CheckpointState) v);
          return;
        case 4:
          ((CheckpointOptionAtDepthOne.CheckpointState) o).setLastId((long) v);
          return;
        case 5:
          ((CheckpointOptionAtDepthOne.CheckpointState) o).strategy = (CheckpointOptionAtDepthOne.Strategy) v;
          return;
        default:
          throw new IllegalArgumentException("no call " + call);
      }
    }

    @Override
    public Object get() {
      switch (call) {
        case 0:
          return new CheckpointOptionAtDepthOne.InputConfig();
        case 3:
          return new CheckpointOptionAtDepthOne.CheckpointState();
        default:
          throw new IllegalArgumentException("no call " + call);
      }
    }
  }

  /**
   * The calls of checkpoint/list-input's methods and migration handlers.
   */
  private static final class CheckpointListInputCalls implements Function<Object, Object>,
      Predicate<Object>,
      Consumer<Object>,
      Supplier<MigrationHandler> {
    private final int call;

    CheckpointListInputCalls(int call) {
      this.call = call;
    }

    @Override
    public Object apply(Object c) {
      switch (call) {
        case 1:
          return ((CheckpointOptionAtDepthOne) c).data();
        case 4:
          return ((CheckpointOptionAtDepthOne) c).checkpoint();
        default:
          throw new IllegalArgumentException("no call " + call);
      }
    }

    @Override
    public boolean test(Object c) {
      return ((CheckpointOptionAtDepthOne) c).isReady();
    }

    @Override
    public void accept(Object c) {
      switch (call) {
        case 2:
          ((CheckpointOptionAtDepthOne) c).init();
          return;
        case 3:
          ((CheckpointOptionAtDepthOne) c).close();
          return;
        default:
          throw new IllegalArgumentException("no call " + call);
      }
    }

    @Override
    public MigrationHandler get() {
      return new CheckpointOptionAtDepthOne.Migration();
    }
  }

  /**
   * The constructor of checkpoint/list-input.
   */
  private static final class CheckpointListInputConstructor implements Function<Object[], Object> {
    @Override
    public Object apply(Object[] args) {
      return new CheckpointOptionAtDepthOne((JsonBuilderFactory) args[0], (CheckpointOptionAtDepthOne.InputConfig) args[1]);
    }
  }
}
