package io.connectorkit.store;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigDecimal;

/** Test checkpoints. */
final class Checkpoints {

    private Checkpoints() {
    }

    /** {@code {"$checkpoint": {"offset": n, "__version": 2}}}. */
    static JsonObject offset(long n) {
        return Json.createObjectBuilder().add("$checkpoint",
                Json.createObjectBuilder().add("offset", n).add("__version", 2)).build();
    }

    /** A checkpoint exercising every JSON type, escapes, non-ASCII text and number forms. */
    static JsonObject rich() {
        return Json.createObjectBuilder().add("$checkpoint", Json.createObjectBuilder()
                .add("zeta", "last key first")
                .add("text", "quote \" backslash \\ tab \t newline \n unicode é 日本 \uD83D\uDE00 nul \u0000")
                .add("decimal", new BigDecimal("1.50"))
                .add("big", new BigDecimal("12345678901234567890.000001"))
                .add("exp", new BigDecimal("1E+10"))
                .add("negative", -42)
                .add("flags", Json.createArrayBuilder().add(true).add(false).addNull())
                .add("nested", Json.createObjectBuilder().add("b", 1).add("a", Json.createArrayBuilder()))
                .add("__version", 3)).build();
    }
}
