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
    private final CustomFeatures custom;
    private final EntityLinks links;
    private EntityState.CustomerView customer;
    private EntityLinks.Neighbourhood graph;

    FeatureSnapshot(
            TransactionDetails transaction,
            int minute,
            Map<EntityKind, EntityState> states,
            CustomFeatures custom,
            EntityLinks links) {
        this.transaction = transaction;
        this.minute = minute;
        this.states = states;
        this.custom = custom;
        this.links = links;
    }

    /**
     * The value of a declared feature ({@code features.card.count_5m}) or of an analyst-defined one held by the store
     * ({@code features.custom.card_amount_7d}), or null if there is no such feature.
     */
    public Object value(String qualifiedName) {
        if (CustomFeatures.isCustom(qualifiedName)) {
            return custom == null ? null : custom.value(qualifiedName, transaction, minute);
        }
        FeatureSchema.Declared declared = FeatureSchema.lookup(qualifiedName);
        return declared == null ? null : declared.feature().value(states.get(declared.kind()), this);
    }

    /** True when every named analyst feature is held and backfilled on this node, so a pattern may read them. */
    public boolean customReady(java.util.List<String> qualifiedNames) {
        return qualifiedNames.isEmpty() || (custom != null && custom.ready(qualifiedNames));
    }

    TransactionDetails transaction() {
        return transaction;
    }

    int minute() {
        return minute;
    }

    /** The transaction's linked entities ({@code features.graph.*}), walked on first read. */
    EntityLinks.Neighbourhood graph() {
        if (graph == null) {
            graph = links.around(transaction, minute);
        }
        return graph;
    }

    EntityState.CustomerView customer() {
        if (customer == null) {
            customer = states.get(EntityKind.CUSTOMER).customerView(transaction, minute);
        }
        return customer;
    }
}
