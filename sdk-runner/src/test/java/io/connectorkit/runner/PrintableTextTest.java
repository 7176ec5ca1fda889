package io.connectorkit.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The runner's quoting of outside text in its own lines. */
class PrintableTextTest {

    @Test
    void controlCharactersAndLineSeparatorsAreEscaped() {
        assertEquals("a\\u000aconnectorkit: job x finished\\u2028\\u0085\\u007f",
                PrintableText.of("a\nconnectorkit: job x finished\u2028\u0085\u007f", 100));
    }

    @Test
    void longTextIsCutByCodePointsAndSaysHowLongItWas() {
        assertEquals("ab... (5 characters)", PrintableText.of("abcde", 2));
        assertEquals("\uD83D\uDE00... (4 characters)", PrintableText.of("\uD83D\uDE00\uD83D\uDE00", 1));
        assertEquals("abc", PrintableText.of("abc", 3));
    }

    @Test
    void nullIsShownAsNull() {
        assertEquals("null", PrintableText.of(null, 10));
    }
}
