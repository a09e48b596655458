package io.vigil.analytics.api;

import io.vigil.ingest.api.ApiRules;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The field rules of the monitoring API (monitors, alerts, charts), written once for the REST adapters, the console
 * and the commands: the lengths of every text, no control characters in them (the rule of
 * {@link ApiRules#textProblem}), and the range of every number and time a request may carry. A broken rule is an
 * {@link IllegalArgumentException} whose message starts with the field's name ({@code "by must be at most 128
 * characters"}), which the REST API answers with a 400 naming that field.
 */
public final class MonitoringRules {

    /** Monitor ids, chosen by the client or {@code mon-} and 8 hex digits: the rule of transaction ids. */
    public static final Pattern MONITOR_ID = ApiRules.ID;

    public static final int MAX_ALERT_ID = 128;
    /** Who acted on an alert. */
    public static final int MAX_BY = 128;
    /** Notes, comments and silence reasons: free text of several lines. */
    public static final int MAX_NOTE = 2000;

    public static final int MAX_NAME = 120;
    public static final int MAX_DESCRIPTION = 2000;
    /** A dimension value a monitor filters on or a chart names: as long as the longest value stored (a merchant). */
    public static final int MAX_DIMENSION_VALUE = 128;

    public static final int MAX_SEARCH = 200;
    public static final int MAX_WINDOW_LABEL = 120;
    /** Attempts a reference minute needs, at most. */
    public static final long MAX_MIN_VOLUME = 1_000_000_000L;

    /** The alert states a search may ask for; leaving {@code state} out asks for all of them. */
    public static final List<String> ALERT_STATES = List.of("open", "firing", "acknowledged", "resolved");

    public static final int MAX_PAGE_SIZE = 500;
    /** Pages of alerts beyond this are not served: narrow the search instead. */
    public static final int MAX_PAGE = 10_000;

    public static final int MAX_DELIVERIES = 1000;

    /** The longest silence an operator may set; beyond it, pause the monitor or silence until resolved. */
    public static final Duration MAX_SILENCE = Duration.ofDays(30);

    public static final int MAX_BACKTEST_DAYS = 7;
    public static final int MIN_CHART_MINUTES = 10;
    public static final int MAX_CHART_MINUTES = 24 * 60;
    public static final int MIN_CHART_WIDTH = 200;
    public static final int MAX_CHART_WIDTH = 2000;
    public static final int MIN_CHART_HEIGHT = 100;
    public static final int MAX_CHART_HEIGHT = 1200;

    private MonitoringRules() {}

    /** A required line of text of at most {@code max} characters, with no control character. */
    public static String requireText(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return text(field, value, max);
    }

    /** An optional line of text ({@code null} passes). */
    public static String text(String field, String value, int max) {
        String problem = ApiRules.textProblem(value, max);
        if (problem != null) {
            throw new IllegalArgumentException(field + " " + problem);
        }
        return value;
    }

    /** Optional free text of several lines ({@code null} passes): line breaks and tabs allowed. */
    public static String freeText(String field, String value, int max) {
        String problem = ApiRules.freeTextProblem(value, max);
        if (problem != null) {
            throw new IllegalArgumentException(field + " " + problem);
        }
        return value;
    }

    /** A number from {@code min} to {@code max}. */
    public static long range(String field, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + " must be from " + min + " to " + max + ", not " + value);
        }
        return value;
    }

    /** A time a query may ask about: not before {@link ApiRules#EARLIEST}, at most a day after {@code now}. */
    public static Instant time(String field, Instant value, Instant now) {
        if (value != null && (value.isBefore(ApiRules.EARLIEST) || value.isAfter(now.plus(ApiRules.MAX_AHEAD)))) {
            throw new IllegalArgumentException(field + " must be from " + ApiRules.EARLIEST + " to a day from now");
        }
        return value;
    }

    /** An alert state to search for, or {@code null} for all. */
    public static String alertState(String state) {
        if (state != null && !ALERT_STATES.contains(state)) {
            throw new IllegalArgumentException(
                    "state must be one of " + String.join(", ", ALERT_STATES) + ", or left out for every state");
        }
        return state;
    }

    /** The end of a silence set at {@code at}: after it, and at most {@link #MAX_SILENCE} later. */
    public static Instant silenceUntil(String field, Instant until, Instant at) {
        if (until != null && until.isAfter(at.plus(MAX_SILENCE))) {
            throw new IllegalArgumentException(field + " must be at most " + MAX_SILENCE.toDays() + " days ahead");
        }
        return until;
    }

    /** A monitor id as a client may choose it. */
    public static String monitorId(String field, String id) {
        if (id != null && !MONITOR_ID.matcher(id).matches()) {
            throw new IllegalArgumentException(field + " must be 1-64 characters of letters, digits and . _ : -");
        }
        return id;
    }

    /** The problem with a monitor's text, or {@code null}: for {@link MonitorDefinition#problems()}. */
    static String textProblem(String field, String value, int max, boolean lines) {
        String problem = lines ? ApiRules.freeTextProblem(value, max) : ApiRules.textProblem(value, max);
        return problem == null ? null : field + " " + problem;
    }
}
