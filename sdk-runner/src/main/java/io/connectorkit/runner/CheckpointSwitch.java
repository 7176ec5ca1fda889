package io.connectorkit.runner;

import io.connectorkit.runtime.ComponentManager;
import java.io.PrintStream;
import java.util.Properties;
import picocli.CommandLine.Option;

/**
 * Whether {@code run} checkpoints: on, unless {@code --no-checkpoints} is given. The runtime reads no system property;
 * the runner is the one host that reads {@value #PROPERTY}, and maps it and the flag onto
 * {@link ComponentManager.Builder#checkpointing(boolean)}.
 *
 * <p>The property keeps the meaning it has always had for the runner: {@code true} asks for what the runner does
 * anyway, and no value turns checkpointing off (the runner never let it), so a value other than {@code true}, or the
 * misspelt {@code connectorkit.checkpoint.enable}, gets a warning saying that {@code --no-checkpoints} is the switch.
 */
final class CheckpointSwitch {

    /** The system property that embedders used to set for the runtime; the runner still accepts it. */
    static final String PROPERTY = "connectorkit.checkpoint.enabled";

    /** A misspelling that the runtime used to warn about. */
    static final String MISSPELT_PROPERTY = "connectorkit.checkpoint.enable";

    /** How a runner user turns checkpointing on, for the runtime's messages that say it is off. */
    static final String HOW_TO_ENABLE = "run without --no-checkpoints";

    @Option(names = "--no-checkpoints",
            description = "run without checkpointing (a saved checkpoint is ignored, with a warning)")
    boolean noCheckpoints;

    /**
     * The former name of {@code --no-checkpoints}, still accepted. A second option rather than a second name of
     * {@code --no-checkpoints}: picocli's help would list every name of a visible option, and only the new one is
     * to be shown.
     */
    @Option(names = "--disable-feature", hidden = true)
    boolean disableFeature;

    /** Whether the run checkpoints. */
    boolean enabled() {
        return !noCheckpoints && !disableFeature;
    }

    /**
     * {@code builder} with this run's checkpoint switch; warns on {@code log} when {@code system} sets the property to
     * something it does not do.
     */
    ComponentManager.Builder applyTo(ComponentManager.Builder builder, Properties system, PrintStream log) {
        String value = system.getProperty(PROPERTY);
        if (value != null && !value.equals("true")) {
            log.println("connectorkit: warning: -D" + PROPERTY + "=" + PrintableText.of(value, 100) + " does not "
                    + "turn checkpointing off in the runner; --no-checkpoints does");
        } else if (value == null && system.getProperty(MISSPELT_PROPERTY) != null) {
            log.println("connectorkit: warning: -D" + MISSPELT_PROPERTY + " is not read (the property is " + PROPERTY
                    + "); the runner checkpoints unless --no-checkpoints is given");
        }
        return builder.checkpointing(enabled()).howToEnableCheckpointing(HOW_TO_ENABLE);
    }
}
