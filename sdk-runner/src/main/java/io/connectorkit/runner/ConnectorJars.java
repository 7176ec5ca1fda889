package io.connectorkit.runner;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The class path of {@code --jar}: each given jar, and every {@code *.jar} of each given folder (sorted by name), so
 * that a connector's own dependencies come with it ({@code --jar acme.jar --jar target/dependency}). Anything else
 * is refused naming the path: a missing path, a file that is not a jar, a folder without jars.
 */
final class ConnectorJars {

    private ConnectorJars() {
    }

    /**
     * The URLs of the jars {@code paths} give, in order.
     *
     * @throws RunnerException ({@link ExitCodes#USAGE}) naming the path that is not a jar or a folder of jars
     */
    static URL[] urls(List<Path> paths) {
        List<URL> urls = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                List<Path> jars = jarsIn(path);
                if (jars.isEmpty()) {
                    throw refused(path, "a folder without any .jar file");
                }
                for (Path jar : jars) {
                    urls.add(checkedJar(jar));
                }
            } else if (Files.exists(path)) {
                urls.add(checkedJar(path));
            } else {
                throw refused(path, "no such file or folder");
            }
        }
        return urls.toArray(URL[]::new);
    }

    private static List<Path> jarsIn(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".jar") && Files.isRegularFile(file))
                    .sorted().toList();
        } catch (IOException e) {
            throw refused(folder, "a folder that cannot be listed (" + IoErrors.reason(folder, e) + ")");
        }
    }

    /** The URL of {@code jar} once it opened as a jar: a class loader would otherwise skip it without a word. */
    private static URL checkedJar(Path jar) {
        try {
            new JarFile(jar.toFile()).close(); // opening it is the check
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw refused(jar, e.getMessage());
        } catch (IOException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw refused(jar, Files.isReadable(jar) ? "not a jar file (" + reason + ")" : "not readable (" + reason
                    + ")");
        }
    }

    private static RunnerException refused(Path path, String why) {
        return new RunnerException(ExitCodes.USAGE, "--jar " + path + ": " + why
                + "; give a connector jar, or a folder of jars");
    }
}
