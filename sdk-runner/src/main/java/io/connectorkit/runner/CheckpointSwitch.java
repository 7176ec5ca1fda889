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
 * <p>The property is the switch's other spelling: {@code false} turns checkpointing off as {@code --no-checkpoints}
 * does, {@code true} asks for what the runner does anyway. (Until 0.1 the runner ignored it without a word.) Any other
 * value, or the misspelt {@code connectorkit.checkpoint.enable}, is ignored with a warning that says so.
 */
final class CheckpointSwitch {

    /** The system property that embedders used to set for the runtime; the runner still accepts it. */
    static final String PROPERTY = "connectorkit.checkpoint.enabled";

    /** A misspelling that the runtime used to warn about. */
    static final String MISSPELT_PROPERTY = "connectorkit.checkpoint.enable";

    /** How a runner user turns checkpointing on, for the runtime's messages that say it is off. */
    static final String HOW_TO_ENABLE = "run without --no-checkpoints (and without -D" + PROPERTY + "=false)";

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

    /**
     * {@code builder} with this run's checkpoint switch: on unless either flag is given or {@code system} sets the
     * property to {@code false}; warns on {@code log} about a property value it ignores.
     */
    ComponentManager.Builder applyTo(ComponentManager.Builder builder, Properties system, PrintStream log) {
        boolean enabled = !noCheckpoints && !disableFeature;
        String value = system.getProperty(PROPERTY);
        if ("false".equalsIgnoreCase(value)) {
            enabled = false;
        } else if (value != null && !value.equalsIgnoreCase("true")) {
            log.println("connectorkit: warning: -D" + PROPERTY + "=" + PrintableText.of(value, 100) + " is neither "
                    + "true nor false and is ignored; the runner checkpoints unless --no-checkpoints is given");
        } else if (value == null && system.getProperty(MISSPELT_PROPERTY) != null) {
            log.println("connectorkit: warning: -D" + MISSPELT_PROPERTY + " is not read (the property is " + PROPERTY
                    + "); the runner checkpoints unless --no-checkpoints is given");
        }
        return builder.checkpointing(enabled).howToEnableCheckpointing(HOW_TO_ENABLE);
    }
}
