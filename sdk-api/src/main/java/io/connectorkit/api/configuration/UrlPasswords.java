package io.connectorkit.api.configuration;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks the passwords that connection URLs carry, in a URL or in any text quoting one (a driver's error message):
 * the one masker of Connector Kit, for its runtime, its runner and connectors alike.
 *
 * <p>Masked, in any letter case: the value of every parameter whose name ends in {@code password}, {@code passwd}
 * or {@code pwd} ({@code ?password=x&}, {@code ;PASSWORD=x;} as H2 and SQL Server write it, {@code sslpassword=x},
 * a braced {@code {x;y}} value whole), and the password of {@code //user:password@host}. A value ends at {@code &},
 * {@code ;} or white space, so what follows the URL, such as a driver's reason for refusing it, is kept.
 *
 * <p>A value given apart from the URL (a {@link Credential} option) is not found here; hide it by its value.
 */
public final class UrlPasswords {

    /** What a masked password is replaced with. */
    public static final String MASK = "****";

    private static final Pattern PARAMETER = Pattern.compile(
            "(?i)(\\b\\w*(?:password|passwd|pwd)\\s*=\\s*)(?:\\{[^}]*}|[^&;\\s]+)");
    /** {@code //user:password@}: the password may hold {@code :} or {@code @}; the last {@code @} ends it. */
    private static final Pattern USER_INFO = Pattern.compile("//([^/:@\\s]*):[^/\\s]*@");

    private UrlPasswords() {
    }

    /**
     * {@code text} with every URL password in it replaced by {@value #MASK}; {@code null} stays {@code null}.
     *
     * @param text a URL, or a message that may quote URLs
     */
    public static String mask(String text) {
        if (text == null) {
            return null;
        }
        String masked = PARAMETER.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
        return USER_INFO.matcher(masked).replaceAll(m -> Matcher.quoteReplacement("//" + m.group(1) + ":" + MASK
                + "@"));
    }
}
