package io.vigil.patterns.api;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rules of list values, written once: the REST API and the CSV import normalise with them, and the list
 * aggregate refuses what they refuse. Every value has its surrounding spaces removed and then, by kind:
 *
 * <ul>
 *   <li>{@code email}: lower-cased, must hold an {@code @};
 *   <li>{@code ip}: an IPv4 address in dotted decimal (no leading zeros) as it is, an IPv6 address in the JDK's
 *       canonical spelling ({@code 2001:DB8::7} becomes {@code 2001:db8:0:0:0:0:0:7}), as scoring compares them;
 *   <li>{@code card_bin}: 6 to 8 digits;
 *   <li>{@code card}, {@code device}, {@code customer}: as given.
 * </ul>
 *
 * Every value is at most {@value #MAX_VALUE} characters (the API's limit for these transaction fields) with no
 * control character. Pure: no I/O, the time is the caller's.
 */
public final class ListValues {

    /** The longest value: the longest card fingerprint, device, customer or e-mail a transaction may carry. */
    public static final int MAX_VALUE = 256;
    /** The longest reason, of a change or of one entry. */
    public static final int MAX_REASON = 500;
    /**
     * The most values one list of one kind may hold (expired ones included until they are removed): every scoring
     * node keeps every list in memory, at a few hundred bytes a value.
     */
    public static final int MAX_ENTRIES = 1_000_000;

    private static final Pattern CARD_BIN = Pattern.compile("[0-9]{6,8}");
    private static final Pattern IPV4 =
            Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private ListValues() {}

    /** A value normalised for its kind, or what is wrong with it (then {@code value} is null). */
    public record Checked(String value, String problem) {

        public boolean ok() {
            return problem == null;
        }
    }

    /** The value as the list keeps it, or the rule it breaks. */
    public static Checked normalise(ListKind kind, String raw) {
        if (raw == null || raw.isBlank()) {
            return new Checked(null, "value is required");
        }
        String value = raw.strip();
        String text = textProblem(value, MAX_VALUE);
        if (text != null) {
            return new Checked(null, "value " + text);
        }
        return switch (kind) {
            case EMAIL ->
                value.indexOf('@') > 0 && value.indexOf('@') < value.length() - 1
                        ? new Checked(value.toLowerCase(Locale.ROOT), null)
                        : new Checked(null, "value must be an e-mail address");
            case CARD_BIN ->
                CARD_BIN.matcher(value).matches()
                        ? new Checked(value, null)
                        : new Checked(null, "value must be a card BIN of 6 to 8 digits");
            case IP -> ip(value);
            case CARD, DEVICE, CUSTOMER -> new Checked(value, null);
        };
    }

    /** What is wrong with a reason (required for a change, optional for an entry), or null. */
    public static String reasonProblem(String reason, boolean required) {
        if (reason == null || reason.isBlank()) {
            return required ? "reason is required" : null;
        }
        String text = textProblem(reason, MAX_REASON);
        return text == null ? null : "reason " + text;
    }

    /** What is wrong with an expiry given at {@code now}, or null: an entry that never applied is refused. */
    public static String expiryProblem(Instant expiresAt, Instant now) {
        return expiresAt != null && !expiresAt.isAfter(now) ? "expiresAt must be in the future" : null;
    }

    private static Checked ip(String value) {
        if (IPV4.matcher(value).matches()) {
            return new Checked(value, null);
        }
        if (value.contains(":") && IPV6_CHARS.matcher(value).matches()) {
            try {
                // a literal with ':' is parsed, never looked up; an IPv4-mapped address comes back as IPv4
                return new Checked(InetAddress.getByName(value).getHostAddress(), null);
            } catch (UnknownHostException e) {
                // falls through to the refusal
            }
        }
        return new Checked(null, "value must be an IPv4 or IPv6 address");
    }

    /**
     * At most {@code max} characters, and none of the characters the whole API refuses in text: C0 and C1 controls
     * and DEL, the line and paragraph separators, the bidirectional overrides and isolates, U+FFFE, U+FFFF and
     * unpaired surrogates.
     */
    private static String textProblem(String value, int max) {
        if (value.length() > max) {
            return "must be at most " + max + " characters";
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean refused = Character.isISOControl(c)
                    || c == '\u2028'
                    || c == '\u2029'
                    || (c >= '\u202A' && c <= '\u202E')
                    || (c >= '\u2066' && c <= '\u2069')
                    || c == '\uFFFE'
                    || c == '\uFFFF'
                    || (Character.isHighSurrogate(c)
                            && (i + 1 == value.length() || !Character.isLowSurrogate(value.charAt(++i))))
                    || Character.isLowSurrogate(c);
            if (refused) {
                return String.format(Locale.ROOT, "must not contain control characters (U+%04X)", (int) c);
            }
        }
        return null;
    }
}
