package io.connectorkit.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.runtime.ComponentManager;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** How the runner maps --no-checkpoints, its former name and the system property onto the runtime's builder. */
class CheckpointSwitchTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream log = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private boolean enabled(CheckpointSwitch checkpoints, Properties system) {
        try (ComponentManager manager = checkpoints.applyTo(ComponentManager.builder(), system, log).build()) {
            return manager.isCheckpointingEnabled();
        }
    }

    private static Properties property(String name, String value) {
        Properties system = new Properties();
        system.setProperty(name, value);
        return system;
    }

    private String logged() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void onUnlessEitherNameOfTheFlagIsGiven() {
        CheckpointSwitch none = new CheckpointSwitch();
        CheckpointSwitch flag = new CheckpointSwitch();
        flag.noCheckpoints = true;
        CheckpointSwitch former = new CheckpointSwitch();
        former.disableFeature = true;

        assertTrue(enabled(none, new Properties()));
        assertFalse(enabled(flag, new Properties()));
        assertFalse(enabled(former, new Properties()));
        assertFalse(enabled(flag, property(CheckpointSwitch.PROPERTY, "true")), "the flag wins over the property");
        assertEquals("", logged());
    }

    @Test
    void thePropertyTrueAsksForWhatTheRunnerDoesAnyway() {
        assertTrue(enabled(new CheckpointSwitch(), property(CheckpointSwitch.PROPERTY, "true")));
        assertEquals("", logged());
    }

    @Test
    void thePropertyFalseTurnsCheckpointingOffLikeTheFlag() {
        assertFalse(enabled(new CheckpointSwitch(), property(CheckpointSwitch.PROPERTY, "false")));
        assertFalse(enabled(new CheckpointSwitch(), property(CheckpointSwitch.PROPERTY, "FALSE")));
        assertEquals("", logged());
    }

    @Test
    void aPropertyValueThatIsNeitherTrueNorFalseIsIgnoredWithAWarning() {
        assertTrue(enabled(new CheckpointSwitch(), property(CheckpointSwitch.PROPERTY, "off")));
        assertEquals("connectorkit: warning: -Dconnectorkit.checkpoint.enabled=off is neither true nor false and is "
                + "ignored; the runner checkpoints unless --no-checkpoints is given" + System.lineSeparator(),
                logged());
    }

    @Test
    void theMisspeltPropertyIsNamed() {
        assertTrue(enabled(new CheckpointSwitch(), property(CheckpointSwitch.MISSPELT_PROPERTY, "false")));
        assertTrue(logged().contains("-Dconnectorkit.checkpoint.enable is not read (the property is "
                + "connectorkit.checkpoint.enabled)"), logged());
    }
}
