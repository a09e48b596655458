package io.vigil.access.security;

import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * The firewall's rules for header names and values, as Spring Security's {@link StrictHttpFirewall} has them by
 * default, without a regular expression: a name is assigned code points that are not control characters; a value
 * may also hold tabs.
 *
 * <p>The firewall checks a header each time something reads it, and the filters, Tomcat and Spring MVC read the same
 * few headers many times per request: with the default regular expressions this was about 4 % of the CPU of a
 * decision at 1,000/s. {@code HeaderCharactersTest} checks that both rules answer as the defaults do.
 */
public final class HeaderCharacters {

    private HeaderCharacters() {}

    /** Whether a header name may pass the firewall. */
    public static boolean allowedName(String name) {
        return allowed(name, false);
    }

    /** Whether a header value may pass the firewall. */
    public static boolean allowedValue(String value) {
        return allowed(value, true);
    }

    private static boolean allowed(String text, boolean tab) {
        for (int i = 0; i < text.length(); ) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7f) { // printable ASCII, nearly every header
                i++;
                continue;
            }
            int cp = text.codePointAt(i);
            int type = Character.getType(cp);
            if (type == Character.UNASSIGNED || (type == Character.CONTROL && !(tab && cp == '\t'))) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }
}
