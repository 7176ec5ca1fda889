package io.connectorkit.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.connectorkit.api.spi.OptionModel;
import io.connectorkit.api.spi.OptionModel.Kind;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The snapshot is a copy taken at once; the wire form built from it later shows the state as it was then. */
class CheckpointCodecTest {

    /** A mutable checkpoint with a scalar, a list and a nested object, like an emitter keeps changing. */
    static final class State {
        long offset;
        String file;
        List<String> done = new ArrayList<>();
        Inner inner = new Inner();
    }

    static final class Inner {
        int page;
    }

    @SuppressWarnings("unchecked")
    private static final OptionModel MODEL = OptionModel.builder("checkpoint", Kind.OBJECT, State.class)
            .factory(State::new)
            .child(OptionModel.builder("offset", Kind.LONG, long.class)
                    .field(o -> ((State) o).offset, (o, v) -> ((State) o).offset = (long) v).build())
            .child(OptionModel.builder("file", Kind.STRING, String.class)
                    .field(o -> ((State) o).file, (o, v) -> ((State) o).file = (String) v).build())
            .child(OptionModel.builder("done", Kind.LIST, List.class)
                    .element(OptionModel.builder("", Kind.STRING, String.class).build())
                    .field(o -> ((State) o).done, (o, v) -> ((State) o).done = (List<String>) v).build())
            .child(OptionModel.builder("inner", Kind.OBJECT, Inner.class)
                    .factory(Inner::new)
                    .field(o -> ((State) o).inner, (o, v) -> ((State) o).inner = (Inner) v)
                    .child(OptionModel.builder("page", Kind.INT, int.class)
                            .field(o -> ((Inner) o).page, (o, v) -> ((Inner) o).page = (int) v).build())
                    .build())
            .build();

    private final CheckpointCodec codec = new CheckpointCodec(MODEL, Json.createBuilderFactory(null),
            JsonProvider.provider());

    @Test
    void theWireFormBuiltLaterShowsTheStateAsItWasWhenCopied() {
        State state = new State();
        state.offset = 41;
        state.file = "a.csv";
        state.done.add("x.csv");
        state.inner.page = 3;

        Object[] snapshot = codec.snapshot(state);
        state.offset = 42;
        state.file = "b.csv";
        state.done.add("a.csv");
        state.inner.page = 4;

        JsonObject expected = Json.createObjectBuilder().add("$checkpoint", Json.createObjectBuilder()
                .add("offset", 41).add("file", "a.csv").add("done", Json.createArrayBuilder().add("x.csv"))
                .add("inner", Json.createObjectBuilder().add("page", 3)).add("__version", 7)).build();
        assertEquals(expected, codec.wire(snapshot, 7));
    }

    @Test
    void nullFieldsAreLeftOut() {
        State state = new State();
        state.done = null;
        state.inner = null;
        JsonObject expected = Json.createObjectBuilder().add("$checkpoint", Json.createObjectBuilder()
                .add("offset", 0).add("__version", 1)).build();
        assertEquals(expected, codec.wire(codec.snapshot(state), 1));
    }
}
