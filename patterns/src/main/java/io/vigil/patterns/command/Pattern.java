package io.vigil.patterns.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.vigil.patterns.api.ApprovePatternCommand;
import io.vigil.patterns.api.ArchivePatternCommand;
import io.vigil.patterns.api.CreatePatternDraftCommand;
import io.vigil.patterns.api.DraftState;
import io.vigil.patterns.api.EditPatternDraftCommand;
import io.vigil.patterns.api.InstallDefaultPatternCommand;
import io.vigil.patterns.api.PatternApprovedEvent;
import io.vigil.patterns.api.PatternArchivedEvent;
import io.vigil.patterns.api.PatternCheck;
import io.vigil.patterns.api.PatternDraft;
import io.vigil.patterns.api.PatternDraftCreatedEvent;
import io.vigil.patterns.api.PatternDraftEditedEvent;
import io.vigil.patterns.api.PatternInvalidException;
import io.vigil.patterns.api.PatternMode;
import io.vigil.patterns.api.PatternModeChangedEvent;
import io.vigil.patterns.api.PatternPublishedEvent;
import io.vigil.patterns.api.PatternRejectedEvent;
import io.vigil.patterns.api.PatternRolledBackEvent;
import io.vigil.patterns.api.PatternRuleException;
import io.vigil.patterns.api.PatternRules;
import io.vigil.patterns.api.PatternSubmittedEvent;
import io.vigil.patterns.api.PatternVersion;
import io.vigil.patterns.api.PublishPatternCommand;
import io.vigil.patterns.api.RejectPatternCommand;
import io.vigil.patterns.api.RollBackPatternCommand;
import io.vigil.patterns.api.SetPatternModeCommand;
import io.vigil.patterns.api.SubmitPatternCommand;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A fraud pattern's life: a draft is written, submitted, approved by someone other than its author and published as
 * the next version, which becomes the live one; the live version's mode changes, an earlier version can be made live
 * again, and the pattern can be archived. Who acts is the command's {@value #ACTOR} metadata, which the access
 * module stamps on every audited command (a user's name or an API key's); the draft's author is whoever created or
 * last edited it. Every published version is kept, for rollback and diffs.
 */
@Aggregate
class Pattern {

    /** The metadata key of who sends a command (the access module's {@code Actor.ACTOR}). */
    static final String ACTOR = Steps.ACTOR;

    @AggregateIdentifier
    private String patternId;

    private PatternDraft draft;
    private DraftState draftState = DraftState.NONE;
    private String draftAuthor;
    private String approvedBy;
    private final SortedMap<Integer, PatternVersion> versions = new TreeMap<>();
    private Integer live;
    private PatternMode mode;
    private boolean archived;

    Pattern() {
        // for Axon
    }

    @CommandHandler
    Pattern(CreatePatternDraftCommand command, @MetaDataValue(ACTOR) String actor) {
        List<String> problems = new ArrayList<>();
        addIfPresent(problems, PatternRules.idProblem(command.patternId()));
        problems.addAll(draftProblems(command.draft()));
        addIfPresent(problems, PatternRules.commentProblem(command.comment(), false));
        requireValid(problems);
        apply(new PatternDraftCreatedEvent(
                command.patternId(),
                command.draft(),
                Steps.who(actor, "pattern"),
                Steps.now(),
                Steps.comment(command.comment())));
    }

    /**
     * A pattern Vigil ships with, created and published in one go by the system at the first start: the same four
     * events an analyst and an approver cause, so it is listed, exported, versioned and audited like any other.
     */
    @CommandHandler
    Pattern(InstallDefaultPatternCommand command, @MetaDataValue(ACTOR) String actor, PatternCheck check) {
        List<String> problems = new ArrayList<>();
        addIfPresent(problems, PatternRules.idProblem(command.patternId()));
        problems.addAll(draftProblems(command.draft()));
        requireValid(problems);
        List<String> compileProblems =
                check.problems(command.draft().expression(), command.draft().effect());
        if (!compileProblems.isEmpty()) {
            throw PatternInvalidException.doesNotCompile(compileProblems);
        }
        String by = Steps.who(actor, "pattern");
        Instant at = Steps.now();
        String comment = Steps.comment(command.comment());
        apply(new PatternDraftCreatedEvent(command.patternId(), command.draft(), by, at, comment));
        apply(new PatternSubmittedEvent(command.patternId(), by, at, comment));
        apply(new PatternApprovedEvent(command.patternId(), by, at, comment));
        PatternDraft draft = command.draft();
        apply(new PatternPublishedEvent(
                command.patternId(),
                new PatternVersion(
                        1, draft.name(), draft.description(), draft.expression(), draft.effect(), by, by, by, at),
                command.mode() == null ? PatternMode.ACTIVE : command.mode(),
                by,
                at,
                comment));
    }

    @CommandHandler
    void handle(EditPatternDraftCommand command, @MetaDataValue(ACTOR) String actor) {
        requireNotArchived("edited");
        List<String> problems = new ArrayList<>(draftProblems(command.draft()));
        addIfPresent(problems, PatternRules.commentProblem(command.comment(), false));
        requireValid(problems);
        apply(new PatternDraftEditedEvent(
                patternId,
                command.draft(),
                Steps.who(actor, "pattern"),
                Steps.now(),
                Steps.comment(command.comment())));
    }

    @CommandHandler
    void handle(SubmitPatternCommand command, @MetaDataValue(ACTOR) String actor, PatternCheck check) {
        requireNotArchived("submitted");
        requireDraftState(DraftState.DRAFT, "submitted");
        requireComment(command.comment(), false);
        List<String> compileProblems = check.problems(draft.expression(), draft.effect());
        if (!compileProblems.isEmpty()) {
            throw PatternInvalidException.doesNotCompile(compileProblems);
        }
        apply(new PatternSubmittedEvent(
                patternId, Steps.who(actor, "pattern"), Steps.now(), Steps.comment(command.comment())));
    }

    @CommandHandler
    void handle(ApprovePatternCommand command, @MetaDataValue(ACTOR) String actor) {
        requireNotArchived("approved");
        requireDraftState(DraftState.SUBMITTED, "approved");
        requireComment(command.comment(), false);
        String approver = Steps.who(actor, "pattern");
        if (approver.equals(draftAuthor)) {
            throw new PatternRuleException(
                    patternId,
                    "its draft was written by " + draftAuthor + ", who may not approve it: another approver must");
        }
        apply(new PatternApprovedEvent(patternId, approver, Steps.now(), Steps.comment(command.comment())));
    }

    @CommandHandler
    void handle(RejectPatternCommand command, @MetaDataValue(ACTOR) String actor) {
        requireNotArchived("rejected");
        requireDraftState(DraftState.SUBMITTED, "rejected");
        requireComment(command.comment(), true);
        apply(new PatternRejectedEvent(
                patternId, Steps.who(actor, "pattern"), Steps.now(), Steps.comment(command.comment())));
    }

    @CommandHandler
    void handle(PublishPatternCommand command, @MetaDataValue(ACTOR) String actor) {
        requireNotArchived("published");
        if (draftState != DraftState.APPROVED) {
            throw new PatternRuleException(
                    patternId,
                    "only an approved draft can be published, and "
                            + (draftState == DraftState.NONE
                                    ? "there is no draft"
                                    : "the draft is " + state(draftState) + ", not approved"));
        }
        requireComment(command.comment(), false);
        String publisher = Steps.who(actor, "pattern");
        Instant at = Steps.now();
        PatternVersion version = new PatternVersion(
                versions.isEmpty() ? 1 : versions.lastKey() + 1,
                draft.name(),
                draft.description(),
                draft.expression(),
                draft.effect(),
                draftAuthor,
                approvedBy,
                publisher,
                at);
        PatternMode published = command.mode() != null ? command.mode() : mode != null ? mode : PatternMode.SHADOW;
        apply(new PatternPublishedEvent(
                patternId, version, published, publisher, at, Steps.comment(command.comment())));
    }

    @CommandHandler
    void handle(SetPatternModeCommand command, @MetaDataValue(ACTOR) String actor) {
        requireNotArchived("switched to another mode");
        requirePublished("switched to another mode");
        if (command.mode() == null) {
            throw new PatternInvalidException(List.of("mode is required: active, shadow or off"));
        }
        requireComment(command.comment(), false);
        if (command.mode() != mode) {
            apply(new PatternModeChangedEvent(
                    patternId,
                    versions.get(live),
                    command.mode(),
                    Steps.who(actor, "pattern"),
                    Steps.now(),
                    Steps.comment(command.comment())));
        }
    }

    @CommandHandler
    void handle(RollBackPatternCommand command, @MetaDataValue(ACTOR) String actor) {
        requireNotArchived("rolled back");
        requirePublished("rolled back");
        PatternVersion target = versions.get(command.version());
        if (target == null) {
            throw new PatternInvalidException(List.of("version " + command.version()
                    + " was never published; the published versions are 1 to " + versions.lastKey()));
        }
        if (command.version() == live) {
            throw new PatternRuleException(patternId, "version " + live + " is the live one already");
        }
        requireComment(command.comment(), false);
        apply(new PatternRolledBackEvent(
                patternId,
                target,
                live,
                mode,
                Steps.who(actor, "pattern"),
                Steps.now(),
                Steps.comment(command.comment())));
    }

    @CommandHandler
    void handle(ArchivePatternCommand command, @MetaDataValue(ACTOR) String actor) {
        requireNotArchived("archived again");
        requireComment(command.comment(), false);
        apply(new PatternArchivedEvent(
                patternId, live, Steps.who(actor, "pattern"), Steps.now(), Steps.comment(command.comment())));
    }

    @EventSourcingHandler
    void on(PatternDraftCreatedEvent event) {
        patternId = event.patternId();
        startDraft(event.draft(), event.by());
    }

    @EventSourcingHandler
    void on(PatternDraftEditedEvent event) {
        startDraft(event.draft(), event.by());
    }

    @EventSourcingHandler
    void on(PatternSubmittedEvent event) {
        draftState = DraftState.SUBMITTED;
    }

    @EventSourcingHandler
    void on(PatternApprovedEvent event) {
        draftState = DraftState.APPROVED;
        approvedBy = event.by();
    }

    @EventSourcingHandler
    void on(PatternRejectedEvent event) {
        draftState = DraftState.DRAFT;
    }

    @EventSourcingHandler
    void on(PatternPublishedEvent event) {
        versions.put(event.version().number(), event.version());
        live = event.version().number();
        mode = event.mode();
        draft = null;
        draftState = DraftState.NONE;
        draftAuthor = null;
        approvedBy = null;
    }

    @EventSourcingHandler
    void on(PatternModeChangedEvent event) {
        mode = event.mode();
    }

    @EventSourcingHandler
    void on(PatternRolledBackEvent event) {
        live = event.version().number();
        mode = event.mode();
    }

    @EventSourcingHandler
    void on(PatternArchivedEvent event) {
        archived = true;
    }

    private void startDraft(PatternDraft edited, String author) {
        draft = edited;
        draftState = DraftState.DRAFT;
        draftAuthor = author;
        approvedBy = null;
    }

    private void requireNotArchived(String what) {
        if (archived) {
            throw new PatternRuleException(patternId, "it is archived, so it cannot be " + what);
        }
    }

    private void requireDraftState(DraftState expected, String what) {
        if (draftState != expected) {
            throw new PatternRuleException(
                    patternId,
                    "only a draft that is " + state(expected) + " can be " + what + ", and "
                            + (draftState == DraftState.NONE
                                    ? "there is no draft"
                                    : "the draft is " + state(draftState)));
        }
    }

    private void requirePublished(String what) {
        if (live == null) {
            throw new PatternRuleException(patternId, "it was never published, so it cannot be " + what);
        }
    }

    private static String state(DraftState state) {
        return state == DraftState.DRAFT ? "being written" : state.name().toLowerCase(Locale.ROOT);
    }

    private static List<String> draftProblems(PatternDraft draft) {
        return draft == null
                ? List.of("draft is required: name, description, expression and effect")
                : draft.problems();
    }

    private static void requireComment(String comment, boolean required) {
        String problem = PatternRules.commentProblem(comment, required);
        if (problem != null) {
            throw new PatternInvalidException(List.of(problem));
        }
    }

    private static void requireValid(List<String> problems) {
        if (!problems.isEmpty()) {
            throw new PatternInvalidException(problems);
        }
    }

    private static void addIfPresent(List<String> problems, String problem) {
        if (problem != null) {
            problems.add(problem);
        }
    }
}
