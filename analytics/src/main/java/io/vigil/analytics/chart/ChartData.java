package io.vigil.analytics.chart;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What an alert chart shows: one monitored series over a window of minutes, next to the same minutes yesterday and
 * last week, so that whoever reads the alert sees at a glance whether today is unusual or merely following the
 * usual daily shape.
 *
 * <p>The three arrays are aligned with {@code minutes}: {@code today[i]} is the value at {@code minutes.get(i)},
 * {@code yesterday[i]} the value 24 hours earlier, {@code lastWeek[i]} seven days earlier. {@link Double#NaN} means
 * "no data for that minute" and leaves a gap in the line. {@code yesterday} and {@code lastWeek} may be {@code null}
 * when there is no history yet; they are then treated as all NaN.
 *
 * <p>With {@code percent} the values are ratios ({@code 0.973} is 97.3 %) and the y axis is labelled in percent;
 * otherwise the values are shown as they are. {@code highlighted} holds the anomalous minutes, marked on the chart;
 * minutes outside the window are ignored.
 *
 * <p>The arrays are copied in and out, so a {@code ChartData} cannot change after it is made.
 */
public record ChartData(
        String title,
        String subtitle,
        List<Instant> minutes,
        double[] today,
        double[] yesterday,
        double[] lastWeek,
        boolean percent,
        Set<Instant> highlighted) {

    public ChartData {
        title = title == null ? "" : title;
        subtitle = subtitle == null ? "" : subtitle;
        minutes = List.copyOf(Objects.requireNonNull(minutes, "minutes"));
        for (int i = 1; i < minutes.size(); i++) {
            if (!minutes.get(i).isAfter(minutes.get(i - 1))) {
                throw new IllegalArgumentException("minutes must be in ascending order without repeats, but "
                        + minutes.get(i) + " follows " + minutes.get(i - 1));
            }
        }
        today = aligned("today", Objects.requireNonNull(today, "today"), minutes.size());
        yesterday = aligned("yesterday", yesterday, minutes.size());
        lastWeek = aligned("lastWeek", lastWeek, minutes.size());
        highlighted = highlighted == null ? Set.of() : Set.copyOf(highlighted);
    }

    private static double[] aligned(String name, double[] values, int length) {
        if (values == null) {
            double[] none = new double[length];
            Arrays.fill(none, Double.NaN);
            return none;
        }
        if (values.length != length) {
            throw new IllegalArgumentException(
                    name + " has " + values.length + " values for " + length + " minutes; they must be aligned");
        }
        return values.clone();
    }

    @Override
    public double[] today() {
        return today.clone();
    }

    @Override
    public double[] yesterday() {
        return yesterday.clone();
    }

    @Override
    public double[] lastWeek() {
        return lastWeek.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ChartData that
                && percent == that.percent
                && title.equals(that.title)
                && subtitle.equals(that.subtitle)
                && minutes.equals(that.minutes)
                && Arrays.equals(today, that.today)
                && Arrays.equals(yesterday, that.yesterday)
                && Arrays.equals(lastWeek, that.lastWeek)
                && highlighted.equals(that.highlighted);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                title,
                subtitle,
                minutes,
                Arrays.hashCode(today),
                Arrays.hashCode(yesterday),
                Arrays.hashCode(lastWeek),
                percent,
                highlighted);
    }

    @Override
    public String toString() {
        return "ChartData[title=" + title + ", subtitle=" + subtitle + ", " + minutes.size() + " minutes"
                + (minutes.isEmpty() ? "" : " from " + minutes.get(0) + " to " + minutes.get(minutes.size() - 1))
                + ", percent=" + percent + ", highlighted=" + highlighted + "]";
    }
}
