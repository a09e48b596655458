package io.vigil.web.patterns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.vigil.patterns.api.FindListEntriesQuery;
import io.vigil.patterns.api.FindListsQuery;
import io.vigil.patterns.api.ListEntryPage;
import io.vigil.patterns.api.ListKind;
import io.vigil.patterns.api.ListOverview;
import io.vigil.patterns.api.ListType;
import io.vigil.web.ConsoleMvcTestSupport;
import io.vigil.web.WithAndWithoutHtmx;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;

/**
 * The allow and block lists in the console: every list with its counts, and one list's entries with their expiry,
 * an expired one marked as such; viewers and operators are refused. Each case runs with and without htmx's
 * HX-Request header.
 */
@WebMvcTest(ListsController.class)
class ListsControllerTest extends ConsoleMvcTestSupport {

    private static final Instant AT = Instant.parse("2026-11-29T10:00:00Z");

    @BeforeEach
    void anAnalystWithOneBlockList() {
        signedIn = ANALYST;
        answer(
                FindListsQuery.class,
                new ListOverview(List.of(
                        new ListOverview.Summary(ListType.BLOCK, ListKind.CARD, 3, 2, 4, AT, "anna"),
                        new ListOverview.Summary(ListType.ALLOW, ListKind.EMAIL, 0, 0, 0, null, null))));
        answer(
                FindListEntriesQuery.class,
                new ListEntryPage(
                        List.of(
                                entry("card-1", Instant.parse("2027-01-31T00:00:00Z"), false, "reported stolen"),
                                entry("card-2", Instant.parse("2026-11-29T11:30:05Z"), true, null),
                                entry("card-3", null, false, "chargebacks")),
                        3,
                        0,
                        100));
    }

    @WithAndWithoutHtmx
    void showsOneListsEntriesWithTheirExpiryAndWhetherItPassed(boolean htmx) throws Exception {
        String html = render(
                get("/lists").param("list", "block").param("kind", "card").param("q", " card "), htmx);

        assertThat(queried(FindListEntriesQuery.class))
                .isEqualTo(new FindListEntriesQuery(ListType.BLOCK, ListKind.CARD, "card", 0, 100));
        assertThat(rowOf(html, "data-value=\"card-1\""))
                .contains(">2027-01-31 00:00:00<", "class=\"status active\"", ">active<", ">reported stolen<")
                .contains("2026-11-29 10:00 by anna", "(version 3)");
        assertThat(rowOf(html, "data-value=\"card-2\""))
                .contains(">2026-11-29 11:30:05<", "class=\"status expired\"", ">expired<");
        assertThat(rowOf(html, "data-value=\"card-3\"")).contains(">never<", ">active<");
        assertThat(html).contains("block list of card", "3 entries matching", "id=\"list-entries\"");
        if (htmx) {
            assertThat(html).doesNotContain("<html", "id=\"list-overview\"");
        } else {
            assertShape(html, false, "Patterns");
            assertThat(rowOf(html, "data-list=\"block/card\""))
                    .contains("href=\"/lists?list=block&amp;kind=card\"", ">3<", ">2<", ">4<")
                    .contains("2026-11-29 10:00 by anna");
            assertThat(rowOf(html, "data-list=\"allow/email\"")).contains(">0<", ">–<");
        }
    }

    @WithAndWithoutHtmx
    void withoutAChosenListShowsTheListsOnly(boolean htmx) throws Exception {
        String html = render(get("/lists").param("list", "grey").param("kind", "card"), htmx);

        assertThat(html).doesNotContain("id=\"entry-list\"");
        if (!htmx) {
            assertThat(html).contains("id=\"list-overview\"", "data-list=\"block/card\"");
        }
    }

    @WithAndWithoutHtmx
    void viewersAndOperatorsAreRefused(boolean htmx) throws Exception {
        for (var user : List.of(VIEWER, OPERATOR)) {
            signedIn = user;
            assertRefused(get("/lists"), htmx);
        }
    }

    private static ListEntryPage.Entry entry(String value, Instant expiresAt, boolean expired, String reason) {
        return new ListEntryPage.Entry(value, expiresAt, expired, reason, AT, "anna", AT, "anna", 3);
    }
}
