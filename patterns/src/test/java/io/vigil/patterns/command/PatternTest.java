package io.vigil.patterns.command;

import io.vigil.patterns.api.ApprovePatternCommand;
import io.vigil.patterns.api.ArchivePatternCommand;
import io.vigil.patterns.api.CreatePatternDraftCommand;
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
import io.vigil.patterns.api.PatternSubmittedEvent;
import io.vigil.patterns.api.PatternVersion;
import io.vigil.patterns.api.PublishPatternCommand;
import io.vigil.patterns.api.RejectPatternCommand;
import io.vigil.patterns.api.RollBackPatternCommand;
import io.vigil.patterns.api.SetPatternModeCommand;
import io.vigil.patterns.api.SubmitPatternCommand;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PatternTest {

    private static final String ID = "p-card-testing";
    private static final PatternDraft DRAFT =
            new PatternDraft("Card testing", "", "features.card.count_5m >= 3 && tx.amount < 5.0", "decline");
    private static final PatternDraft DRAFT_2 =
            new PatternDraft("Card testing", "stricter", "features.card.count_5m >= 2 && tx.amount < 5.0", "decline");
    private static final Map<String, String> ANN = Map.of("actor", "ann", "actorKind", "user");
    private static final Map<String, String> BOB = Map.of("actor", "bob", "actorKind", "user");

    /** Refuses expressions that name {@code tx.amout}, with the message the CEL compiler in scoring gives. */
    private static final PatternCheck CHECK = (expression, effect) -> expression.contains("tx.amout")
            ? List.of("ERROR: <input>:1:1: undeclared reference to 'tx' (in container '')")
            : List.of();

    private AggregateTestFixture<Pattern> fixture;
    private Instant now;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Pattern.class);
        fixture.registerInjectableResource(CHECK);
        now = fixture.currentTime();
    }

    private PatternDraftCreatedEvent created(PatternDraft draft, String by) {
        return new PatternDraftCreatedEvent(ID, draft, by, now, "");
    }

    private PatternVersion version(int number, PatternDraft draft, String author, String approver, String publisher) {
        return new PatternVersion(
                number,
                draft.name(),
                draft.description(),
                draft.expression(),
                draft.effect(),
                author,
                approver,
                publisher,
                now);
    }

    private static Object[] concat(Object[] first, Object... more) {
        return java.util.stream.Stream.concat(Arrays.stream(first), Arrays.stream(more))
                .toArray();
    }

    /** Created by ann, submitted, approved by bob. */
    private Object[] approved() {
        return new Object[] {
            created(DRAFT, "ann"),
            new PatternSubmittedEvent(ID, "ann", now, ""),
            new PatternApprovedEvent(ID, "bob", now, "")
        };
    }

    /** Version 1 (DRAFT) published active, then version 2 (DRAFT_2) published active. */
    private Object[] twoVersionsPublished() {
        return new Object[] {
            created(DRAFT, "ann"),
            new PatternSubmittedEvent(ID, "ann", now, ""),
            new PatternApprovedEvent(ID, "bob", now, ""),
            new PatternPublishedEvent(ID, version(1, DRAFT, "ann", "bob", "bob"), PatternMode.ACTIVE, "bob", now, ""),
            new PatternDraftEditedEvent(ID, DRAFT_2, "bob", now, ""),
            new PatternSubmittedEvent(ID, "bob", now, ""),
            new PatternApprovedEvent(ID, "ann", now, ""),
            new PatternPublishedEvent(ID, version(2, DRAFT_2, "bob", "ann", "ann"), PatternMode.ACTIVE, "ann", now, "")
        };
    }

    @Test
    void canCreateADraftWhoseAuthorIsTheActor() {
        fixture.givenNoPriorActivity()
                .when(new CreatePatternDraftCommand(ID, DRAFT, "first try"), ANN)
                .expectEvents(new PatternDraftCreatedEvent(ID, DRAFT, "ann", now, "first try"));
    }

    @Test
    void cannotCreateADraftWithAReservedIdOrAMissingExpression() {
        fixture.givenNoPriorActivity()
                .when(new CreatePatternDraftCommand("vigil-pattern-set", DRAFT, ""), ANN)
                .expectException(PatternInvalidException.class)
                .expectExceptionMessage("id vigil-pattern-set is reserved for the pattern store")
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new CreatePatternDraftCommand(ID, new PatternDraft("x", "", " ", "score+120"), ""), ANN)
                .expectException(PatternInvalidException.class)
                .expectExceptionMessage("expression is required; effect 'score+120' is not one of score+N (N from 0"
                        + " to 100), review, decline")
                .expectNoEvents();
    }

    @Test
    void canInstallADefaultPatternAsThePublishedVersionOneWithEveryStepBySystem() {
        Map<String, String> system = Map.of("actor", "system", "actorKind", "system");
        PatternDraft highAmount = new PatternDraft("High amount", "", "tx.amount > 1000.0", "review");
        fixture.givenNoPriorActivity()
                .when(
                        new InstallDefaultPatternCommand("p-high-amount", highAmount, PatternMode.ACTIVE, "shipped"),
                        system)
                .expectEvents(
                        new PatternDraftCreatedEvent("p-high-amount", highAmount, "system", now, "shipped"),
                        new PatternSubmittedEvent("p-high-amount", "system", now, "shipped"),
                        new PatternApprovedEvent("p-high-amount", "system", now, "shipped"),
                        new PatternPublishedEvent(
                                "p-high-amount",
                                new PatternVersion(
                                        1,
                                        "High amount",
                                        "",
                                        "tx.amount > 1000.0",
                                        "review",
                                        "system",
                                        "system",
                                        "system",
                                        now),
                                PatternMode.ACTIVE,
                                "system",
                                now,
                                "shipped"));
    }

    @Test
    void cannotInstallADefaultPatternThatDoesNotCompile() {
        fixture.givenNoPriorActivity()
                .when(
                        new InstallDefaultPatternCommand(
                                ID, new PatternDraft("Typo", "", "tx.amout > 1.0", "review"), PatternMode.ACTIVE, ""),
                        Map.of("actor", "system", "actorKind", "system"))
                .expectException(PatternInvalidException.class)
                .expectNoEvents();
    }

    @Test
    void canSubmitADraftThatCompiles() {
        fixture.given(created(DRAFT, "ann"))
                .when(new SubmitPatternCommand(ID, "ready"), ANN)
                .expectEvents(new PatternSubmittedEvent(ID, "ann", now, "ready"));
    }

    @Test
    void cannotSubmitAnUncompilableDraft() {
        PatternDraft broken = new PatternDraft("Typo", "", "tx.amout > 100.0", "review");
        fixture.given(created(broken, "ann"))
                .when(new SubmitPatternCommand(ID, ""), ANN)
                .expectException(PatternInvalidException.class)
                .expectExceptionMessage(
                        "the expression does not compile: ERROR: <input>:1:1: undeclared reference to 'tx' (in"
                                + " container '')")
                .expectNoEvents();
    }

    @Test
    void cannotApproveOwnDraft() {
        fixture.given(created(DRAFT, "ann"), new PatternSubmittedEvent(ID, "ann", now, ""))
                .when(new ApprovePatternCommand(ID, "looks fine to me"), ANN)
                .expectException(PatternRuleException.class)
                .expectExceptionMessage(
                        "pattern p-card-testing: its draft was written by ann, who may not approve it: another approver"
                                + " must")
                .expectNoEvents();
    }

    @Test
    void cannotApproveADraftOneLastEditedEvenIfAnotherCreatedIt() {
        fixture.given(
                        created(DRAFT, "ann"),
                        new PatternDraftEditedEvent(ID, DRAFT_2, "bob", now, ""),
                        new PatternSubmittedEvent(ID, "bob", now, ""))
                .when(new ApprovePatternCommand(ID, ""), BOB)
                .expectException(PatternRuleException.class)
                .expectNoEvents();
    }

    @Test
    void canApproveAnotherAuthorsSubmittedDraft() {
        fixture.given(created(DRAFT, "ann"), new PatternSubmittedEvent(ID, "ann", now, ""))
                .when(new ApprovePatternCommand(ID, "checked on last week's traffic"), BOB)
                .expectEvents(new PatternApprovedEvent(ID, "bob", now, "checked on last week's traffic"));
    }

    @Test
    void cannotApproveADraftThatWasNotSubmitted() {
        fixture.given(created(DRAFT, "ann"))
                .when(new ApprovePatternCommand(ID, ""), BOB)
                .expectException(PatternRuleException.class)
                .expectExceptionMessage("pattern p-card-testing: only a draft that is submitted can be approved, and"
                        + " the draft is being written")
                .expectNoEvents();
    }

    @Test
    void canRejectASubmittedDraftBackToDraftWithAComment() {
        fixture.given(created(DRAFT, "ann"), new PatternSubmittedEvent(ID, "ann", now, ""))
                .when(new RejectPatternCommand(ID, "too broad: catches every small payment"), BOB)
                .expectEvents(new PatternRejectedEvent(ID, "bob", now, "too broad: catches every small payment"));
        fixture.given(
                        created(DRAFT, "ann"),
                        new PatternSubmittedEvent(ID, "ann", now, ""),
                        new PatternRejectedEvent(ID, "bob", now, "too broad"))
                .when(new ApprovePatternCommand(ID, ""), BOB)
                .expectException(PatternRuleException.class);
    }

    @Test
    void cannotRejectWithoutAComment() {
        fixture.given(created(DRAFT, "ann"), new PatternSubmittedEvent(ID, "ann", now, ""))
                .when(new RejectPatternCommand(ID, "  "), BOB)
                .expectException(PatternInvalidException.class)
                .expectExceptionMessage("comment is required: say why")
                .expectNoEvents();
    }

    @Test
    void canEditASubmittedDraftWhichReturnsItToDraftAndWithdrawsTheApproval() {
        fixture.given(approved())
                .when(new EditPatternDraftCommand(ID, DRAFT_2, "one more change"), ANN)
                .expectEvents(new PatternDraftEditedEvent(ID, DRAFT_2, "ann", now, "one more change"));
        // the approval of the earlier draft does not carry over to the edited one
        Object[] editedAfterApproval = concat(approved(), new PatternDraftEditedEvent(ID, DRAFT_2, "ann", now, ""));
        fixture.given(editedAfterApproval)
                .when(new PublishPatternCommand(ID, PatternMode.ACTIVE, ""), BOB)
                .expectException(PatternRuleException.class)
                .expectExceptionMessage("pattern p-card-testing: only an approved draft can be published, and the"
                        + " draft is being written, not approved")
                .expectNoEvents();
    }

    @Test
    void cannotPublishAnUnapprovedDraft() {
        fixture.given(created(DRAFT, "ann"), new PatternSubmittedEvent(ID, "ann", now, ""))
                .when(new PublishPatternCommand(ID, PatternMode.ACTIVE, ""), BOB)
                .expectException(PatternRuleException.class)
                .expectExceptionMessage("pattern p-card-testing: only an approved draft can be published, and the"
                        + " draft is submitted, not approved")
                .expectNoEvents();
    }

    @Test
    void canPublishAnApprovedDraftAsVersionOneInShadowUnlessAModeIsGiven() {
        fixture.given(approved())
                .when(new PublishPatternCommand(ID, null, "try it on live traffic"), BOB)
                .expectEvents(new PatternPublishedEvent(
                        ID,
                        version(1, DRAFT, "ann", "bob", "bob"),
                        PatternMode.SHADOW,
                        "bob",
                        now,
                        "try it on live traffic"));
    }

    @Test
    void canPublishANewVersionKeepingTheLiveMode() {
        fixture.given(twoVersionsPublished())
                .andGiven(
                        new PatternDraftEditedEvent(ID, DRAFT, "ann", now, ""),
                        new PatternSubmittedEvent(ID, "ann", now, ""),
                        new PatternApprovedEvent(ID, "bob", now, ""))
                .when(new PublishPatternCommand(ID, null, ""), ANN)
                .expectEvents(new PatternPublishedEvent(
                        ID, version(3, DRAFT, "ann", "bob", "ann"), PatternMode.ACTIVE, "ann", now, ""));
    }

    @Test
    void canSetTheModeOfThePublishedPattern() {
        fixture.given(twoVersionsPublished())
                .when(new SetPatternModeCommand(ID, PatternMode.OFF, "too many false positives"), ANN)
                .expectEvents(new PatternModeChangedEvent(
                        ID,
                        version(2, DRAFT_2, "bob", "ann", "ann"),
                        PatternMode.OFF,
                        "ann",
                        now,
                        "too many false positives"));
    }

    @Test
    void cannotSetTheModeOfAPatternNeverPublished() {
        fixture.given(approved())
                .when(new SetPatternModeCommand(ID, PatternMode.ACTIVE, ""), ANN)
                .expectException(PatternRuleException.class)
                .expectExceptionMessage(
                        "pattern p-card-testing: it was never published, so it cannot be switched to another mode")
                .expectNoEvents();
    }

    @Test
    void rollbackRepublishesAnEarlierVersion() {
        fixture.given(twoVersionsPublished())
                .when(new RollBackPatternCommand(ID, 1, "version 2 declines good customers"), BOB)
                .expectEvents(new PatternRolledBackEvent(
                        ID,
                        version(1, DRAFT, "ann", "bob", "bob"),
                        2,
                        PatternMode.ACTIVE,
                        "bob",
                        now,
                        "version 2 declines good customers"));
    }

    @Test
    void cannotRollBackToTheLiveVersionOrOneNeverPublished() {
        fixture.given(twoVersionsPublished())
                .when(new RollBackPatternCommand(ID, 2, ""), BOB)
                .expectException(PatternRuleException.class)
                .expectExceptionMessage("pattern p-card-testing: version 2 is the live one already")
                .expectNoEvents();
        fixture.given(twoVersionsPublished())
                .when(new RollBackPatternCommand(ID, 7, ""), BOB)
                .expectException(PatternInvalidException.class)
                .expectExceptionMessage("version 7 was never published; the published versions are 1 to 2")
                .expectNoEvents();
    }

    @Test
    void canPublishAgainAfterARollbackAsTheNextVersionNumber() {
        fixture.given(twoVersionsPublished())
                .andGiven(
                        new PatternRolledBackEvent(
                                ID, version(1, DRAFT, "ann", "bob", "bob"), 2, PatternMode.ACTIVE, "bob", now, ""),
                        new PatternDraftEditedEvent(ID, DRAFT_2, "ann", now, ""),
                        new PatternSubmittedEvent(ID, "ann", now, ""),
                        new PatternApprovedEvent(ID, "bob", now, ""))
                .when(new PublishPatternCommand(ID, null, ""), BOB)
                .expectEvents(new PatternPublishedEvent(
                        ID, version(3, DRAFT_2, "ann", "bob", "bob"), PatternMode.ACTIVE, "bob", now, ""));
    }

    @Test
    void canArchiveAPublishedPattern() {
        fixture.given(twoVersionsPublished())
                .when(new ArchivePatternCommand(ID, "replaced by p-card-testing-2"), ANN)
                .expectEvents(new PatternArchivedEvent(ID, 2, "ann", now, "replaced by p-card-testing-2"));
    }

    @Test
    void cannotPublishAnArchivedPattern() {
        fixture.given(approved())
                .andGiven(new PatternArchivedEvent(ID, null, "ann", now, ""))
                .when(new PublishPatternCommand(ID, PatternMode.ACTIVE, ""), BOB)
                .expectException(PatternRuleException.class)
                .expectExceptionMessage("pattern p-card-testing: it is archived, so it cannot be published")
                .expectNoEvents();
    }

    @Test
    void cannotChangeAnArchivedPatternInAnyWay() {
        Object[] archived = concat(twoVersionsPublished(), new PatternArchivedEvent(ID, 2, "ann", now, ""));
        fixture.given(archived)
                .when(new EditPatternDraftCommand(ID, DRAFT, ""), ANN)
                .expectException(PatternRuleException.class)
                .expectNoEvents();
        fixture.given(archived)
                .when(new SetPatternModeCommand(ID, PatternMode.ACTIVE, ""), ANN)
                .expectException(PatternRuleException.class)
                .expectNoEvents();
        fixture.given(archived)
                .when(new RollBackPatternCommand(ID, 1, ""), ANN)
                .expectException(PatternRuleException.class)
                .expectNoEvents();
        fixture.given(archived)
                .when(new ArchivePatternCommand(ID, ""), ANN)
                .expectException(PatternRuleException.class)
                .expectExceptionMessage("pattern p-card-testing: it is archived, so it cannot be archived again")
                .expectNoEvents();
    }
}
