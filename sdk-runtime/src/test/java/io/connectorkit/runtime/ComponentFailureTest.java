package io.connectorkit.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComponentFailureTest {

    @Test
    void aConnectorExceptionNamesTheComponentAndNeverShowsACredential() {
        try (ComponentManager manager = ComponentManager.builder().checkpointing(true).build()) {
            Input input = manager.findMapper("test", "plain", 1, Map.of("configuration.url", "u",
                    "configuration.password", "hunter2", "configuration.failAfter", "1",
                    "configuration.failMessage", "login failed for password hunter2")).orElseThrow().create();
            input.start();
            input.next();
            ComponentException error = assertThrows(ComponentException.class, input::next);
            assertEquals("test/plain", error.componentId());
            assertEquals("test/plain: @Producer produce() failed: login failed for password ****", error.getMessage());
            StringWriter trace = new StringWriter();
            error.printStackTrace(new PrintWriter(trace));
            assertFalse(trace.toString().contains("hunter2"), trace.toString());
            assertTrue(trace.toString().contains("java.lang.IllegalStateException: login failed for password ****"),
                    "the original type stays visible: " + trace);
        }
    }

    @Test
    void aComponentExceptionThrownByTheConnectorItselfIsScrubbedToo() {
        try (ComponentManager manager = ComponentManager.builder().checkpointing(true).build()) {
            Input input = manager.findMapper("test", "plain", 1, Map.of("configuration.url", "u",
                    "configuration.password", "hunter2", "configuration.failAfter", "0",
                    "configuration.failMessage", "component: denied for hunter2")).orElseThrow().create();
            input.start();
            ComponentException error = assertThrows(ComponentException.class, input::next);
            StringWriter trace = new StringWriter();
            error.printStackTrace(new PrintWriter(trace));
            assertFalse(trace.toString().contains("hunter2"), trace.toString());
            assertTrue(error.getMessage().contains("denied for ****"), error.getMessage());
        }
    }

    @Test
    void aMigrationHandlerReturningANullValueIsAnErrorNamingTheKey() {
        try (ComponentManager manager = ComponentManager.builder().checkpointing(true).build()) {
            ComponentException error = assertThrows(ComponentException.class, () -> manager.findMapper("test",
                    "plain-v2", 1, Map.of("configuration.link", "lose-it")));
            assertTrue(error.getMessage().contains("returned a null value for 'configuration.url' when migrating the "
                    + "configuration version 1"), error.getMessage());
        }
    }

    @Test
    void aFailingMigrationHandlerNeverShowsACredential() {
        try (ComponentManager manager = ComponentManager.builder().checkpointing(true).build()) {
            ComponentException error = assertThrows(ComponentException.class, () -> manager.findMapper("test",
                    "plain-v2", 1, Map.of("configuration.link", "explode", "configuration.password", "hunter2")));
            StringWriter trace = new StringWriter();
            error.printStackTrace(new PrintWriter(trace));
            assertFalse(trace.toString().contains("hunter2"), trace.toString());
            assertTrue(error.getMessage().contains("failed to migrate the configuration version 1 to 2"),
                    error.getMessage());
        }
    }

    @Test
    void afterAProducerFailureStopDeliversNoCheckpointButStillCleansUp() {
        try (ComponentManager manager = ComponentManager.builder().checkpointing(true).build()) {
            Input input = manager.findMapper("test", "plain", 1, Map.of("configuration.url", "u",
                    "configuration.failAfter", "0")).orElseThrow().create();
            List<CheckpointState> states = new ArrayList<>();
            input.start(states::add);
            assertThrows(ComponentException.class, input::next);
            input.stop();
            assertEquals(List.of(), states);
            assertThrows(IllegalStateException.class, input::next, "a failed input cannot go on");
        }
    }

    @Test
    void secretScrubberMasksTheLongestSecretFirstAndLeavesCleanExceptionsAlone() {
        SecretScrubber scrubber = new SecretScrubber(java.util.Set.of("abc", "abcdef", ""));
        assertEquals("x **** y ****", scrubber.scrub("x abcdef y abc"));
        RuntimeException clean = new RuntimeException("nothing secret");
        assertTrue(clean == scrubber.scrub(clean));
        RuntimeException nested = new RuntimeException("outer", new IllegalArgumentException("inner abc"));
        Throwable scrubbed = scrubber.scrub(nested);
        assertEquals("java.lang.IllegalArgumentException: inner ****", scrubbed.getCause().getMessage());
    }
}
