package io.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Real alerts, raised by a running Vigil's live evaluation within about two minutes: a count monitor by merchant, 60
 * events for each merchant in each of the 12 minutes up to the current one (back-dated) and one in the next, so that
 * each merchant's count collapses from 60 to 1 against the baseline of its recent minutes (a series without a day of
 * history) and the evaluator raises one alert per merchant when that minute closes.
 */
final class LiveAlerts {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int EVENTS = 60;

    /** Minutes of baseline: the judged minute's two persistence minutes before it and the ten recent ones. */
    private static final int BASELINE_MINUTES = 12;

    private LiveAlerts() {}

    /** Creates the count monitor {@code monitorId} over the merchant dimension. */
    static void createMonitor(VigilProcess vigil, String monitorId) throws Exception {
        HttpResponse<String> created = vigil.post("/api/v1/monitors", """
                {"id": "%s", "name": "Count %s", "metric": "count", "operation": "authorization",
                 "dimensions": ["merchant"], "direction": "drop", "minVolume": 10}
                """.formatted(monitorId, monitorId));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    /** The events of this minute for the merchants, each accepted; returns the minute. */
    static Instant sendBaseline(VigilProcess vigil, String run, List<String> merchants) throws Exception {
        Instant now = Instant.now();
        for (String merchant : merchants) {
            send(vigil, baseline(run, merchant, now));
        }
        return now.truncatedTo(ChronoUnit.MINUTES);
    }

    /**
     * One merchant's events of the {@value #BASELINE_MINUTES} minutes up to the minute of {@code now} ({@value #EVENTS} in each,
     * those of the current minute no later than {@code now}), as a batch: the recent minutes the seasonal detector takes
     * as the baseline of a series without a day of history, so that the next minute's single event is a collapse.
     */
    static String baseline(String run, String merchant, Instant now) throws Exception {
        Instant minute = now.truncatedTo(ChronoUnit.MINUTES);
        StringBuilder batch = new StringBuilder("[");
        for (int back = BASELINE_MINUTES - 1; back >= 0; back--) {
            Instant start = minute.minus(back, ChronoUnit.MINUTES);
            long span = back == 0 ? Math.max(1, Duration.between(minute, now).toMillis()) : 59_000;
            for (int i = 0; i < EVENTS; i++) {
                append(
                        batch,
                        eventId(run, merchant, start.getEpochSecond() + "-" + i),
                        start.plusMillis(i * span / EVENTS),
                        merchant);
            }
        }
        return batch.append(']').toString();
    }

    /** Waits for the minute after the baseline's to begin. */
    static void awaitNextMinute(Instant baselineMinute) throws InterruptedException {
        long wait = Duration.between(
                        Instant.now(),
                        baselineMinute.plus(1, ChronoUnit.MINUTES).plusMillis(300))
                .toMillis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
    }

    /** One event per merchant once the next minute has begun, so each series has a row in the minute judged. */
    static void sendDrop(VigilProcess vigil, String run, List<String> merchants, Instant baselineMinute)
            throws Exception {
        awaitNextMinute(baselineMinute);
        for (String merchant : merchants) {
            send(vigil, drop(run, merchant));
        }
    }

    /** One merchant's single event of the minute judged, as a batch. */
    static String drop(String run, String merchant) throws Exception {
        StringBuilder batch = new StringBuilder("[");
        append(batch, eventId(run, merchant, "drop"), Instant.now(), merchant);
        return batch.append(']').toString();
    }

    /**
     * The quickest way to the alerts, raised when this minute closes rather than the next: the baseline is sent into
     * the minute before this one (it counts in the rollups however late it comes) and the drop into this minute.
     * When too little of this minute is left for the drop to be stored before it closes, it falls back to
     * {@link #sendBaseline} and {@link #sendDrop}. Returns once all is sent; the alerts come within about a minute.
     */
    static void sendBaselineAndDrop(VigilProcess vigil, String run, List<String> merchants) throws Exception {
        Instant now = Instant.now();
        Instant minute = now.truncatedTo(ChronoUnit.MINUTES);
        if (Duration.between(now, minute.plus(1, ChronoUnit.MINUTES)).compareTo(Duration.ofSeconds(15)) < 0) {
            sendDrop(vigil, run, merchants, sendBaseline(vigil, run, merchants));
            return;
        }
        Instant previousMinuteEnd = minute.minusMillis(1);
        for (String merchant : merchants) {
            send(vigil, baseline(run, merchant, previousMinuteEnd));
        }
        for (String merchant : merchants) {
            send(vigil, drop(run, merchant));
        }
    }

    /**
     * Waits until the monitor has an alert on each of {@code merchants}; returns their alert ids by merchant. Other
     * tests' merchants in the same stores can have alerts of the monitor too (a merchant whose traffic stopped a few
     * minutes ago still deviates from its recent baseline); they are left out.
     */
    static Map<String, String> await(VigilProcess vigil, String monitorId, Collection<String> merchants)
            throws Exception {
        Stores.eventually(
                Duration.ofMinutes(3),
                merchants.size() + " alerts of " + monitorId,
                () -> alertsOn(vigil, monitorId, merchants).size() >= merchants.size());
        Map<String, String> ids = new LinkedHashMap<>();
        for (JsonNode alert : alertsOn(vigil, monitorId, merchants)) {
            ids.put(
                    alert.path("series").path("merchant").asText(),
                    alert.path("alertId").asText());
        }
        return ids;
    }

    /** The monitor's alerts on {@code merchants} only. */
    static List<JsonNode> alertsOn(VigilProcess vigil, String monitorId, Collection<String> merchants)
            throws Exception {
        return alerts(vigil, monitorId).stream()
                .filter(a ->
                        merchants.contains(a.path("series").path("merchant").asText()))
                .toList();
    }

    /**
     * The id of the monitor's alert on this merchant, once there is one. Other tests' traffic in the same Vigil can
     * raise the monitor's alerts on other merchants first.
     */
    static String awaitOn(VigilProcess vigil, String monitorId, String merchant) throws Exception {
        Stores.eventually(
                Duration.ofMinutes(3),
                "an alert of " + monitorId + " on " + merchant,
                () -> alerts(vigil, monitorId).stream()
                        .anyMatch(
                                a -> a.path("series").path("merchant").asText().equals(merchant)));
        return alerts(vigil, monitorId).stream()
                .filter(a -> a.path("series").path("merchant").asText().equals(merchant))
                .findFirst()
                .orElseThrow()
                .path("alertId")
                .asText();
    }

    static List<JsonNode> alerts(VigilProcess vigil, String monitorId) throws Exception {
        HttpResponse<String> response = vigil.get("/api/v1/alerts?monitor=" + monitorId + "&size=500");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<JsonNode> list = new ArrayList<>();
        JSON.readTree(response.body()).path("alerts").forEach(list::add);
        return list;
    }

    /** The alert as the API shows it (its latest incident). */
    static JsonNode alert(VigilProcess vigil, String alertId) throws Exception {
        HttpResponse<String> response = vigil.get(
                "/api/v1/alerts?id=" + java.net.URLEncoder.encode(alertId, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).path("alerts").path(0);
    }

    /** An event id of at most 64 plain characters, whatever the merchant's name holds. */
    private static String eventId(String run, String merchant, String suffix) {
        return run + "-" + Integer.toHexString(merchant.hashCode()) + "-" + suffix;
    }

    private static void append(StringBuilder batch, String id, Instant at, String merchant) throws Exception {
        batch.append(batch.length() == 1 ? "" : ",")
                .append("{\"id\":")
                .append(JSON.writeValueAsString(id))
                .append(",\"timestamp\":\"")
                .append(at)
                .append("\",\"merchantId\":")
                .append(JSON.writeValueAsString(merchant))
                .append(",\"operation\":\"authorization\",\"outcome\":\"success\",\"country\":\"SE\"}");
    }

    private static void send(VigilProcess vigil, String batch) throws Exception {
        HttpResponse<String> response = vigil.post("/api/v1/events/batch", batch);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    }
}
