package io.connectorkit.runner.jaronly;

import io.connectorkit.api.spi.ComponentIndex;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/** Writes the jar that registers {@link JarOnlyIndex}, for {@code --jar}. */
public final class JarOnlyJar {

    /** {@code jar/only-input}. */
    public static final String ID = "jar/only-input";

    /** The default of its credential {@code configuration.token}: never to be printed. */
    public static final String TOKEN_DEFAULT = "tok-7f3a9c-default-secret";

    private JarOnlyJar() {
    }

    /** {@code dir/jar-only.jar}, holding only the service file naming {@link JarOnlyIndex}. */
    public static Path write(Path dir) {
        return write(dir.resolve("jar-only.jar"), JarOnlyIndex.class);
    }

    /** {@code jar}, holding only a service file naming {@code indexes} (classes of the test class path). */
    public static Path write(Path jar, Class<?>... indexes) {
        StringBuilder providers = new StringBuilder();
        for (Class<?> index : indexes) {
            providers.append(index.getName()).append('\n');
        }
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            out.putNextEntry(new JarEntry("META-INF/services/" + ComponentIndex.class.getName()));
            out.write(providers.toString().getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return jar;
    }
}
