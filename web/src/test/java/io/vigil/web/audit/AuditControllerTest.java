package io.vigil.web.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.access.api.AuditEntries;
import io.vigil.access.api.AuditEntry;
import io.vigil.access.api.FindAuditEntriesQuery;
import io.vigil.web.ConsoleMvcTestSupport;
import io.vigil.web.WithAndWithoutHtmx;
import io.vigil.web.config.ConsoleConfig;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The audit page: the entries the filters choose, newest first, paged, with and without htmx's HX-Request header; and
 * the NDJSON export, which goes through every page.
 */
@WebMvcTest(AuditController.class)
@Import(ConsoleConfig.class)
class AuditControllerTest extends ConsoleMvcTestSupport {

    @BeforeEach
    void signInAsAdmin() {
        signedIn = ADMIN;
    }

    @WithAndWithoutHtmx
    void isForAdminsOnly(boolean htmx) throws Exception {
        signedIn = APPROVER;
        assertRefused(get("/admin/audit"), htmx);
    }

    private static final AuditEntry PAUSED = new AuditEntry(
            42,
            Instant.parse("2026-11-23T10:15:30Z"),
            "key checkout (vgl_3kf9a2bc)",
            "api-key",
            "10.0.0.7",
            "PauseMonitorCommand",
            "mon-auth",
            "success",
            "{\"monitorId\":\"mon-auth\",\"by\":\"api\"}");

    private static final AuditEntry REFUSED = new AuditEntry(
            41,
            Instant.parse("2026-11-23T10:14:00Z"),
            "alice",
            "user",
            "10.0.0.8",
            "ChangeMonitorCommand",
            "mon-old",
            "failure",
            "{\"error\":\"monitor mon-old was deleted\",\"command\":{\"monitorId\":\"mon-old\"}}");

    private static final AuditEntry SIGN_IN = new AuditEntry(
            40,
            Instant.parse("2026-11-23T10:13:00Z"),
            "anonymous",
            "anonymous",
            "203.0.113.5",
            "sign-in",
            "alice",
            "failure",
            "not JSON");

    @WithAndWithoutHtmx
    void showsTheEntriesNewestFirstWithWhoWhatAndOutcome(boolean htmx) throws Exception {
        answer(FindAuditEntriesQuery.class, new AuditEntries(List.of(PAUSED, REFUSED), null));

        String html = render(get("/admin/audit"), htmx);

        assertShape(html, htmx, "Audit");
        assertThat(html.indexOf("data-entry-id=\"42\"")).isLessThan(html.indexOf("data-entry-id=\"41\""));
        assertThat(rowOf(html, "data-entry-id=\"42\""))
                .contains(
                        "2026-11-23 10:15:30",
                        "key checkout (vgl_3kf9a2bc)",
                        "api-key",
                        "10.0.0.7",
                        "PauseMonitorCommand",
                        "mon-auth",
                        "success");
        assertThat(rowOf(html, "data-entry-id=\"41\""))
                .contains("alice", "ChangeMonitorCommand", "failure", "monitor mon-old was deleted");
        assertThat(html).doesNotContain("Older entries");
        FindAuditEntriesQuery asked = queried(FindAuditEntriesQuery.class);
        assertThat(asked.before()).isNull();
        assertThat(asked.limit()).isEqualTo(50);
    }

    @WithAndWithoutHtmx
    void passesTheFiltersAndLinksTheOlderPageAndTheExportWithThem(boolean htmx) throws Exception {
        answer(FindAuditEntriesQuery.class, new AuditEntries(List.of(PAUSED), 42L));

        String html = render(
                get("/admin/audit")
                        .param("actor", "alice")
                        .param("action", "Monitor")
                        .param("outcome", "failure")
                        .param("target", "mon")
                        .param("from", "2026-11-23T10:00")
                        .param("to", "2026-11-24"),
                htmx);

        FindAuditEntriesQuery asked = queried(FindAuditEntriesQuery.class);
        assertThat(asked)
                .isEqualTo(new FindAuditEntriesQuery(
                        "alice",
                        "Monitor",
                        "failure",
                        Instant.parse("2026-11-23T10:00:00Z"),
                        Instant.parse("2026-11-24T00:00:00Z"),
                        "mon",
                        null,
                        50));
        String filters = "actor=alice&amp;action=Monitor&amp;outcome=failure&amp;target=mon"
                + "&amp;from=2026-11-23T10%3A00&amp;to=2026-11-24";
        assertThat(html)
                .contains("href=\"/admin/audit?" + filters + "&amp;before=42\"")
                .contains("href=\"/admin/audit/export?" + filters + "\"")
                .contains("Older entries");
    }

    @WithAndWithoutHtmx
    void theOlderPageStartsBelowTheEntryGivenAndLinksBackToTheNewest(boolean htmx) throws Exception {
        answer(FindAuditEntriesQuery.class, new AuditEntries(List.of(REFUSED), null));

        String html = render(get("/admin/audit").param("before", "42"), htmx);

        assertThat(queried(FindAuditEntriesQuery.class).before()).isEqualTo(42L);
        assertThat(html).contains("href=\"/admin/audit\"", ">Newest</a>").doesNotContain("Older entries");
    }

    @WithAndWithoutHtmx
    void aFilterOutOfRangeIsRefusedWithItsReasonBeforeAnyQuery(boolean htmx) throws Exception {
        MockHttpServletRequestBuilder request =
                get("/admin/audit").param("outcome", "maybe").param("from", "yesterday");
        if (htmx) {
            request.header("HX-Request", "true");
        }

        String html = mvc.perform(asOnThePage(request))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);

        assertThat(html).contains("Vigil cannot do this");
        verifyNoInteractions(queries);
    }

    @Test
    void theExportIsEveryMatchingEntryAsOneJsonObjectPerLineAcrossPages() throws Exception {
        given(queries.query(
                        argThat(q -> q instanceof FindAuditEntriesQuery f && f.before() == null),
                        any(ResponseType.class)))
                .willReturn(CompletableFuture.completedFuture(new AuditEntries(List.of(PAUSED, REFUSED), 41L)));
        given(queries.query(
                        argThat(q -> q instanceof FindAuditEntriesQuery f
                                && Long.valueOf(41).equals(f.before())),
                        any(ResponseType.class)))
                .willReturn(CompletableFuture.completedFuture(new AuditEntries(List.of(SIGN_IN), null)));

        MockHttpServletResponse response = mvc.perform(
                        asOnThePage(get("/admin/audit/export").param("outcome", "failure")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse();

        assertThat(response.getContentType()).startsWith("application/x-ndjson");
        assertThat(response.getHeader("Content-Disposition"))
                .startsWith("attachment; filename=\"vigil-audit-")
                .endsWith(".ndjson\"");
        String[] lines = response.getContentAsString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(3);
        ObjectMapper json = new ObjectMapper();
        JsonNode first = json.readTree(lines[0]);
        assertThat(first.path("entryId").asLong()).isEqualTo(42);
        assertThat(first.path("at").asText()).isEqualTo("2026-11-23T10:15:30Z");
        assertThat(first.path("actor").asText()).isEqualTo("key checkout (vgl_3kf9a2bc)");
        assertThat(first.path("details").path("monitorId").asText()).isEqualTo("mon-auth");
        assertThat(json.readTree(lines[1]).path("details").path("error").asText())
                .isEqualTo("monitor mon-old was deleted");
        assertThat(json.readTree(lines[2]).path("details").asText()).isEqualTo("not JSON");
        assertThat(queriedAll(FindAuditEntriesQuery.class))
                .extracting(FindAuditEntriesQuery::outcome, FindAuditEntriesQuery::limit)
                .containsOnly(org.assertj.core.groups.Tuple.tuple("failure", FindAuditEntriesQuery.MAX_LIMIT));
    }
}
