package io.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SIGKILL while operational events are being projected into ClickHouse, then a restart and a resend of every batch
 * (repeats are ignored): the per-minute rollups must count each event exactly once, neither losing the batches the
 * projection had in hand nor counting twice those it had inserted before its token was stored.
 */
class RollupCrashIT {

    private static final int BATCHES = 40;
    private static final int PER_BATCH = 2_000;

    @Test
    void rollupsCountEveryEventOnceAcrossAKill() throws Exception {
        VigilProcess.stopShared(); // this test's Vigil must be the one projecting when it is killed
        String run = "rc" + Long.toString(System.currentTimeMillis() % 1_000_000, 36);
        Instant minute = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofHours(3));
        List<String> batches = new ArrayList<>();
        for (int b = 0; b < BATCHES; b++) {
            StringBuilder json = new StringBuilder("[");
            for (int i = 0; i < PER_BATCH; i++) {
                json.append(i == 0 ? "" : ",")
                        .append("{\"id\":\"")
                        .append(run)
                        .append('-')
                        .append(b)
                        .append('-')
                        .append(i)
                        .append("\",\"timestamp\":\"")
                        .append(minute.plusSeconds((b * PER_BATCH + i) % 600))
                        .append("\",\"merchantId\":\"")
                        .append(run)
                        .append("\",\"operation\":\"authorization\",\"outcome\":\"")
                        .append(i % 10 == 0 ? "failure" : "success")
                        .append("\",\"country\":\"SE\"}");
            }
            batches.add(json.append(']').toString());
        }

        VigilProcess vigil = VigilProcess.dedicated("rollup-crash");
        vigil.start();
        int accepted = 0;
        for (String batch : batches.subList(0, BATCHES / 2)) {
            HttpResponse<String> response = vigil.post("/api/v1/events/batch", batch);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
            accepted++;
        }
        long projectedAtKill = rollup(run);
        vigil.kill();
        System.out.printf(
                "RollupCrashIT: killed after %d accepted batches, %d of %d events in the rollup at the kill%n",
                accepted, projectedAtKill, accepted * PER_BATCH);

        vigil.start();
        long repeats = 0;
        for (String batch : batches) {
            HttpResponse<String> response = vigil.post("/api/v1/events/batch", batch);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
            repeats += com.fasterxml.jackson.databind.json.JsonMapper.builder()
                    .build()
                    .readTree(response.body())
                    .path("repeats")
                    .asLong();
        }
        assertThat(repeats)
                .as("events stored before the kill come back as repeats")
                .isEqualTo(accepted * PER_BATCH);

        long total = (long) BATCHES * PER_BATCH;
        Stores.eventually(Duration.ofSeconds(90), "all events in the rollup", () -> rollup(run) >= total);
        Thread.sleep(2_000); // a late duplicate would land by now
        vigil.stop();
        assertThat(rollup(run)).isEqualTo(total);
        assertThat(Stores.clickHouseCount("SELECT count() FROM " + Stores.CLICKHOUSE_DB
                        + ".operations WHERE merchant_id = '" + run + "'"))
                .isEqualTo(total);
        assertThat(Stores.clickHouseCount("SELECT sum(successes) FROM " + Stores.CLICKHOUSE_DB
                        + ".operations_minute WHERE merchant_id = '" + run + "'"))
                .isEqualTo(total * 9 / 10);
    }

    private static long rollup(String merchant) throws Exception {
        return Stores.clickHouseCount("SELECT sum(attempts) FROM " + Stores.CLICKHOUSE_DB
                + ".operations_minute WHERE merchant_id = '" + merchant + "'");
    }
}
