package io.vigil.tools.simulator;

import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * Recent customers who have paid, for typologies that need a customer Vigil has already seen: an account taken over
 * only looks wrong against a history. A customer is planned to pay minutes after the checkout opens, so it waits
 * until the generator's clock has passed that payment before it counts as known. The known ones are a fixed ring, so
 * memory does not grow with the run.
 */
final class KnownCustomers {

    private record Pending(long paidAt, long order, Customer customer) {}

    private final PriorityQueue<Pending> pending =
            new PriorityQueue<>(Comparator.comparingLong(Pending::paidAt).thenComparingLong(Pending::order));
    private final Customer[] known = new Customer[4096];
    private long order;
    private int size;
    private int next;

    /** The customer's payment is planned at the given time. */
    void paid(Customer customer, long at) {
        pending.add(new Pending(at, ++order, customer));
    }

    /** Every payment before the given time has happened. */
    void advanceTo(long now) {
        while (!pending.isEmpty() && pending.peek().paidAt() < now) {
            known[next] = pending.poll().customer();
            next = (next + 1) % known.length;
            size = Math.min(size + 1, known.length);
        }
    }

    /** A customer who has paid, or null before anyone has. */
    Customer pick(SplittableRandom r) {
        return size == 0 ? null : known[r.nextInt(size)];
    }
}
