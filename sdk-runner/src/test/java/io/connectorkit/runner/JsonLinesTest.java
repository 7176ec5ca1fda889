package io.connectorkit.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The runner's JSON lines: the text JSON-P writes, in UTF-8, one record a line, from one generator. */
class JsonLinesTest {

    @Test
    void aRecordIsTheTextJsonPWritesOnOneLine() throws IOException {
        JsonObject record = Json.createObjectBuilder()
                .add("id", 12345678901L)
                .add("amount", new BigDecimal("1.50"))
                .add("big", new BigDecimal("1E+3"))
                .add("name", "quote\" back\\slash / é 中文 😀")
                .add("ok", true)
                .add("gone", false)
                .addNull("none")
                .add("tags", Json.createArrayBuilder().add(1).add("x").add(Json.createObjectBuilder().add("a", 2.5)))
                .add("empty", JsonValue.EMPTY_JSON_OBJECT)
                .build();

        assertEquals(record + "\n", linesOf(record));
    }

    @Test
    void controlCharactersAndLoneSurrogatesAreEscapedAndKept() throws IOException {
        // JSON-P writes \u001f where Jackson writes \u001F, and turns a lone surrogate into '?': the text differs, the
        // value read back must not (a lone surrogate is kept, escaped, where JSON-P lost it).
        JsonObject record = Json.createObjectBuilder()
                .add("control", "\b\f\n\r\t \u0001 \u001f \u007f")
                .add("lone", "a \ud800 b \udc00")
                .build();

        String line = linesOf(record);

        assertEquals(List.of(record), parse(line));
    }

    @Test
    void manyRecordsAreManyLinesOfOneStream() throws IOException {
        List<JsonObject> records = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) { // more than one buffer of the generator
            records.add(Json.createObjectBuilder().add("id", i).add("text", "row " + i).build());
        }

        String lines = linesOf(records.toArray());

        assertEquals(records, parse(lines));
        assertEquals(records.size(), lines.split("\n", -1).length - 1);
    }

    @Test
    void aRecordThatIsNotJsonIsWrittenByJsonB() throws Exception {
        try (Jsonb jsonb = JsonbBuilder.create()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            JsonLines lines = new JsonLines(out, () -> jsonb);

            lines.write(new Point(3, 4));
            lines.write(Json.createObjectBuilder().add("after", 1).build());
            lines.flush();

            assertEquals("{\"x\":3,\"y\":4}\n{\"after\":1}\n", out.toString(StandardCharsets.UTF_8));
        }
    }

    /** A JSON-B bean. */
    public static final class Point {
        private final int x;
        private final int y;

        Point(int x, int y) {
            this.x = x;
            this.y = y;
        }

        public int getX() {
            return x;
        }

        public int getY() {
            return y;
        }
    }

    private static String linesOf(Object... records) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonLines lines = new JsonLines(out, () -> {
            throw new AssertionError("JSON-B is not needed for JSON-P records");
        });
        for (Object record : records) {
            lines.write(record);
        }
        lines.flush();
        return out.toString(StandardCharsets.UTF_8);
    }

    private static List<JsonObject> parse(String lines) {
        List<JsonObject> records = new ArrayList<>();
        for (String line : lines.split("\n")) {
            records.add(Json.createReader(new StringReader(line)).readObject());
        }
        return records;
    }
}
