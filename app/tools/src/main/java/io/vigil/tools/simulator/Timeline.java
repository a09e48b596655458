package io.vigil.tools.simulator;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * The items planned but not yet handed out, ordered by time and then by when they were planned, so that ties break
 * the same way in every run. Planning always happens at or after the start of the slice being generated, which is
 * why everything before that start can be handed out: nothing earlier can still be planned.
 *
 * <p>It also turns a {@link Checkout} into its items, because that is where incidents act: an authorization inside an
 * incident's window and scope is less likely to succeed.
 */
final class Timeline {

    private static final String[] SESSION_ERRORS = {"page_load_error", "script_error"};
    private static final String[] INCIDENT_ERRORS = {"gateway_timeout", "gateway_timeout", "acquirer_unavailable"};
    private static final String[] CARD_DECLINES = {"card_declined", "card_declined", "insufficient_funds", "3ds_failed"
    };
    private static final String[] CREDIT_DECLINES = {"credit_declined", "credit_declined", "identity_check_failed"};
    private static final String[] BANK_DECLINES = {"bank_declined", "bank_timeout"};

    /** A transaction placed on the timeline. */
    record Placed(TransactionItem transaction, long at) {}

    private record Planned(long at, long order, SimulationItem item) {}

    private final SplittableRandom random;
    private final long endMillis;
    private final String tag;
    private final List<IncidentPlan> incidents;
    private final PriorityQueue<Planned> queue =
            new PriorityQueue<>(Comparator.comparingLong(Planned::at).thenComparingLong(Planned::order));
    private long order;
    private long transactions;
    private long events;
    private long fresh;

    Timeline(SplittableRandom random, long endMillis, String tag, List<IncidentPlan> incidents) {
        this.random = random;
        this.endMillis = endMillis;
        this.tag = tag;
        this.incidents = incidents;
    }

    long endMillis() {
        return endMillis;
    }

    /** The earliest planned item if it is before the given time, removed; null otherwise. */
    SimulationItem next(long before) {
        Planned head = queue.peek();
        if (head == null || head.at() >= before) {
            return null;
        }
        return queue.poll().item();
    }

    /** An id nobody has used before, in this run or another: for fraudsters' new cards, devices and accounts. */
    String freshId(String prefix) {
        return prefix + tag + "-" + (++fresh);
    }

    /**
     * Plans the checkout's session at {@code sessionAt}, then its transaction, authorization and order. Returns the
     * transaction, or null if the session failed or the transaction would fall after the end of the run.
     */
    Placed checkout(Checkout c, long sessionAt) {
        boolean sessionFails = c.mayFailSession() && Draw.chance(random, 0.004);
        plan(sessionAt, event(sessionAt, c, EventItem.SESSION, !sessionFails, Draw.pick(random, SESSION_ERRORS)));
        long txAt = sessionAt + c.thinkMillis();
        if (sessionFails || txAt >= endMillis) {
            return null;
        }
        TransactionItem tx = new TransactionItem(
                "s" + tag + "-t" + (++transactions),
                Instant.ofEpochMilli(txAt),
                c.amount(),
                c.merchant().currency(),
                c.merchant().id(),
                c.customerId(),
                c.cardFingerprint(),
                c.cardBin(),
                c.deviceId(),
                c.ip(),
                c.email(),
                c.country().code(),
                c.paymentMethod(),
                c.channel(),
                c.browser(),
                c.deviceType(),
                c.attributes());
        plan(txAt, tx);

        long authAt = txAt + Draw.millisBetween(random, 300, 2500);
        double rate = c.authorizationRate();
        String[] errors = declines(c.paymentMethod());
        for (IncidentPlan incident : incidents) {
            if (incident.activeAt(authAt)
                    && incident.covers(c.merchant().id(), c.country().code(), c.browser())) {
                rate *= incident.factor();
                errors = INCIDENT_ERRORS;
            }
        }
        boolean authorized = Draw.chance(random, rate);
        String error = Draw.pick(random, errors);
        plan(authAt, event(authAt, c, EventItem.AUTHORIZATION, authorized, error));
        if (authorized) {
            long orderAt = authAt + Draw.millisBetween(random, 200, 1500);
            boolean ordered = !Draw.chance(random, 0.005);
            plan(orderAt, event(orderAt, c, EventItem.ORDER, ordered, "order_creation_failed"));
        }
        return new Placed(tx, txAt);
    }

    /** A session that ends without payment: the customer looked and left. */
    void abandonedSession(Checkout c, long at) {
        plan(at, event(at, c, EventItem.SESSION, true, null));
    }

    /**
     * Plans a label for a placed transaction, {@code delayMillis} later as it would come from a bank or an analyst,
     * but at the latest just before the end of the run, so that every injected case is labelled within the run.
     */
    void label(Placed placed, String outcome, long delayMillis, String note) {
        long at = Math.max(placed.at(), Math.min(placed.at() + delayMillis, endMillis - 1));
        plan(at, new OutcomeItem(placed.transaction().id(), Instant.ofEpochMilli(at), outcome, note));
    }

    private EventItem event(long at, Checkout c, String operation, boolean success, String error) {
        return new EventItem(
                "s" + tag + "-e" + (++events),
                Instant.ofEpochMilli(at),
                c.merchant().id(),
                operation,
                success ? EventItem.SUCCESS : EventItem.FAILURE,
                success ? null : error,
                c.country().code(),
                c.paymentMethod(),
                c.channel(),
                c.browser(),
                c.deviceType());
    }

    private void plan(long at, SimulationItem item) {
        if (at < endMillis) {
            queue.add(new Planned(at, ++order, item));
        }
    }

    private static String[] declines(String method) {
        return switch (method) {
            case "pay_later", "installments" -> CREDIT_DECLINES;
            case "bank_transfer" -> BANK_DECLINES;
            default -> CARD_DECLINES;
        };
    }
}
