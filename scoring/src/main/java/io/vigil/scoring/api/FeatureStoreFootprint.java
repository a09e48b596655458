package io.vigil.scoring.api;

import io.vigil.ingest.api.TransactionDetails;
import io.vigil.scoring.features.InMemoryFeatureStore;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * Measures the feature store's heap per entity by filling a store of its own with active entities and weighing the
 * heap, for {@code ./vigil bench scoring}: it lets the benchmark, which runs apart from Vigil, weigh the store without
 * reaching into scoring's internals. It needs a JVM of its own (it calls {@code System.gc()} to weigh the heap).
 */
public final class FeatureStoreFootprint {

    private FeatureStoreFootprint() {}

    /** Heap bytes per entity with about {@code entities} active entities (customers, cards, devices, IPs, e-mails). */
    public static double bytesPerEntity(int entities) {
        long before = settledHeap();
        InMemoryFeatureStore store = new InMemoryFeatureStore();
        Instant t0 = Instant.parse("2026-11-23T10:00:00Z");
        int groups = entities / 5;
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < groups; i++) {
                String n = Integer.toString(i);
                store.record(new TransactionDetails(
                        "t" + i,
                        t0.plusSeconds(round * 600L + i % 3600),
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
                        Map.of()));
            }
        }
        long after = settledHeap();
        double perEntity = (double) (after - before) / store.entities();
        System.out.printf(
                "feature store: %,d entities, %,d bytes of heap, %.0f bytes per entity%n",
                store.entities(), after - before, perEntity);
        return perEntity;
    }

    private static long settledHeap() {
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
