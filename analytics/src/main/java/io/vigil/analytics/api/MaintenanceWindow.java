package io.vigil.analytics.api;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A weekly recurring window, read on the wall clock of {@code zone}: it opens on each of {@code days} at
 * {@code start} and stays open for {@code length} of wall-clock time, so it may run past midnight into the next day
 * (22:00 for 4 hours closes at 02:00). An instant is inside the window when the zone's clock shows a time inside it.
 * On the night the clocks change, the window therefore lasts one hour less or more in elapsed time: "Sunday 01:00 for
 * 4 hours" in Europe/Stockholm closes at 05:00 local time also on the last Sunday of March, after 3 elapsed hours. A
 * window that opens in the skipped hour opens when the clock jumps past its start.
 *
 * @param days the days on which the window opens; empty means every day
 * @param start the local time at which the window opens
 * @param length how long the window stays open, more than zero and at most 7 days
 * @param zone the time zone whose clock the window follows
 * @param label optional name shown to operators, {@code null} when absent
 */
public record MaintenanceWindow(Set<DayOfWeek> days, LocalTime start, Duration length, ZoneId zone, String label) {

    public static final Duration MAX_LENGTH = Duration.ofDays(7);

    public MaintenanceWindow {
        if (days == null || days.isEmpty()) {
            days = Set.of();
        } else {
            // EnumSet rejects null days and keeps them in week order, so stored events list them the same way
            EnumSet<DayOfWeek> copy = EnumSet.noneOf(DayOfWeek.class);
            for (DayOfWeek day : days) {
                if (day == null) {
                    throw new IllegalArgumentException("maintenance window days must not contain null");
                }
                copy.add(day);
            }
            days = Collections.unmodifiableSet(copy);
        }
        if (start == null) {
            throw new IllegalArgumentException("maintenance window start time is required");
        }
        if (length == null || length.isNegative() || length.isZero()) {
            throw new IllegalArgumentException("maintenance window length must be more than zero, not " + length);
        }
        if (length.compareTo(MAX_LENGTH) > 0) {
            throw new IllegalArgumentException("maintenance window length must be at most 7 days, not " + length);
        }
        if (zone == null) {
            throw new IllegalArgumentException("maintenance window time zone is required");
        }
        label = label == null || label.isBlank() ? null : label.strip();
    }

    /** Whether the window is open at {@code at}: some opening in the last 7 days has not yet closed. */
    public boolean isActive(Instant at) {
        LocalDateTime local = LocalDateTime.ofInstant(at, zone);
        LocalDate today = local.toLocalDate();
        // an opening can close up to 7 days after it opened, so the opening that covers `at` is at most 7 days old
        for (int daysBack = 0; daysBack <= 7; daysBack++) {
            LocalDate day = today.minusDays(daysBack);
            if (opensOn(day.getDayOfWeek())) {
                LocalDateTime opens = day.atTime(start);
                if (!local.isBefore(opens) && local.isBefore(opens.plus(length))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The label, or a description such as "Sat, Sun 22:00 for PT4H (Europe/Stockholm)". */
    public String describe() {
        if (label != null) {
            return label;
        }
        String on = days.isEmpty()
                ? "daily"
                : days.stream()
                        .map(day -> day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH))
                        .collect(Collectors.joining(", "));
        return on + " " + start + " for " + length + " (" + zone.getId() + ")";
    }

    private boolean opensOn(DayOfWeek day) {
        return days.isEmpty() || days.contains(day);
    }
}
