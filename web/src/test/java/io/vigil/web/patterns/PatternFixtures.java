package io.vigil.web.patterns;

import io.vigil.access.api.Role;
import io.vigil.access.users.ConsoleUser;
import io.vigil.patterns.api.DraftState;
import io.vigil.patterns.api.PatternAction;
import io.vigil.patterns.api.PatternDetails;
import io.vigil.patterns.api.PatternDraft;
import io.vigil.patterns.api.PatternHistoryEntry;
import io.vigil.patterns.api.PatternMode;
import io.vigil.patterns.api.PatternStatus;
import io.vigil.patterns.api.PatternSummary;
import io.vigil.patterns.api.PatternVersion;
import java.time.Instant;
import java.util.List;

/**
 * A pattern as the pages' tests find it: card testing, version 2 live and active, version 1 before it, and a draft by
 * amy (an approver) submitted for approval that tightens the threshold.
 */
final class PatternFixtures {

    static final String ID = "p-card-testing";

    /** The draft's author: an approver, who may approve others' drafts but not this one. */
    static final ConsoleUser AMY = new ConsoleUser("amy", null, Role.APPROVER, true, false, null);

    static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");

    static final PatternVersion V1 = new PatternVersion(
            1,
            "Card testing",
            "Small amounts in quick succession on one card.",
            "features.card.count_5m >= 5 && tx.amount < 5.0",
            "review",
            "anna",
            "apollo",
            "apollo",
            T0);

    static final PatternVersion V2 = new PatternVersion(
            2,
            "Card testing",
            "Small amounts in quick succession on one card.",
            "features.card.count_5m >= 3 && tx.amount < 5.0",
            "decline",
            "anna",
            "apollo",
            "apollo",
            T0.plusSeconds(86_400));

    static final PatternDraft DRAFT = new PatternDraft(
            "Card testing",
            "Small amounts in quick succession on one card.",
            "features.card.count_5m >= 2 && tx.amount < 3.0",
            "decline");

    static final PatternSummary SUMMARY = new PatternSummary(
            ID,
            "Card testing",
            PatternStatus.PUBLISHED,
            PatternMode.ACTIVE,
            2,
            DraftState.SUBMITTED,
            "amy",
            T0.plusSeconds(2 * 86_400),
            "amy");

    static final List<PatternHistoryEntry> HISTORY = List.of(
            new PatternHistoryEntry(
                    0, PatternAction.CREATED, "anna", "user", T0.minusSeconds(3_600), "first try", null, null),
            new PatternHistoryEntry(1, PatternAction.PUBLISHED, "apollo", "user", T0, null, 1, PatternMode.SHADOW),
            new PatternHistoryEntry(
                    2,
                    PatternAction.ROLLED_BACK,
                    "key ops (vgl_3kf9a2bc)",
                    "api-key",
                    T0.plusSeconds(60),
                    "oops",
                    1,
                    PatternMode.SHADOW),
            new PatternHistoryEntry(
                    3,
                    PatternAction.PUBLISHED,
                    "apollo",
                    "user",
                    T0.plusSeconds(86_400),
                    "stricter",
                    2,
                    PatternMode.ACTIVE),
            new PatternHistoryEntry(
                    4,
                    PatternAction.SUBMITTED,
                    "amy",
                    "user",
                    T0.plusSeconds(2 * 86_400),
                    "catch it a try earlier",
                    null,
                    null));

    /** The pattern with its submitted draft. */
    static final PatternDetails SUBMITTED = new PatternDetails(SUMMARY, DRAFT, List.of(V1, V2), HISTORY);

    private PatternFixtures() {}

    /** The pattern with its draft in another state (NONE: without a draft). */
    static PatternDetails withDraft(DraftState state) {
        PatternSummary summary = new PatternSummary(
                ID,
                SUMMARY.name(),
                SUMMARY.status(),
                SUMMARY.mode(),
                SUMMARY.liveVersion(),
                state,
                state == DraftState.NONE ? null : "amy",
                SUMMARY.updatedAt(),
                SUMMARY.updatedBy());
        return new PatternDetails(summary, state == DraftState.NONE ? null : DRAFT, List.of(V1, V2), HISTORY);
    }

    /** The pattern archived, as it was without a draft. */
    static PatternDetails archived() {
        PatternDetails none = withDraft(DraftState.NONE);
        PatternSummary s = none.summary();
        return new PatternDetails(
                new PatternSummary(
                        ID,
                        s.name(),
                        PatternStatus.ARCHIVED,
                        s.mode(),
                        s.liveVersion(),
                        DraftState.NONE,
                        null,
                        s.updatedAt(),
                        "apollo"),
                null,
                none.versions(),
                none.history());
    }
}
