package io.vigil.scoring.features;

import io.vigil.ingest.api.TransactionDetails;
import java.util.Map;

/**
 * The features of one transaction, computed on demand: a pattern that reads {@code features.card.count_5m} costs one
 * window sum, and features no pattern reads cost nothing.
 */
public final class FeatureSnapshot {

    private final TransactionDetails transaction;
    private final int minute;
    private final Map<EntityKind, EntityState> states;
    private EntityState.CustomerView customer;

    FeatureSnapshot(TransactionDetails transaction, int minute, Map<EntityKind, EntityState> states) {
        this.transaction = transaction;
        this.minute = minute;
        this.states = states;
    }

    /** The value of a declared feature ({@code features.card.count_5m}), or null if no such feature is declared. */
    public Object value(String qualifiedName) {
        FeatureSchema.Declared declared = FeatureSchema.lookup(qualifiedName);
        return declared == null ? null : declared.feature().value(states.get(declared.kind()), this);
    }

    TransactionDetails transaction() {
        return transaction;
    }

    int minute() {
        return minute;
    }

    EntityState.CustomerView customer() {
        if (customer == null) {
            customer = states.get(EntityKind.CUSTOMER).customerView(transaction, minute);
        }
        return customer;
    }
}
