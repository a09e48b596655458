package io.vigil.analytics.api;

/**
 * The minutes a current minute is compared with. The previous minute catches sudden changes; the same minute
 * yesterday and last week tell a sudden change from the daily and weekly cycle (traffic falls every evening, and that
 * must not alert). Written by its {@link #wireName()} in alerts and in {@code ./vigil detect} output.
 */
public enum Reference {
    PREVIOUS_MINUTE("previous_minute"),
    YESTERDAY("yesterday"),
    LAST_WEEK("last_week"),
    /** The baseline made of many samples of the series' history (the same minutes on earlier days and weeks). */
    BASELINE("baseline");

    private final String wireName;

    Reference(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
