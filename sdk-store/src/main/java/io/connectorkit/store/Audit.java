package io.connectorkit.store;

import jakarta.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * Who changed a job's checkpoint by hand, what they did and when, e.g. {@code {"by": "alice", "action": "rewind --to
 * 3", "at": "2026-01-02T03:04:05Z"}}. A manual change is saved as a new generation carrying its audit, so it shows in
 * the history and can itself be undone.
 *
 * <p>API for hosts and store authors (a store keeps it as {@link #toJson()} and reads it back with
 * {@link #fromJson}); immutable and thread-safe.
 *
 * @param by the operator (user name, service account)
 * @param action what was done, as the operator would type it
 * @param at when it was done
 */
public record Audit(String by, String action, Instant at) {

    /** @throws IllegalArgumentException when {@code by} or {@code action} is blank */
    public Audit {
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(at, "at");
        if (by.isBlank() || action.isBlank()) {
            throw new IllegalArgumentException("an audit needs who ('by') and what ('action'), got by='" + by
                    + "', action='" + action + "'");
        }
    }

    /** An audit of {@code action} by {@code by}, now. */
    public static Audit of(String by, String action, Clock clock) {
        return new Audit(by, action, clock.instant());
    }

    /** This audit as {@code {"by": ..., "action": ..., "at": ISO-8601}}. */
    public JsonObject toJson() {
        return EnvelopeCodec.JSON.createObjectBuilder().add("by", by).add("action", action).add("at", at.toString()).build();
    }

    /**
     * Reads {@link #toJson()}'s form back.
     *
     * @throws IllegalArgumentException when a field is missing or malformed
     */
    public static Audit fromJson(JsonObject json) {
        try {
            if (json.size() != 3) {
                throw new IllegalArgumentException("expected exactly the keys [by, action, at], got " + json.keySet());
            }
            return new Audit(json.getString("by"), json.getString("action"), EnvelopeCodec.instant(json.getString("at")));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("malformed audit " + json + ": " + e.getMessage(), e);
        }
    }
}
