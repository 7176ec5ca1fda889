package io.connectorkit.api.spi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The Connector Kit release of this {@code sdk-api} jar, as Maven built it (for example {@code 0.1.0}). */
public final class Release {

    /** This jar's release; generated indexes record the release that generated them. */
    public static final String CURRENT = read();

    private Release() {
    }

    private static String read() {
        try (InputStream in = Release.class.getResourceAsStream("release.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            String release = properties.getProperty("release", "unknown");
            // Unfiltered (an IDE build without Maven's resource filtering): say so rather than print "${...}".
            return release.startsWith("${") ? "unknown" : release;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Connector Kit release of sdk-api", e);
        }
    }
}
