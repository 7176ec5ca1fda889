package io.connectorkit.runner;

import io.connectorkit.runtime.ComponentManager;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
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
        @Option(names = "--jar", paramLabel = "PATH", description = "a connector jar, loaded in its own class loader; "
                + "repeatable (the sample connectors are on the runner's own class path)")
        List<Path> jars = new ArrayList<>();

        ComponentLookup open() {
            return ComponentLookup.open(jars);
        }
    }

    private final URLClassLoader jarLoader;
    private final ComponentManager manager;

    private ComponentLookup(URLClassLoader jarLoader, ComponentManager manager) {
        this.jarLoader = jarLoader;
        this.manager = manager;
    }

    /**
     * A lookup over the runner's class path and {@code jars}.
     *
     * @throws RunnerException ({@link ExitCodes#USAGE}) naming a jar that cannot be read
     */
    static ComponentLookup open(List<Path> jars) {
        ClassLoader own = ComponentLookup.class.getClassLoader();
        URLClassLoader jarLoader = null;
        if (!jars.isEmpty()) {
            List<URL> urls = new ArrayList<>();
            for (Path jar : jars) {
                if (!Files.isReadable(jar)) {
                    throw new RunnerException(ExitCodes.USAGE, "--jar " + jar + ": no such readable file");
                }
                try {
                    urls.add(jar.toUri().toURL());
                } catch (MalformedURLException e) {
                    throw new RunnerException(ExitCodes.USAGE, "--jar " + jar + ": " + e.getMessage(), e);
                }
            }
            jarLoader = new URLClassLoader("connectors " + jars, urls.toArray(URL[]::new), own);
        }
        ComponentManager manager = ComponentManager.builder().checkpointing(true)
                .classLoader(jarLoader != null ? jarLoader : own).build();
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
        return new RunnerException(ExitCodes.UNKNOWN_COMPONENT, "no component " + componentId + "; known components: "
                + manager.componentIds() + (hint.isEmpty() ? "" : ". " + hint));
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
