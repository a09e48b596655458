package io.vigil.tools.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Per-minute counts of one series with the noise of real traffic, and labelled incidents: what the detection
 * benchmark and the detector tests judge detectors on. Real business counts are not Poisson, so the counts are a
 * gamma-Poisson mixture (variance {@code mean + mean² / dispersion}), the level moves from day to day, short bursts
 * come and go, quiet series have 0 to 5 events a minute, and holidays shift a whole day without being incidents.
 *
 * <p>Incidents have four shapes: a {@link Shape#DROP} (10 to 60 minutes at 10-50% of the usual level), a
 * {@link Shape#SPIKE} (5 to 30 minutes at 2.5-4 times), a {@link Shape#LEVEL_SHIFT} (3 to 8 hours at 45% or 180%) and,
 * on quiet series only, a {@link Shape#QUIET_SURGE} (2 to 6 hours at 4-6 times). Minutes are counted from the
 * series' start (minute 0 is a Monday 00:00 UTC).
 */
public final class NoisySeries {

    /** Minutes in a day. */
    public static final int DAY = 24 * 60;

    /** The shapes of labelled incidents. */
    public enum Shape {
        DROP,
        SPIKE,
        LEVEL_SHIFT,
        QUIET_SURGE;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A labelled incident over minutes {@code [start, end)}, with the factor on the usual level. */
    public record Incident(Shape shape, int start, int end, double factor) {}

    /**
     * One generated series.
     *
     * @param holiday the day (from 0) shifted as a holiday, or -1
     */
    public record Series(long[] counts, boolean quiet, List<Incident> incidents, int holiday) {}

    /**
     * How to generate.
     *
     * @param days how many days each series has
     * @param dispersion the gamma-Poisson size: the smaller, the noisier (20: a minute of 200 events has a variance
     *     about 11 times Poisson's); infinite for Poisson
     * @param quietShare the share of series with 0-5 events a minute
     * @param incidentShare the share of series with one labelled incident
     * @param holidayShare the share of series with one holiday (a whole day at 75-85%, not an incident)
     * @param firstDay the first day an incident or holiday may fall on (the days before are history)
     */
    public record Options(
            int days, double dispersion, double quietShare, double incidentShare, double holidayShare, int firstDay) {

        public Options {
            if (days < 2 || firstDay < 1 || firstDay >= days) {
                throw new IllegalArgumentException("need days >= 2 and 1 <= firstDay < days");
            }
            if (!(dispersion > 0)) {
                throw new IllegalArgumentException("dispersion must be above 0, got " + dispersion);
            }
        }

        /** Four weeks, dispersion 20, a fifth of series quiet, 60% with an incident, 30% with a holiday. */
        public static Options defaults(int days) {
            return new Options(days, 20, 0.2, 0.6, 0.3, Math.min(7, days - 1));
        }
    }

    private NoisySeries() {}

    /** The {@code index}th series of a run seeded with {@code seed}: the same every time. */
    public static Series generate(long seed, int index, Options options) {
        SplittableRandom r = new SplittableRandom(Draw.mix(seed, index, 17));
        boolean quiet = Draw.chance(r, options.quietShare());
        double peak = quiet ? Draw.between(r, 1.0, 4.0) : 60 * Draw.lognormal(r, 1.0);
        double night = Draw.between(r, 0.1, 0.35);
        double peakHour = Draw.between(r, 11.0, 19.0);
        double weekend = Draw.between(r, 0.6, 1.0);
        int minutes = options.days() * DAY;
        int first = options.firstDay() * DAY;

        int holiday = -1;
        double holidayFactor = 1;
        if (Draw.chance(r, options.holidayShare())) {
            holiday = Draw.between(r, options.firstDay(), options.days() - 1);
            holidayFactor = Draw.between(r, 0.75, 0.85);
        }
        List<Incident> incidents = new ArrayList<>();
        if (Draw.chance(r, options.incidentShare())) {
            incidents.add(incident(r, quiet, first, minutes));
        }
        double[] dayLevel = new double[options.days()];
        for (int d = 0; d < dayLevel.length; d++) {
            dayLevel[d] = Draw.lognormal(r, 0.06) * (d % 7 >= 5 ? weekend : 1) * (d == holiday ? holidayFactor : 1);
        }
        long[] counts = new long[minutes];
        int burstLeft = 0;
        double burst = 1;
        for (int m = 0; m < minutes; m++) {
            double hour = (m % DAY) / 60.0;
            double cycle =
                    night + (1 - night) * (0.5 + 0.5 * StrictMath.cos(2 * StrictMath.PI * (hour - peakHour) / 24));
            double mean = peak * cycle * dayLevel[m / DAY];
            if (burstLeft == 0 && Draw.chance(r, 0.002)) {
                burstLeft = Draw.between(r, 1, 2);
                burst = Draw.between(r, 1.2, 1.6);
            }
            if (burstLeft > 0) {
                mean *= burst;
                burstLeft--;
            }
            for (Incident incident : incidents) {
                if (m >= incident.start() && m < incident.end()) {
                    mean *= incident.factor();
                }
            }
            double rate = Double.isInfinite(options.dispersion())
                    ? mean
                    : mean * Draw.gamma(r, options.dispersion()) / options.dispersion();
            counts[m] = Draw.poisson(r, rate);
        }
        return new Series(counts, quiet, List.copyOf(incidents), holiday);
    }

    private static Incident incident(SplittableRandom r, boolean quiet, int first, int minutes) {
        Shape shape = quiet ? Shape.QUIET_SURGE : Shape.values()[r.nextInt(3)];
        int length = switch (shape) {
            case DROP -> Draw.between(r, 10, 60);
            case SPIKE -> Draw.between(r, 5, 30);
            case LEVEL_SHIFT -> Draw.between(r, 180, 480);
            case QUIET_SURGE -> Draw.between(r, 120, 360);
        };
        double factor = switch (shape) {
            case DROP -> Draw.between(r, 0.1, 0.5);
            case SPIKE -> Draw.between(r, 2.5, 4.0);
            case LEVEL_SHIFT -> Draw.chance(r, 0.5) ? 0.45 : 1.8;
            case QUIET_SURGE -> Draw.between(r, 4.0, 6.0);
        };
        // in the day's busier hours (08:00 to 20:00), when people would notice
        int day = first / DAY + r.nextInt(Math.max(1, (minutes - first) / DAY - 1));
        int start = day * DAY + Draw.between(r, 8 * 60, 20 * 60 - Math.min(length, 6 * 60));
        return new Incident(shape, start, Math.min(minutes, start + length), factor);
    }
}
