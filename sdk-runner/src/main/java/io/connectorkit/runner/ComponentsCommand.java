package io.connectorkit.runner;

import io.connectorkit.runtime.ComponentDescription;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code connectorkit components}: the components the runner can run, on its class path and in {@code --jar}. */
@Command(name = "components", mixinStandardHelpOptions = true,
        description = "Lists the components on the runner's class path and in --jar: family/name, class, "
                + "configuration version, and whether it checkpoints.",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:listed", "2:bad command line (e.g. a --jar that "
                + "cannot be read)"})
final class ComponentsCommand implements Callable<Integer> {

    @Mixin
    ComponentLookup.JarOptions jars;

    @Override
    public Integer call() {
        try (ComponentLookup lookup = jars.open()) {
            TextTable table = new TextTable("component", "class", "version", "checkpoints", "reads");
            for (ComponentDescription component : lookup.manager().components()) {
                table.row(component.id(), component.type(), String.valueOf(component.version()),
                        component.checkpoints() ? "yes (version " + component.checkpoint().version() + ")" : "no",
                        component.partitioned() ? "in splits"
                                : component.infinite() ? "as one input, never ends" : "as one input");
            }
            table.print(System.out);
            return ExitCodes.OK;
        }
    }
}
