package io.connectorkit.api.configuration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class UrlPasswordsTest {

    @Test
    void aPasswordParameterIsMaskedAndTheFollowingParametersKept() {
        assertEquals("jdbc:postgresql://h/db?user=u&password=****&x=1",
                UrlPasswords.mask("jdbc:postgresql://h/db?user=u&password=secret&x=1"));
        assertEquals("jdbc:postgresql://h/db?password=****",
                UrlPasswords.mask("jdbc:postgresql://h/db?password=secret"));
    }

    @Test
    void semicolonSeparatedParametersAsH2AndSqlServerWriteThem() {
        assertEquals("jdbc:h2:file:./db;USER=sa;PASSWORD=****;IFEXISTS=TRUE",
                UrlPasswords.mask("jdbc:h2:file:./db;USER=sa;PASSWORD=secret;IFEXISTS=TRUE"));
        assertEquals("jdbc:sqlserver://h;user=u;password=****;encrypt=true",
                UrlPasswords.mask("jdbc:sqlserver://h;user=u;password={se;cret};encrypt=true"));
    }

    @Test
    void anyLetterCaseAndEveryPasswordLikeName() {
        assertEquals("a?PassWord=****&pwd=****&passwd=****&sslpassword=****&keyStorePassword=****&user=u",
                UrlPasswords.mask("a?PassWord=1&pwd=2&passwd=3&sslpassword=4&keyStorePassword=5&user=u"));
    }

    @Test
    void theUserInfoPasswordOfAUrlIsMasked() {
        assertEquals("jdbc:postgresql://bob:****@db.example:5432/test",
                UrlPasswords.mask("jdbc:postgresql://bob:pw@db.example:5432/test"));
        assertEquals("jdbc:mysql://bob:****@h/db", UrlPasswords.mask("jdbc:mysql://bob:p@ss:w@h/db"));
    }

    @Test
    void aMessageQuotingTheUrlKeepsTheReasonAfterIt() {
        assertEquals("cannot connect to jdbc:postgresql://127.0.0.1:5432/nodb?user=postgres&password=**** "
                        + "FATAL: database \"nodb\" does not exist",
                UrlPasswords.mask("cannot connect to jdbc:postgresql://127.0.0.1:5432/nodb?user=postgres"
                        + "&password=secret FATAL: database \"nodb\" does not exist"));
        assertEquals("No suitable driver found for jdbc:x://bob:****@h/db; Connection refused by h:5432, user bob@x",
                UrlPasswords.mask("No suitable driver found for jdbc:x://bob:pw@h/db; Connection refused by "
                        + "h:5432, user bob@x"));
    }

    @Test
    void textWithoutUrlPasswordsIsUnchanged() {
        String text = "Connection to 127.0.0.1:5432 refused; password authentication failed for user \"bob\" at "
                + "//host:5432/db, mail bob@example.org";
        assertEquals(text, UrlPasswords.mask(text));
        assertEquals("password=", UrlPasswords.mask("password="));
        assertNull(UrlPasswords.mask(null));
    }
}
