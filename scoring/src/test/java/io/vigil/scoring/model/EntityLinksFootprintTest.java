package io.vigil.scoring.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.ingest.api.TransactionDetails;
import io.vigil.ingest.api.TransactionOutcome;
import io.vigil.scoring.features.EntityLinks;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The heap the linked entities ({@code features.graph.*}) take per entity, weighed as the entity history is: 20,000
 * customers, each with its own card, device, IP and e-mail (four links each), seen on ten days of the last month, one in
 * fifty labelled fraud.
 */
class EntityLinksFootprintTest {

    @Test
    void aLinkedEntityTakesWellUnderOneKibibyte() {
        int groups = 20_000;
        long before = EntityHistoryFootprintTest.settledHeap();
        EntityLinks links = new EntityLinks(Clock.systemUTC());
        Instant t0 = Instant.parse("2026-10-01T10:00:00Z");
        for (int day = 0; day < 30; day += 3) {
            for (int i = 0; i < groups; i++) {
                TransactionDetails tx = EntityHistoryFootprintTest.tx(i, t0.plusSeconds(day * 86_400L + i % 3600));
                links.record(tx);
                if (day == 9 && i % 50 == 0) {
                    links.label("t" + i, TransactionOutcome.CHARGEBACK, t0.plusSeconds(12 * 86_400L), () -> tx);
                }
            }
        }
        long after = EntityHistoryFootprintTest.settledHeap();
        double perEntity = (double) (after - before) / links.entities();
        System.out.printf(
                "entity links: %,d entities, %,d bytes of heap, %.0f bytes per entity%n",
                links.entities(), after - before, perEntity);
        assertThat(links.entities()).as("merchants are not linked").isEqualTo(5L * groups);
        assertThat(perEntity).isBetween(50.0, 1024.0);
    }
}
