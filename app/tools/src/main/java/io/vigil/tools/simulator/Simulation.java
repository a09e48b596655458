package io.vigil.tools.simulator;

import java.util.List;

/**
 * A whole simulated run in memory, with its manifest: what tests use to feed Vigil in-process and then check it against
 * the injected cases.
 */
public record Simulation(List<SimulationItem> items, Manifest manifest) {

    public List<TransactionItem> transactions() {
        return items.stream()
                .filter(TransactionItem.class::isInstance)
                .map(TransactionItem.class::cast)
                .toList();
    }

    public List<EventItem> events() {
        return items.stream()
                .filter(EventItem.class::isInstance)
                .map(EventItem.class::cast)
                .toList();
    }

    public List<OutcomeItem> outcomes() {
        return items.stream()
                .filter(OutcomeItem.class::isInstance)
                .map(OutcomeItem.class::cast)
                .toList();
    }

    /** The SHA-256 of the items, as {@code ./vigil simulate --dry-run} prints it. */
    public String sha256() {
        return StreamDigest.of(items);
    }
}
