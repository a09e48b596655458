package io.vigil.patterns.rest;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.vigil.patterns.api.PatternDetails;
import io.vigil.patterns.api.PatternDraft;
import io.vigil.patterns.api.PatternHistoryEntry;
import io.vigil.patterns.api.PatternPage;
import io.vigil.patterns.api.PatternSummary;
import io.vigil.patterns.api.PatternVersion;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** The patterns API's answers, with states, modes and actions in lower case as requests write them. */
final class PatternResponses {

    private PatternResponses() {}

    /** A pattern in the list. */
    record Summary(
            String id,
            String name,
            String status,
            String mode,
            Integer liveVersion,
            String draftState,
            String draftAuthor,
            Instant updatedAt,
            String updatedBy) {

        static Summary of(PatternSummary s) {
            return new Summary(
                    s.patternId(),
                    s.name(),
                    wire(s.status()),
                    wire(s.mode()),
                    s.liveVersion(),
                    wire(s.draftState()),
                    s.draftAuthor(),
                    s.updatedAt(),
                    s.updatedBy());
        }
    }

    /** A page of the list. */
    record Page(List<Summary> patterns, int page, int size, long total) {

        static Page of(PatternPage page) {
            return new Page(page.patterns().stream().map(Summary::of).toList(), page.page(), page.size(), page.total());
        }
    }

    /** One step of a pattern's history. */
    record Step(
            long sequence,
            String action,
            String by,
            String byKind,
            Instant at,
            String comment,
            Integer version,
            String mode) {

        static Step of(PatternHistoryEntry e) {
            return new Step(
                    e.sequence(),
                    wire(e.action()),
                    e.by(),
                    e.byKind(),
                    e.at(),
                    e.comment(),
                    e.version(),
                    wire(e.mode()));
        }
    }

    /** One pattern in full: the list's fields, the draft, every published version and the history. */
    record Pattern(
            @JsonUnwrapped Summary summary, PatternDraft draft, List<PatternVersion> versions, List<Step> history) {

        static Pattern of(PatternDetails d) {
            return new Pattern(
                    Summary.of(d.summary()),
                    d.draft(),
                    d.versions(),
                    d.history().stream().map(Step::of).toList());
        }
    }

    /** {@code MODE_CHANGED} as {@code mode-changed}. */
    static String wire(Enum<?> value) {
        return value == null ? null : value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
