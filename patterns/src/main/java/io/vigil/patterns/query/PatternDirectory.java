package io.vigil.patterns.query;

import io.vigil.patterns.api.DraftState;
import io.vigil.patterns.api.FindPatternDiffQuery;
import io.vigil.patterns.api.FindPatternQuery;
import io.vigil.patterns.api.FindPatternsQuery;
import io.vigil.patterns.api.PatternAction;
import io.vigil.patterns.api.PatternApprovedEvent;
import io.vigil.patterns.api.PatternArchivedEvent;
import io.vigil.patterns.api.PatternDetails;
import io.vigil.patterns.api.PatternDiff;
import io.vigil.patterns.api.PatternDraft;
import io.vigil.patterns.api.PatternDraftCreatedEvent;
import io.vigil.patterns.api.PatternDraftEditedEvent;
import io.vigil.patterns.api.PatternEvent;
import io.vigil.patterns.api.PatternHistoryEntry;
import io.vigil.patterns.api.PatternMode;
import io.vigil.patterns.api.PatternModeChangedEvent;
import io.vigil.patterns.api.PatternPage;
import io.vigil.patterns.api.PatternPublishedEvent;
import io.vigil.patterns.api.PatternRejectedEvent;
import io.vigil.patterns.api.PatternRolledBackEvent;
import io.vigil.patterns.api.PatternStatus;
import io.vigil.patterns.api.PatternSubmittedEvent;
import io.vigil.patterns.api.PatternSummary;
import io.vigil.patterns.api.PatternVersion;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The patterns' read model in PostgreSQL: the list, each pattern's draft and published versions, and its history.
 * A subscribing processor: written in the transaction that stores the pattern's event, so an answer of the API
 * reads its own change, and a failure here fails the command (nothing is stored).
 */
@Component
@ProcessingGroup(PatternDirectory.PROCESSING_GROUP)
class PatternDirectory {

    static final String PROCESSING_GROUP = "pattern-directory";

    private static final String SUMMARY_COLUMNS =
            "pattern_id, name, status, mode, live_version, draft_state, draft_author, updated_at, updated_by";

    private final JdbcTemplate jdbc;

    PatternDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PatternEvent event, @SequenceNumber long sequence, @MetaDataValue("actorKind") String actorKind) {
        apply(event);
        PatternHistoryEntry entry = PatternHistory.entry(event, sequence, actorKind);
        jdbc.update(
                "INSERT INTO pattern_history (pattern_id, sequence, action, actor, actor_kind, at, comment, version,"
                        + " mode) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (pattern_id, sequence) DO NOTHING",
                event.patternId(),
                entry.sequence(),
                entry.action().name(),
                entry.by(),
                entry.byKind(),
                Timestamp.from(entry.at()),
                entry.comment(),
                entry.version(),
                entry.mode() == null ? null : entry.mode().name());
        if (!(event instanceof PatternDraftCreatedEvent)) {
            jdbc.update(
                    "UPDATE pattern_view SET updated_at = ?, updated_by = ? WHERE pattern_id = ?",
                    Timestamp.from(event.at()),
                    event.by(),
                    event.patternId());
        }
    }

    private void apply(PatternEvent event) {
        String id = event.patternId();
        if (event instanceof PatternDraftCreatedEvent created) {
            PatternDraft draft = created.draft();
            jdbc.update(
                    "INSERT INTO pattern_view (pattern_id, name, status, draft_state, draft_name, draft_description,"
                            + " draft_expression, draft_effect, draft_author, created_at, updated_at, updated_by)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (pattern_id) DO NOTHING",
                    id,
                    draft.name(),
                    PatternStatus.UNPUBLISHED.name(),
                    DraftState.DRAFT.name(),
                    draft.name(),
                    draft.description(),
                    draft.expression(),
                    draft.effect(),
                    created.by(),
                    Timestamp.from(created.at()),
                    Timestamp.from(created.at()),
                    created.by());
        } else if (event instanceof PatternDraftEditedEvent edited) {
            PatternDraft draft = edited.draft();
            jdbc.update(
                    "UPDATE pattern_view SET name = CASE WHEN status = 'UNPUBLISHED' THEN ? ELSE name END,"
                            + " draft_state = 'DRAFT', draft_name = ?, draft_description = ?, draft_expression = ?,"
                            + " draft_effect = ?, draft_author = ? WHERE pattern_id = ?",
                    draft.name(),
                    draft.name(),
                    draft.description(),
                    draft.expression(),
                    draft.effect(),
                    edited.by(),
                    id);
        } else if (event instanceof PatternSubmittedEvent) {
            draftState(id, DraftState.SUBMITTED);
        } else if (event instanceof PatternApprovedEvent) {
            draftState(id, DraftState.APPROVED);
        } else if (event instanceof PatternRejectedEvent) {
            draftState(id, DraftState.DRAFT);
        } else if (event instanceof PatternPublishedEvent published) {
            PatternVersion version = published.version();
            jdbc.update(
                    "INSERT INTO pattern_version (pattern_id, number, name, description, expression, effect, author,"
                            + " approved_by, published_by, published_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                            + " ON CONFLICT (pattern_id, number) DO NOTHING",
                    id,
                    version.number(),
                    version.name(),
                    version.description(),
                    version.expression(),
                    version.effect(),
                    version.author(),
                    version.approvedBy(),
                    version.publishedBy(),
                    Timestamp.from(version.publishedAt()));
            jdbc.update(
                    "UPDATE pattern_view SET name = ?, status = 'PUBLISHED', mode = ?, live_version = ?,"
                            + " draft_state = 'NONE', draft_name = NULL, draft_description = NULL,"
                            + " draft_expression = NULL, draft_effect = NULL, draft_author = NULL WHERE pattern_id = ?",
                    version.name(),
                    published.mode().name(),
                    version.number(),
                    id);
        } else if (event instanceof PatternModeChangedEvent changed) {
            jdbc.update(
                    "UPDATE pattern_view SET mode = ? WHERE pattern_id = ?",
                    changed.mode().name(),
                    id);
        } else if (event instanceof PatternRolledBackEvent rolledBack) {
            jdbc.update(
                    "UPDATE pattern_view SET name = ?, mode = ?, live_version = ? WHERE pattern_id = ?",
                    rolledBack.version().name(),
                    rolledBack.mode().name(),
                    rolledBack.version().number(),
                    id);
        } else if (event instanceof PatternArchivedEvent) {
            jdbc.update("UPDATE pattern_view SET status = 'ARCHIVED' WHERE pattern_id = ?", id);
        }
    }

    private void draftState(String patternId, DraftState state) {
        jdbc.update("UPDATE pattern_view SET draft_state = ? WHERE pattern_id = ?", state.name(), patternId);
    }

    @QueryHandler
    PatternPage handle(FindPatternsQuery query) {
        String where = query.status() == null ? "status <> 'ARCHIVED'" : "status = ?";
        Object[] filter = query.status() == null
                ? new Object[0]
                : new Object[] {query.status().name()};
        Long total = jdbc.queryForObject("SELECT count(*) FROM pattern_view WHERE " + where, Long.class, filter);
        Object[] args = new Object[filter.length + 2];
        System.arraycopy(filter, 0, args, 0, filter.length);
        args[filter.length] = query.size();
        args[filter.length + 1] = (long) query.page() * query.size();
        List<PatternSummary> page = jdbc.query(
                "SELECT " + SUMMARY_COLUMNS + " FROM pattern_view WHERE " + where
                        + " ORDER BY updated_at DESC, pattern_id LIMIT ? OFFSET ?",
                (rs, i) -> summary(rs),
                args);
        return new PatternPage(page, query.page(), query.size(), total == null ? 0 : total);
    }

    @QueryHandler
    Optional<PatternDetails> handle(FindPatternQuery query) {
        List<PatternDetails> found = jdbc.query(
                "SELECT " + SUMMARY_COLUMNS + ", draft_name, draft_description, draft_expression, draft_effect"
                        + " FROM pattern_view WHERE pattern_id = ?",
                (rs, i) -> new PatternDetails(summary(rs), draft(rs), List.of(), List.of()),
                query.patternId());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        PatternDetails row = found.get(0);
        return Optional.of(new PatternDetails(
                row.summary(), row.draft(), versions(query.patternId()), history(query.patternId())));
    }

    /** The ids of the patterns with a live version in the pattern store: published and not archived. */
    Set<String> publishedIds() {
        return new HashSet<>(
                jdbc.queryForList("SELECT pattern_id FROM pattern_view WHERE status = 'PUBLISHED'", String.class));
    }

    /** An unknown pattern, version or draft is an {@link IllegalArgumentException} naming it. */
    @QueryHandler
    PatternDiff handle(FindPatternDiffQuery query) {
        PatternDetails pattern = handle(new FindPatternQuery(query.patternId()))
                .orElseThrow(() -> new IllegalArgumentException("no pattern with id " + query.patternId()));
        return PatternDiffs.between(
                query.patternId(),
                query.from(),
                resolve(pattern, "from", query.from()),
                query.to(),
                resolve(pattern, "to", query.to()));
    }

    private static PatternDraft resolve(PatternDetails pattern, String parameter, String ref) {
        if (ref == null || ref.isBlank()) {
            throw new IllegalArgumentException(parameter + " is required: a version number, live or draft");
        }
        if (ref.equals("draft")) {
            if (pattern.draft() == null) {
                throw new IllegalArgumentException(parameter + " names the draft, and the pattern has none");
            }
            return pattern.draft();
        }
        Integer number = ref.equals("live") ? pattern.summary().liveVersion() : parseVersion(parameter, ref);
        if (number == null) {
            throw new IllegalArgumentException(parameter + " names the live version, and none was published");
        }
        return pattern.versions().stream()
                .filter(v -> v.number() == number)
                .findFirst()
                .map(PatternVersion::draft)
                .orElseThrow(() ->
                        new IllegalArgumentException(parameter + " names version " + number + ", never published"));
    }

    private static Integer parseVersion(String parameter, String ref) {
        try {
            return Integer.valueOf(ref);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    parameter + " must be a version number, live or draft, not '" + ref + "'");
        }
    }

    private List<PatternVersion> versions(String patternId) {
        return jdbc.query(
                "SELECT number, name, description, expression, effect, author, approved_by, published_by,"
                        + " published_at FROM pattern_version WHERE pattern_id = ? ORDER BY number",
                (rs, i) -> new PatternVersion(
                        rs.getInt(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getTimestamp(9).toInstant()),
                patternId);
    }

    private List<PatternHistoryEntry> history(String patternId) {
        return jdbc.query(
                "SELECT sequence, action, actor, actor_kind, at, comment, version, mode FROM pattern_history"
                        + " WHERE pattern_id = ? ORDER BY sequence",
                (rs, i) -> new PatternHistoryEntry(
                        rs.getLong(1),
                        PatternAction.valueOf(rs.getString(2)),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant(),
                        rs.getString(6),
                        (Integer) rs.getObject(7),
                        mode(rs.getString(8))),
                patternId);
    }

    private static PatternSummary summary(ResultSet rs) throws SQLException {
        return new PatternSummary(
                rs.getString("pattern_id"),
                rs.getString("name"),
                PatternStatus.valueOf(rs.getString("status")),
                mode(rs.getString("mode")),
                (Integer) rs.getObject("live_version"),
                DraftState.valueOf(rs.getString("draft_state")),
                rs.getString("draft_author"),
                instant(rs.getTimestamp("updated_at")),
                rs.getString("updated_by"));
    }

    private static PatternDraft draft(ResultSet rs) throws SQLException {
        String expression = rs.getString("draft_expression");
        return expression == null
                ? null
                : new PatternDraft(
                        rs.getString("draft_name"),
                        rs.getString("draft_description"),
                        expression,
                        rs.getString("draft_effect"));
    }

    private static PatternMode mode(String mode) {
        return mode == null ? null : PatternMode.valueOf(mode);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
