package io.vigil.analytics.notify;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vigil.analytics.api.DeliveryList;
import io.vigil.analytics.api.FindDeliveriesQuery;
import io.vigil.analytics.api.RetryDeliveryCommand;
import io.vigil.analytics.config.MonitoringLimits;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Sends due deliveries from the outbox, one at a time on a thread of its own: at once when woken after a commit, and
 * every second for retries. A failure is kept with its HTTP status and error, and retried with backoff until the
 * retry policy gives up; then it stays visible as failed, with a button to send it again.
 */
@Component
class DeliveryWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    private final DeliveryOutbox outbox;
    private final WebhookSender sender;
    private final RetryPolicy retries;
    private final Timer latency;
    private final Clock clock;
    private final AtomicBoolean queued = new AtomicBoolean();
    private final SendBudget budget;
    private ScheduledExecutorService executor;

    @Autowired
    DeliveryWorker(DeliveryOutbox outbox, MonitoringLimits limits, MeterRegistry meters) {
        this(outbox, new WebhookSender(), limits, meters, Clock.systemUTC());
    }

    DeliveryWorker(
            DeliveryOutbox outbox, WebhookSender sender, MonitoringLimits limits, MeterRegistry meters, Clock clock) {
        this.outbox = outbox;
        this.sender = sender;
        this.retries = RetryPolicy.DEFAULT;
        this.clock = clock;
        this.latency = Timer.builder("vigil.notification.send")
                .description("One webhook delivery attempt")
                .register(meters);
        this.budget = new SendBudget(
                limits.maxNotificationsPerMinute(),
                Counter.builder("vigil.monitoring.capped")
                        .description("Work refused or left undone because a vigil.monitoring.limits cap was reached")
                        .tag("cap", "notifications-per-minute")
                        .register(meters));
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "notification-delivery");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::deliverDue, 1, 1, TimeUnit.SECONDS);
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null && !executor.isShutdown();
    }

    /** Sends what is due now, on the delivery thread. */
    void kick() {
        if (executor != null && queued.compareAndSet(false, true)) {
            executor.execute(() -> {
                queued.set(false);
                deliverDue();
            });
        }
    }

    void deliverDue() {
        try {
            int allowed = budget.allowance(clock.millis() / 60_000);
            if (allowed == 0) {
                budget.held(outbox.due(1).size());
                return;
            }
            for (DeliveryOutbox.Due due : outbox.due(Math.min(50, allowed))) {
                budget.spend();
                DeliveryResult result = sender.post(java.net.URI.create(due.url()), due.payload());
                latency.record(result.duration());
                if (result.success()) {
                    outbox.delivered(due.deliveryId(), result.status());
                } else {
                    var delay = retries.delayBefore(due.attempts() + 2);
                    outbox.failed(
                            due.deliveryId(),
                            result.status(),
                            result.error(),
                            delay.map(d -> clock.instant().plus(d)).orElse(null));
                    log.warn(
                            "Notification {} along {} failed (attempt {}): {}",
                            due.deliveryId(),
                            due.describe(),
                            due.attempts() + 1,
                            result.error());
                }
            }
        } catch (RuntimeException e) {
            log.error("Notification delivery pass failed", e);
        }
    }

    /**
     * At most {@code max} sends (attempts, retries included) per clock minute; what is due beyond it stays pending
     * and goes out in a later minute. The first pass of a minute that finds deliveries held back counts once on the
     * counter and logs once. Used by the delivery thread only.
     */
    static final class SendBudget {
        private final int max;
        private final Counter held;
        private long minute = Long.MIN_VALUE;
        private int spent;
        private boolean reported;

        SendBudget(int max, Counter held) {
            this.max = max;
            this.held = held;
        }

        int allowance(long currentMinute) {
            if (currentMinute != minute) {
                minute = currentMinute;
                spent = 0;
                reported = false;
            }
            return max - spent;
        }

        void spend() {
            spent++;
        }

        void held(int waiting) {
            if (waiting > 0 && !reported) {
                reported = true;
                held.increment();
                log.warn(
                        "Notifications held back: vigil.monitoring.limits.max-notifications-per-minute ({}) were sent"
                                + " this minute; the rest wait in the outbox for the next",
                        max);
            }
        }
    }

    @QueryHandler
    DeliveryList handle(FindDeliveriesQuery query) {
        return new DeliveryList(outbox.recent(query.alertId(), query.limit()));
    }

    @CommandHandler
    boolean handle(RetryDeliveryCommand command) {
        boolean retried = outbox.retry(command.deliveryId()) > 0;
        if (retried) {
            kick();
        }
        return retried;
    }
}
