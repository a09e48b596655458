package io.vigil.patterns.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.patterns.api.AddListEntriesCommand;
import io.vigil.patterns.api.ChangeListEntryExpiryCommand;
import io.vigil.patterns.api.ListChangeRejectedException;
import io.vigil.patterns.api.ListChangeResult;
import io.vigil.patterns.api.ListEntriesAddedEvent;
import io.vigil.patterns.api.ListEntriesRemovedEvent;
import io.vigil.patterns.api.ListEntryExpiryChangedEvent;
import io.vigil.patterns.api.ListEntryNotFoundException;
import io.vigil.patterns.api.ListIds;
import io.vigil.patterns.api.ListItem;
import io.vigil.patterns.api.ListKind;
import io.vigil.patterns.api.ListType;
import io.vigil.patterns.api.RemoveListEntriesCommand;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ValueListTest {

    private static final String CARDS = ListIds.of(ListType.BLOCK, ListKind.CARD);
    private static final Map<String, String> ANN = Map.of("actor", "ann", "actorKind", "user");

    private AggregateTestFixture<ValueList> fixture;
    private Instant now;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ValueList.class);
        now = fixture.currentTime();
    }

    private static ListItem item(String value) {
        return new ListItem(value, null, null);
    }

    private static AddListEntriesCommand add(String reason, ListItem... items) {
        return new AddListEntriesCommand(CARDS, ListType.BLOCK, ListKind.CARD, List.of(items), reason, "api");
    }

    private ListEntriesAddedEvent added(long version, int added, String reason, ListItem... items) {
        return new ListEntriesAddedEvent(
                CARDS, ListType.BLOCK, ListKind.CARD, version, List.of(items), added, reason, "api", "ann", now);
    }

    @Test
    void canStartAListWithItsFirstChangeNamingWhoWhenAndWhy() {
        ListItem stolen = new ListItem("card-1", now.plus(Duration.ofDays(30)), "reported stolen");
        fixture.givenNoPriorActivity()
                .when(add("chargeback wave", stolen, item("card-2")), ANN)
                .expectSuccessfulHandlerExecution()
                .expectEvents(added(1, 2, "chargeback wave", stolen, item("card-2")))
                .expectResultMessagePayload(new ListChangeResult(1, 2, 2));
    }

    @Test
    void canAddAgainAndCountsOnlyTheNewValuesAsAdded() {
        fixture.given(added(1, 1, "first", item("card-1")))
                .when(add("second", item("card-1"), item("card-2")), ANN)
                .expectEvents(added(2, 1, "second", item("card-1"), item("card-2")))
                .expectResultMessagePayload(new ListChangeResult(2, 2, 1));
    }

    @Test
    void canRecordAChangeWithoutAnActorAsTheSystems() {
        fixture.givenNoPriorActivity()
                .when(add("seed", item("card-1")))
                .expectEvents(new ListEntriesAddedEvent(
                        CARDS,
                        ListType.BLOCK,
                        ListKind.CARD,
                        1,
                        List.of(item("card-1")),
                        1,
                        "seed",
                        "api",
                        "system",
                        now));
    }

    @Test
    void canTakeATenThousandValueImportAsOneEvent() {
        List<ListItem> items = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            items.add(item("card-" + i));
        }
        fixture.givenNoPriorActivity()
                .when(new AddListEntriesCommand(CARDS, ListType.BLOCK, ListKind.CARD, items, "bulk", "csv"), ANN)
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(new ListChangeResult(1, 10_000, 10_000));
        assertThat(fixture.getEventStore().readEvents(CARDS).asStream().count()).isEqualTo(1);
    }

    @Test
    void cannotChangeAListWithoutAReason() {
        fixture.givenNoPriorActivity()
                .when(add(" ", item("card-1")), ANN)
                .expectException(ListChangeRejectedException.class)
                .expectExceptionMessage("reason is required")
                .expectNoEvents();
    }

    @Test
    void cannotListAValueThatIsNotNormalisedForItsKind() {
        AddListEntriesCommand email = new AddListEntriesCommand(
                ListIds.of(ListType.ALLOW, ListKind.EMAIL),
                ListType.ALLOW,
                ListKind.EMAIL,
                List.of(item("Ann@Example.com")),
                "vip",
                "api");
        fixture.givenNoPriorActivity()
                .when(email, ANN)
                .expectException(ListChangeRejectedException.class)
                .expectExceptionMessage("value 'Ann@Example.com' is not a normalised email")
                .expectNoEvents();
    }

    @Test
    void cannotListTheSameValueTwiceInOneChange() {
        fixture.givenNoPriorActivity()
                .when(add("dup", item("card-1"), item("card-1")), ANN)
                .expectException(ListChangeRejectedException.class)
                .expectExceptionMessage("value 'card-1' appears more than once")
                .expectNoEvents();
    }

    @Test
    void cannotListAValueThatHasExpiredAlready() {
        fixture.givenNoPriorActivity()
                .when(add("late", new ListItem("card-1", now.minusSeconds(1), null)), ANN)
                .expectException(ListChangeRejectedException.class)
                .expectExceptionMessage("expiresAt must be in the future (value 'card-1')")
                .expectNoEvents();
    }

    @Test
    void cannotSendAChangeToAnotherListThanItNames() {
        fixture.givenNoPriorActivity()
                .when(
                        new AddListEntriesCommand(
                                CARDS, ListType.ALLOW, ListKind.CARD, List.of(item("card-1")), "x", "api"),
                        ANN)
                .expectException(ListChangeRejectedException.class)
                .expectNoEvents();
    }

    @Test
    void canRemoveListedValues() {
        fixture.given(added(1, 2, "first", item("card-1"), item("card-2")))
                .when(
                        new RemoveListEntriesCommand(CARDS, ListType.BLOCK, ListKind.CARD, List.of("card-1"), "paid"),
                        ANN)
                .expectEvents(new ListEntriesRemovedEvent(
                        CARDS, ListType.BLOCK, ListKind.CARD, 2, List.of("card-1"), "paid", "ann", now))
                .expectResultMessagePayload(new ListChangeResult(2, 1, 0));
    }

    @Test
    void cannotRemoveAValueThatIsNotListed() {
        fixture.given(
                        added(1, 1, "first", item("card-1")),
                        new ListEntriesRemovedEvent(
                                CARDS, ListType.BLOCK, ListKind.CARD, 2, List.of("card-1"), "paid", "ann", now))
                .when(
                        new RemoveListEntriesCommand(CARDS, ListType.BLOCK, ListKind.CARD, List.of("card-1"), "again"),
                        ANN)
                .expectException(ListEntryNotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void canChangeTheExpiryOfAListedValueAndLiftIt() {
        Instant later = now.plus(Duration.ofDays(7));
        fixture.given(added(1, 1, "first", item("card-1")))
                .when(
                        new ChangeListEntryExpiryCommand(
                                CARDS, ListType.BLOCK, ListKind.CARD, "card-1", later, "review in a week"),
                        ANN)
                .expectEvents(new ListEntryExpiryChangedEvent(
                        CARDS, ListType.BLOCK, ListKind.CARD, 2, "card-1", later, "review in a week", "ann", now));
        fixture.given(added(1, 1, "first", new ListItem("card-1", later, null)))
                .when(
                        new ChangeListEntryExpiryCommand(
                                CARDS, ListType.BLOCK, ListKind.CARD, "card-1", null, "for good"),
                        ANN)
                .expectEvents(new ListEntryExpiryChangedEvent(
                        CARDS, ListType.BLOCK, ListKind.CARD, 2, "card-1", null, "for good", "ann", now));
    }

    @Test
    void cannotChangeTheExpiryOfAValueThatIsNotListed() {
        fixture.given(added(1, 1, "first", item("card-1")))
                .when(
                        new ChangeListEntryExpiryCommand(
                                CARDS, ListType.BLOCK, ListKind.CARD, "card-9", null, "for good"),
                        ANN)
                .expectException(ListEntryNotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void cannotChangeAnExpiryToThePast() {
        fixture.given(added(1, 1, "first", item("card-1")))
                .when(
                        new ChangeListEntryExpiryCommand(
                                CARDS, ListType.BLOCK, ListKind.CARD, "card-1", now.minusSeconds(60), "oops"),
                        ANN)
                .expectException(ListChangeRejectedException.class)
                .expectExceptionMessage("expiresAt must be in the future")
                .expectNoEvents();
    }
}
