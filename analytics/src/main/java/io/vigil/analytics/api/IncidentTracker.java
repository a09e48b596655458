package io.vigil.analytics.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the anomalous verdicts of many series, at every grain, into incidents: one per outage, not one per minute or
 * per grain. An anomalous verdict of a series joins that series' latest incident when its span (the minutes of the
 * sample judged, {@link Grain#firstMinute} to the minute it closed) starts no later than {@code quietMinutes} after
 * the incident's last anomalous minute; otherwise it opens a new incident. An incident closes once its series has had
 * no anomalous verdict for {@code quietMinutes} minutes. A coarse verdict that arrives after its incident closed
 * (the hour or the day that held a short outage, judged when it ends) reopens it rather than opening a second one.
 *
 * <p>Pure bookkeeping without storage or clock: the offline tools feed it the verdicts of a replay; the live
 * evaluator can feed it each minute's verdicts and turn its {@link Update updates} into alert commands. Feed each
 * series' verdicts in order of their minutes and call {@link #closeQuiet} after each minute. Not thread-safe.
 *
 * @param <K> how a series is named (a monitor and series key, or an index)
 */
public final class IncidentTracker<K> {

    /** What a verdict or the passing of time did to an incident. */
    public enum Change {
        OPENED,
        UPDATED,
        REOPENED,
        CLOSED
    }

    /**
     * One incident of one series.
     *
     * @param series the series
     * @param firstMinute the first minute of the earliest sample judged anomalous (for a minute verdict, that minute)
     * @param detectedAt the minute the first anomalous verdict closed: when an alert could be raised
     * @param lastAnomalousMinute the latest minute an anomalous verdict closed
     * @param closedAt the minute the incident closed; -1 while it is open
     * @param firstGrain the grain that found it
     * @param grains every grain that found it anomalous
     * @param strongest the verdict with the highest score
     * @param verdicts how many anomalous verdicts it holds
     */
    public record Incident<K>(
            K series,
            long firstMinute,
            long detectedAt,
            long lastAnomalousMinute,
            long closedAt,
            Grain firstGrain,
            Set<Grain> grains,
            Verdict strongest,
            int verdicts) {

        public Incident {
            grains = Collections.unmodifiableSet(EnumSet.copyOf(grains));
        }

        /** Whether the incident is still open. */
        public boolean open() {
            return closedAt < 0;
        }
    }

    /** A change to an incident, with the incident as it is after the change. */
    public record Update<K>(Change change, Incident<K> incident) {}

    /**
     * Minutes after its last anomalous minute when a closed incident is forgotten: a day (the longest grain's sample)
     * and the longest quiet period (a day), and the hour between two clean-ups.
     */
    private static final long FORGET_AFTER = 2 * 1440 + 60;

    private final int quietMinutes;
    private final Map<K, Incident<K>> latest = new HashMap<>();
    private final Map<K, Incident<K>> open = new HashMap<>();

    /** A tracker that closes an incident after {@code quietMinutes} minutes without an anomalous verdict. */
    public IncidentTracker(int quietMinutes) {
        if (quietMinutes < 1 || quietMinutes > 1440) {
            throw new IllegalArgumentException("quietMinutes must be 1 to 1440, got " + quietMinutes);
        }
        this.quietMinutes = quietMinutes;
    }

    /** Minutes without an anomalous verdict after which an incident closes. */
    public int quietMinutes() {
        return quietMinutes;
    }

    /**
     * Records the verdict on the sample of {@code verdict.grain()} that closed at {@code epochMinute}; a verdict that
     * is not anomalous changes nothing and gives an empty result.
     */
    public Optional<Update<K>> record(K series, Verdict verdict, long epochMinute) {
        Objects.requireNonNull(series, "series");
        if (!verdict.anomalous()) {
            return Optional.empty();
        }
        Grain grain = verdict.grain();
        long spanStart = grain.firstMinute(grain.indexOf(epochMinute));
        Incident<K> last = latest.get(series);
        Update<K> update;
        if (last != null && spanStart <= last.lastAnomalousMinute() + quietMinutes) {
            Set<Grain> grains = EnumSet.copyOf(last.grains());
            grains.add(grain);
            Verdict strongest = verdict.score() > last.strongest().score() ? verdict : last.strongest();
            Incident<K> joined = new Incident<>(
                    series,
                    Math.min(last.firstMinute(), spanStart),
                    last.detectedAt(),
                    Math.max(last.lastAnomalousMinute(), epochMinute),
                    -1,
                    last.firstGrain(),
                    grains,
                    strongest,
                    last.verdicts() + 1);
            update = new Update<>(last.open() ? Change.UPDATED : Change.REOPENED, joined);
        } else {
            Incident<K> opened = new Incident<>(
                    series, spanStart, epochMinute, epochMinute, -1, grain, EnumSet.of(grain), verdict, 1);
            update = new Update<>(Change.OPENED, opened);
        }
        latest.put(series, update.incident());
        open.put(series, update.incident());
        return Optional.of(update);
    }

    /**
     * Closes the open incidents whose last anomalous minute is {@code quietMinutes} or more before
     * {@code epochMinute}; once an hour, forgets closed incidents that no verdict can reopen any more (two days old).
     */
    public List<Update<K>> closeQuiet(long epochMinute) {
        List<Update<K>> closed = new ArrayList<>();
        for (Iterator<Incident<K>> it = open.values().iterator(); it.hasNext(); ) {
            Incident<K> incident = it.next();
            if (epochMinute - incident.lastAnomalousMinute() >= quietMinutes) {
                it.remove();
                Incident<K> done = new Incident<>(
                        incident.series(),
                        incident.firstMinute(),
                        incident.detectedAt(),
                        incident.lastAnomalousMinute(),
                        epochMinute,
                        incident.firstGrain(),
                        incident.grains(),
                        incident.strongest(),
                        incident.verdicts());
                latest.put(incident.series(), done);
                closed.add(new Update<>(Change.CLOSED, done));
            }
        }
        if (Math.floorMod(epochMinute, 60) == 0 && latest.size() > open.size()) {
            // once an hour, so that a minute's cost stays with the open incidents
            latest.values().removeIf(i -> !i.open() && epochMinute - i.lastAnomalousMinute() > FORGET_AFTER);
        }
        return closed;
    }

    /** The incidents open now. */
    public List<Incident<K>> openIncidents() {
        return List.copyOf(open.values());
    }

    /** The series' latest incident, open or recently closed. */
    public Optional<Incident<K>> latest(K series) {
        return Optional.ofNullable(latest.get(series));
    }
}
