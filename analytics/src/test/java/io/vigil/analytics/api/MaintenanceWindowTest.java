package io.vigil.analytics.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MaintenanceWindowTest {

    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

    @Test
    void aWindowCrossingMidnightIsOpenUntilItsEndTheNextDay() {
        MaintenanceWindow nightly =
                new MaintenanceWindow(Set.of(), LocalTime.of(22, 0), Duration.ofHours(4), ZoneOffset.UTC, null);

        assertThat(nightly.isActive(Instant.parse("2026-05-05T21:59:59Z"))).isFalse();
        assertThat(nightly.isActive(Instant.parse("2026-05-05T22:00:00Z"))).isTrue();
        assertThat(nightly.isActive(Instant.parse("2026-05-05T23:30:00Z"))).isTrue();
        assertThat(nightly.isActive(Instant.parse("2026-05-06T01:59:59Z"))).isTrue();
        assertThat(nightly.isActive(Instant.parse("2026-05-06T02:00:00Z"))).isFalse();
        assertThat(nightly.isActive(Instant.parse("2026-05-06T12:00:00Z"))).isFalse();
    }

    @Test
    void aWindowCrossingMidnightBelongsToTheDayItOpens() {
        // Fridays 22:00 for 4 hours: open early on Saturday, but not late on Saturday nor early on Friday
        MaintenanceWindow fridayNight = new MaintenanceWindow(
                Set.of(DayOfWeek.FRIDAY), LocalTime.of(22, 0), Duration.ofHours(4), ZoneOffset.UTC, null);

        assertThat(fridayNight.isActive(Instant.parse("2026-05-08T23:00:00Z"))).isTrue(); // Friday
        assertThat(fridayNight.isActive(Instant.parse("2026-05-09T01:00:00Z"))).isTrue(); // Saturday
        assertThat(fridayNight.isActive(Instant.parse("2026-05-09T23:00:00Z"))).isFalse(); // Saturday
        assertThat(fridayNight.isActive(Instant.parse("2026-05-08T01:00:00Z"))).isFalse(); // Friday
    }

    @Test
    void aWindowOpensOnlyOnItsDays() {
        MaintenanceWindow mondaysAndWednesdays = new MaintenanceWindow(
                EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY),
                LocalTime.of(9, 0),
                Duration.ofHours(1),
                ZoneOffset.UTC,
                null);

        assertThat(mondaysAndWednesdays.isActive(Instant.parse("2026-05-04T09:30:00Z")))
                .isTrue(); // Monday
        assertThat(mondaysAndWednesdays.isActive(Instant.parse("2026-05-05T09:30:00Z")))
                .isFalse(); // Tuesday
        assertThat(mondaysAndWednesdays.isActive(Instant.parse("2026-05-06T09:00:00Z")))
                .isTrue(); // Wednesday
        assertThat(mondaysAndWednesdays.isActive(Instant.parse("2026-05-06T10:00:00Z")))
                .isFalse();
    }

    @Test
    void noDaysMeansEveryDay() {
        MaintenanceWindow daily =
                new MaintenanceWindow(null, LocalTime.of(3, 0), Duration.ofMinutes(30), ZoneOffset.UTC, null);

        assertThat(daily.days()).isEmpty();
        for (int day = 4; day <= 10; day++) {
            Instant at = Instant.parse("2026-05-04T03:15:00Z").plus(Duration.ofDays(day - 4));
            assertThat(daily.isActive(at)).as("%s", at).isTrue();
        }
    }

    @Test
    void aWindowFollowsTheLocalClockAcrossDaylightSaving() {
        MaintenanceWindow sundayMorning = new MaintenanceWindow(
                Set.of(DayOfWeek.SUNDAY), LocalTime.of(8, 0), Duration.ofHours(1), STOCKHOLM, null);

        // 08:00 in Stockholm is 07:00 UTC in winter (CET) and 06:00 UTC in summer (CEST)
        assertThat(sundayMorning.isActive(Instant.parse("2026-01-11T07:30:00Z")))
                .isTrue();
        assertThat(sundayMorning.isActive(Instant.parse("2026-01-11T06:30:00Z")))
                .isFalse();
        assertThat(sundayMorning.isActive(Instant.parse("2026-07-12T06:30:00Z")))
                .isTrue();
        assertThat(sundayMorning.isActive(Instant.parse("2026-07-12T07:30:00Z")))
                .isFalse();
    }

    @Test
    void onTheNightClocksGoForwardAWindowClosesAtItsLocalEnd() {
        // 29 March 2026, the last Sunday of March: at 01:00 UTC Stockholm goes from 02:00 CET to 03:00 CEST
        MaintenanceWindow sundayNight = new MaintenanceWindow(
                Set.of(DayOfWeek.SUNDAY), LocalTime.of(1, 0), Duration.ofHours(4), STOCKHOLM, null);

        assertThat(sundayNight.isActive(Instant.parse("2026-03-28T23:59:59Z"))).isFalse(); // 00:59:59 CET
        assertThat(sundayNight.isActive(Instant.parse("2026-03-29T00:00:00Z"))).isTrue(); // 01:00 CET
        assertThat(sundayNight.isActive(Instant.parse("2026-03-29T01:00:00Z"))).isTrue(); // 03:00 CEST
        assertThat(sundayNight.isActive(Instant.parse("2026-03-29T02:59:59Z"))).isTrue(); // 04:59:59 CEST
        // 05:00 CEST: closed after only 3 elapsed hours, as the operator's "01:00 to 05:00" says
        assertThat(sundayNight.isActive(Instant.parse("2026-03-29T03:00:00Z"))).isFalse();
    }

    @Test
    void aWindowStartingInTheSkippedHourOpensWhenTheClockJumpsPastIt() {
        // 02:30 does not exist in Stockholm on 29 March 2026; the clock shows 03:00 right after 01:59:59
        MaintenanceWindow sundayHalfPastTwo = new MaintenanceWindow(
                Set.of(DayOfWeek.SUNDAY), LocalTime.of(2, 30), Duration.ofHours(1), STOCKHOLM, null);

        assertThat(sundayHalfPastTwo.isActive(Instant.parse("2026-03-29T00:59:59Z")))
                .isFalse(); // 01:59:59 CET
        assertThat(sundayHalfPastTwo.isActive(Instant.parse("2026-03-29T01:00:00Z")))
                .isTrue(); // 03:00 CEST
        assertThat(sundayHalfPastTwo.isActive(Instant.parse("2026-03-29T01:29:59Z")))
                .isTrue(); // 03:29:59 CEST
        assertThat(sundayHalfPastTwo.isActive(Instant.parse("2026-03-29T01:30:00Z")))
                .isFalse(); // 03:30 CEST
    }

    @Test
    void onTheNightClocksGoBackAWindowClosesAtItsLocalEnd() {
        // 25 October 2026: at 01:00 UTC Stockholm goes from 03:00 CEST back to 02:00 CET
        MaintenanceWindow sundayNight = new MaintenanceWindow(
                Set.of(DayOfWeek.SUNDAY), LocalTime.of(1, 0), Duration.ofHours(2), STOCKHOLM, null);

        assertThat(sundayNight.isActive(Instant.parse("2026-10-24T22:59:59Z"))).isFalse(); // 00:59:59 CEST
        assertThat(sundayNight.isActive(Instant.parse("2026-10-24T23:00:00Z"))).isTrue(); // 01:00 CEST
        assertThat(sundayNight.isActive(Instant.parse("2026-10-25T00:30:00Z"))).isTrue(); // 02:30 CEST
        assertThat(sundayNight.isActive(Instant.parse("2026-10-25T01:30:00Z"))).isTrue(); // 02:30 CET
        // 03:00 CET: open for 3 elapsed hours
        assertThat(sundayNight.isActive(Instant.parse("2026-10-25T02:00:00Z"))).isFalse();
    }

    @Test
    void aWeekLongWindowIsAlwaysOpen() {
        MaintenanceWindow week = new MaintenanceWindow(
                Set.of(DayOfWeek.MONDAY), LocalTime.MIDNIGHT, Duration.ofDays(7), STOCKHOLM, "migration week");

        for (int hour = 0; hour < 24 * 8; hour += 5) {
            Instant at = Instant.parse("2026-03-23T00:00:00Z").plus(Duration.ofHours(hour));
            assertThat(week.isActive(at)).as("%s", at).isTrue();
        }
    }

    @Test
    void cannotCreateAWindowWithoutALength() {
        assertThatThrownBy(() -> new MaintenanceWindow(Set.of(), LocalTime.NOON, Duration.ZERO, STOCKHOLM, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maintenance window length must be more than zero, not PT0S");
        assertThatThrownBy(() -> new MaintenanceWindow(Set.of(), LocalTime.NOON, Duration.ofHours(-1), STOCKHOLM, null))
                .hasMessage("maintenance window length must be more than zero, not PT-1H");
        assertThatThrownBy(() -> new MaintenanceWindow(Set.of(), LocalTime.NOON, null, STOCKHOLM, null))
                .hasMessage("maintenance window length must be more than zero, not null");
    }

    @Test
    void cannotCreateAWindowLongerThanAWeek() {
        assertThatThrownBy(() -> new MaintenanceWindow(
                        Set.of(), LocalTime.NOON, Duration.ofDays(7).plusMinutes(1), STOCKHOLM, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maintenance window length must be at most 7 days, not PT168H1M");
    }

    @Test
    void cannotCreateAWindowWithoutStartZoneOrWithAnUnknownDay() {
        assertThatThrownBy(() -> new MaintenanceWindow(Set.of(), null, Duration.ofHours(1), STOCKHOLM, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maintenance window start time is required");
        assertThatThrownBy(() -> new MaintenanceWindow(Set.of(), LocalTime.NOON, Duration.ofHours(1), null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maintenance window time zone is required");
        Set<DayOfWeek> withNull = new HashSet<>();
        withNull.add(DayOfWeek.MONDAY);
        withNull.add(null);
        assertThatThrownBy(() -> new MaintenanceWindow(withNull, LocalTime.NOON, Duration.ofHours(1), STOCKHOLM, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maintenance window days must not contain null");
    }

    @Test
    void aWindowDescribesItselfByLabelOrSchedule() {
        MaintenanceWindow unlabelled = new MaintenanceWindow(
                Set.of(DayOfWeek.SUNDAY, DayOfWeek.SATURDAY), LocalTime.of(22, 0), Duration.ofHours(4), STOCKHOLM, " ");

        assertThat(unlabelled.label()).isNull();
        assertThat(unlabelled.describe()).isEqualTo("Sat, Sun 22:00 for PT4H (Europe/Stockholm)");
        assertThat(new MaintenanceWindow(Set.of(), LocalTime.of(3, 0), Duration.ofHours(1), STOCKHOLM, "nightly batch")
                        .describe())
                .isEqualTo("nightly batch");
    }
}
