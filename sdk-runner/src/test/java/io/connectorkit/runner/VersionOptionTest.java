package io.connectorkit.runner;

import io.connectorkit.api.spi.ComponentIndex;
import io.connectorkit.api.spi.Release;
import org.junit.jupiter.api.Test;

/** {@code --version} says which release runs, and which component indexes it reads. */
class VersionOptionTest {

    @Test
    void printsTheReleaseItWasBuiltFromAndTheIndexFormat() {
        Cli.run("--version").assertCode(0).assertOutContains("Connector Kit runner " + Release.CURRENT
                + " (reads component index format " + ComponentIndex.FORMAT + ")");
        Cli.run("-V").assertCode(0).assertOutContains("Connector Kit runner " + Release.CURRENT);
    }
}
