package io.vigil.analytics.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/** Notifications sent per minute are capped; the rest wait for the next minute, counted once per minute. */
class SendBudgetTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final Counter held = meters.counter("held");
    private final DeliveryWorker.SendBudget budget = new DeliveryWorker.SendBudget(3, held);

    @Test
    void atMostTheCapIsSentInAMinuteAndTheNextMinuteStartsAfresh() {
        assertThat(budget.allowance(100)).isEqualTo(3);
        budget.spend();
        budget.spend();
        assertThat(budget.allowance(100)).isEqualTo(1);
        budget.spend();
        assertThat(budget.allowance(100)).isZero();

        assertThat(budget.allowance(101)).isEqualTo(3);
    }

    @Test
    void heldBackDeliveriesCountOncePerMinuteAndOnlyWhenSomeWait() {
        budget.allowance(7);
        budget.held(0);
        assertThat(held.count()).isZero();

        budget.held(5);
        budget.held(5);
        assertThat(held.count()).isEqualTo(1);

        budget.allowance(8);
        budget.held(1);
        assertThat(held.count()).isEqualTo(2);
    }
}
