package io.vigil.analytics.notify;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vigil.analytics.api.DeliveryList;
import io.vigil.analytics.api.FindDeliveriesQuery;
import io.vigil.analytics.api.RetryDeliveryCommand;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
    private final Clock clock = Clock.systemUTC();
    private final AtomicBoolean queued = new AtomicBoolean();
    private ScheduledExecutorService executor;

    DeliveryWorker(DeliveryOutbox outbox, MeterRegistry meters) {
        this.outbox = outbox;
        this.sender = new WebhookSender();
        this.retries = RetryPolicy.DEFAULT;
        this.latency = Timer.builder("vigil.notification.send")
                .description("One webhook delivery attempt")
                .register(meters);
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

    private void deliverDue() {
        try {
            for (DeliveryOutbox.Due due : outbox.due(50)) {
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
