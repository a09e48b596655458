package io.vigil.web.overview;

import io.vigil.analytics.api.DecisionTraffic;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * What the overview page draws from an hour of decisions: the rate of the last complete minute, the mix, and one
 * stacked bar per minute (approve at the bottom, then review, then decline) scaled to the busiest minute, in the
 * coordinates of an SVG of {@value #WIDTH} × {@value #HEIGHT}.
 *
 * @param perSecond decisions per second over the last complete minute
 * @param mix decisions over the hour by kind: approve, review, decline
 * @param bars one per minute, oldest first
 * @param peak the busiest minute's decisions (the chart's top)
 */
record OverviewView(
        double perSecond,
        long[] mix,
        long fallbacks,
        List<Bar> bars,
        long peak,
        List<DecisionTraffic.PatternCount> topPatterns,
        String firstMinute,
        String lastMinute) {

    static final int WIDTH = 1200;
    static final int HEIGHT = 160;
    private static final DateTimeFormatter HH_MM =
            DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    /** One minute's stacked bar: x and width, and each kind's y and height (0 when the minute had none of it). */
    record Bar(
            String minute,
            double x,
            double width,
            long total,
            double approveY,
            double approveH,
            double reviewY,
            double reviewH,
            double declineY,
            double declineH) {}

    static OverviewView of(DecisionTraffic traffic, Instant now) {
        List<DecisionTraffic.Minute> minutes = traffic.minutes();
        long peak = 1;
        long fallbacks = 0;
        for (DecisionTraffic.Minute m : minutes) {
            peak = Math.max(peak, m.total());
            fallbacks += m.fallback();
        }
        double slot = (double) WIDTH / Math.max(1, minutes.size());
        List<Bar> bars = new ArrayList<>(minutes.size());
        for (int i = 0; i < minutes.size(); i++) {
            DecisionTraffic.Minute m = minutes.get(i);
            double approve = HEIGHT * (double) m.approve() / peak;
            double review = HEIGHT * (double) m.review() / peak;
            double decline = HEIGHT * (double) m.decline() / peak;
            bars.add(new Bar(
                    HH_MM.format(m.minute()),
                    round(i * slot + 1),
                    round(Math.max(1, slot - 2)),
                    m.total(),
                    round(HEIGHT - approve),
                    round(approve),
                    round(HEIGHT - approve - review),
                    round(review),
                    round(HEIGHT - approve - review - decline),
                    round(decline)));
        }
        // the last complete minute: the current one is still filling
        long lastComplete = 0;
        long current = now.getEpochSecond() / 60 * 60;
        for (DecisionTraffic.Minute m : minutes) {
            if (m.minute().getEpochSecond() == current - 60) {
                lastComplete = m.total();
            }
        }
        return new OverviewView(
                lastComplete / 60.0,
                traffic.mix(),
                fallbacks,
                bars,
                peak,
                traffic.topPatterns(),
                minutes.isEmpty() ? "" : HH_MM.format(minutes.get(0).minute()),
                minutes.isEmpty()
                        ? ""
                        : HH_MM.format(minutes.get(minutes.size() - 1).minute()));
    }

    public long decisions() {
        return mix[0] + mix[1] + mix[2];
    }

    /** A kind's share of the hour's decisions, in percent (0 when there were none). */
    public double share(int kind) {
        long all = decisions();
        return all == 0 ? 0 : 100.0 * mix[kind] / all;
    }

    /** An age as people read it: 42 s, 7 min, 3 h 05 min, 2 d 4 h. */
    static String age(Duration age) {
        long s = Math.max(0, age.getSeconds());
        if (s < 60) {
            return s + " s";
        }
        if (s < 3_600) {
            return s / 60 + " min";
        }
        if (s < 86_400) {
            return String.format("%d h %02d min", s / 3_600, s % 3_600 / 60);
        }
        return s / 86_400 + " d " + s % 86_400 / 3_600 + " h";
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
