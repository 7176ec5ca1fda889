package io.connectorkit.runner;

import io.connectorkit.runtime.ComponentManager;
import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The components a command can see: those on the runner's own class path (the samples) and in {@code --jar}s, each
 * set of jars in its own class loader, as {@code run} loads them. Closing it closes the manager and that loader.
 */
final class ComponentLookup implements AutoCloseable {

    /** The {@code --jar} option of the commands that look components up. */
    static final class JarOptions {
        @Option(names = "--jar", paramLabel = "PATH", description = "a connector jar, or a folder of jars (its "
                + "dependencies), loaded in a class loader of their own; repeatable (the sample connectors are on the "
                + "runner's own class path)")
        List<Path> jars = new ArrayList<>();

        ComponentLookup open() {
            return ComponentLookup.open(jars, ComponentManager.builder().checkpointing(true));
        }
    }

    private final URLClassLoader jarLoader;
    private final ComponentManager manager;

    private ComponentLookup(URLClassLoader jarLoader, ComponentManager manager) {
        this.jarLoader = jarLoader;
        this.manager = manager;
    }

    /**
     * A lookup over the runner's class path and {@code jars} (jars, or folders of jars).
     *
     * @param settings the manager's settings; its class loader is set here
     * @throws RunnerException ({@link ExitCodes#USAGE}) naming a path that is not a jar or a folder of jars
     */
    static ComponentLookup open(List<Path> jars, ComponentManager.Builder settings) {
        ClassLoader own = ComponentLookup.class.getClassLoader();
        URLClassLoader jarLoader = jars.isEmpty() ? null
                : new URLClassLoader("connectors " + jars, ConnectorJars.urls(jars), own);
        ComponentManager manager = settings.classLoader(jarLoader != null ? jarLoader : own).build();
        return new ComponentLookup(jarLoader, manager);
    }

    ComponentManager manager() {
        return manager;
    }

    /**
     * The error of a component that is not there, as {@code run} reports it ({@link ExitCodes#UNKNOWN_COMPONENT}, the
     * known ones listed), followed by {@code hint} when not empty.
     */
    RunnerException unknown(String componentId, String hint) {
        return unknown(manager, componentId, hint);
    }

    /**
     * The error of a component {@code manager} does not know: the known ones, then the component indexes it could not
     * read (a connector built by another release hides its components), then {@code hint} when not empty.
     */
    static RunnerException unknown(ComponentManager manager, String componentId, String hint) {
        List<String> problems = manager.indexProblems();
        return new RunnerException(ExitCodes.UNKNOWN_COMPONENT, "no component " + componentId + "; known components: "
                + manager.componentIds()
                + (problems.isEmpty() ? "" : "; component indexes that could not be read: " + String.join("; ",
                        problems))
                + (hint.isEmpty() ? "" : ". " + hint));
    }

    @Override
    public void close() {
        manager.close();
        if (jarLoader != null) {
            try {
                jarLoader.close();
            } catch (IOException e) {
                // Jars opened for reading only: nothing is lost, and the command's result stands.
            }
        }
    }
}
