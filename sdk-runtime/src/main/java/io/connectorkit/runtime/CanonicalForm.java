package io.connectorkit.runtime;

import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical form of a flat configuration map, and its hash: a JSON object of its entries sorted by key, so that
 * the same keys and values always give the same text and no two different maps give the same one (JSON escapes what
 * a separator would confuse). Split ids and plan fingerprints are made from it.
 */
final class CanonicalForm {

    private static final JsonProvider JSON = JsonProvider.provider();

    private CanonicalForm() {
    }

    /** {@code {"a":"1","b.c":"x"}}: the entries sorted by key. */
    static String of(Map<String, String> configuration) {
        JsonObjectBuilder builder = JSON.createObjectBuilder();
        new TreeMap<>(configuration).forEach(builder::add);
        return builder.build().toString();
    }

    /** The SHA-256 of {@link #of}, in lower-case hex (64 digits). */
    static String sha256(Map<String, String> configuration) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(of(configuration).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
