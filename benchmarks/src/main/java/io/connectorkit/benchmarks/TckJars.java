package io.connectorkit.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * TCK 1.88.0's side of the benchmarks: its class loader over {@code benchmarks/target/tck-lib} (parent: the platform
 * class loader) with the driver's classes copied into a jar of their own, the plugin jar of TCK's emitter, and
 * reflective calls into the driver, which this class loader cannot see as types.
 */
final class TckJars {

    private TckJars() {
    }

    /** The class loader of TCK's jars and the driver ({@code tck.TckDriver} and {@code plain}). */
    static URLClassLoader loader(SideBySide.Options options) throws IOException {
        if (!Files.isDirectory(options.tckLib())) {
            throw new IllegalStateException(options.tckLib() + " does not exist: build the benchmarks module first "
                    + "(mvn -B -q install -DskipTests), it copies TCK's jars there");
        }
        Path jars = options.work().resolve("tck-jars");
        BenchFiles.deleteTree(jars);
        Files.createDirectories(jars);
        Path driverJar = jars.resolve("bench-tck-driver.jar");
        copyClasses(driverJar, name -> (name.startsWith("io/connectorkit/benchmarks/tck/")
                && !name.startsWith("io/connectorkit/benchmarks/tck/plugin/"))
                || name.startsWith("io/connectorkit/benchmarks/plain/"));
        List<URL> urls = new ArrayList<>();
        urls.add(driverJar.toUri().toURL());
        try (Stream<Path> files = Files.list(options.tckLib())) {
            for (Path jar : files.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                urls.add(jar.toUri().toURL());
            }
        }
        return new URLClassLoader("tck", urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }

    static AutoCloseable driver(ClassLoader loader, SideBySide.Options options) throws Exception {
        Class<?> driver = Class.forName("io.connectorkit.benchmarks.tck.TckDriver", true, loader);
        return (AutoCloseable) driver.getConstructor(Path.class, Path.class).newInstance(m2(options),
                pluginJar(options));
    }

    /** The plugin jar of TCK's emitter, written from this program's classes. */
    static Path pluginJar(SideBySide.Options options) throws IOException {
        Path pluginJar = options.work().resolve("tck-jars").resolve("bench-tck-plugin.jar");
        copyClasses(pluginJar, name -> name.startsWith("io/connectorkit/benchmarks/tck/plugin/"));
        return pluginJar;
    }

    /** TCK's (empty) Maven repository folder. */
    static Path m2(SideBySide.Options options) throws IOException {
        return Files.createDirectories(options.work().resolve("tck-m2"));
    }

    /** A jar of this program's own class files whose names {@code include} accepts. */
    private static void copyClasses(Path jar, java.util.function.Predicate<String> include) throws IOException {
        Path source;
        try {
            source = Paths.get(TckJars.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            if (Files.isDirectory(source)) {
                try (Stream<Path> files = Files.walk(source)) {
                    for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                        String name = source.relativize(file).toString().replace('\\', '/');
                        if (name.endsWith(".class") && include.test(name)) {
                            out.putNextEntry(new JarEntry(name));
                            out.write(Files.readAllBytes(file));
                            out.closeEntry();
                        }
                    }
                }
            } else {
                try (JarFile in = new JarFile(source.toFile())) {
                    for (Enumeration<JarEntry> entries = in.entries(); entries.hasMoreElements(); ) {
                        JarEntry entry = entries.nextElement();
                        if (entry.getName().endsWith(".class") && include.test(entry.getName())) {
                            out.putNextEntry(new JarEntry(entry.getName()));
                            try (InputStream bytes = in.getInputStream(entry)) {
                                bytes.transferTo(out);
                            }
                            out.closeEntry();
                        }
                    }
                }
            }
        }
    }


    static Object invoke(Method method, Object target, Object... args) {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

}
