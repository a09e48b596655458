package io.vigil.analytics.api;

/**
 * What an operator says an incident of an alert was: a real incident, or not one (a false alarm). Detection is scored
 * against these marks, and a real incident's minutes are left out of its series' baseline.
 */
public enum AlertVerdict {
    /** Something really went wrong. */
    INCIDENT,
    /** Nothing went wrong: a false alarm (a promotion, a holiday, noise). */
    NOT_AN_INCIDENT;

    /** The name clients and the console use: {@code incident} or {@code not_an_incident}. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The verdict for a wire name, case-insensitive; rejects anything else. */
    public static AlertVerdict fromWire(String name) {
        for (AlertVerdict verdict : values()) {
            if (verdict.wireName().equalsIgnoreCase(name == null ? "" : name.strip())) {
                return verdict;
            }
        }
        throw new IllegalArgumentException("verdict must be incident or not_an_incident, got " + name);
    }
}
