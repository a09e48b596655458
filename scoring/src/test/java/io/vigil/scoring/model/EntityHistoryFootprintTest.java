package io.vigil.scoring.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.ingest.api.TransactionDetails;
import io.vigil.ingest.api.TransactionOutcome;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The heap the entity history takes per active entity, weighed as the benchmark weighs the feature store: 20,000
 * customers, each with its own card, device, IP and e-mail, at 300 merchants, seen on ten days of the last month
 * (all buckets of an entity in use), one in fifty labelled fraud.
 */
class EntityHistoryFootprintTest {

    @Test
    void anActiveEntityTakesWellUnderOneKibibyte() {
        int groups = 20_000;
        long before = settledHeap();
        EntityHistory history = new EntityHistory(Clock.systemUTC());
        Instant t0 = Instant.parse("2026-10-01T10:00:00Z");
        for (int day = 0; day < 30; day += 3) {
            for (int i = 0; i < groups; i++) {
                TransactionDetails tx = tx(i, t0.plusSeconds(day * 86_400L + i % 3600));
                history.record(tx);
                if (day == 9 && i % 50 == 0) {
                    history.label("t" + i, TransactionOutcome.CHARGEBACK, t0.plusSeconds(12 * 86_400L), () -> tx);
                }
            }
        }
        long after = settledHeap();
        double perEntity = (double) (after - before) / history.entities();
        System.out.printf(
                "entity history: %,d entities, %,d bytes of heap, %.0f bytes per entity%n",
                history.entities(), after - before, perEntity);
        assertThat(history.entities()).isEqualTo(5L * groups + 300);
        assertThat(perEntity).isBetween(100.0, 1024.0);
        // beside the feature store's own (the benchmark's measurement), both together against the 1 KiB target
        double store = io.vigil.scoring.api.FeatureStoreFootprint.bytesPerEntity(100_000);
        System.out.printf("feature store and entity history together: %.0f bytes per entity%n", store + perEntity);
    }

    static TransactionDetails tx(int i, Instant at) {
        String n = Integer.toString(i);
        return new TransactionDetails(
                "t" + i,
                at,
                BigDecimal.valueOf(10 + i % 500),
                "EUR",
                "m-" + (i % 300),
                "c-" + n,
                "card-" + n,
                "411111",
                "d-" + n,
                "10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255),
                "c" + n + "@example.com",
                "SE",
                "card",
                "web",
                "chrome",
                "mobile",
                Map.of());
    }

    static long settledHeap() {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            used = Math.min(
                    used,
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
