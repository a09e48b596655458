package io.vigil.web.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import io.vigil.access.api.AuditEntries;
import io.vigil.access.api.AuditEntry;
import io.vigil.access.api.FindAuditEntriesQuery;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The audit trail for admins ({@value #PATH}, which the console's security keeps to the admin role): the entries the
 * filters choose, newest first, a page at a time, and the same entries as an NDJSON download, one JSON object a
 * line, streamed page by page so that an export of any size holds one page in memory.
 */
@Controller
@RequestMapping(AuditController.PATH)
class AuditController {

    static final String PATH = "/admin/audit";
    static final String NDJSON = "application/x-ndjson";
    private static final String PAGE = "audit/list";
    private static final String TABLE = PAGE + " :: table";
    private static final int PAGE_SIZE = 50;
    private static final DateTimeFormatter FILE_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final QueryGateway queries;
    private final ObjectMapper json;
    private final Clock clock;

    AuditController(QueryGateway queries, ObjectMapper json, Clock clock) {
        this.queries = queries;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping
    String page(AuditFilters filters, Model model) {
        fill(filters, model);
        return PAGE;
    }

    @HxRequest
    @GetMapping
    String table(AuditFilters filters, Model model) {
        fill(filters, model);
        return TABLE;
    }

    /** Every entry the filters choose (from {@code before}, if given), newest first, as NDJSON. */
    @GetMapping("/export")
    void export(AuditFilters filters, HttpServletResponse response) throws IOException {
        response.setContentType(NDJSON);
        response.setCharacterEncoding("UTF-8");
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename("vigil-audit-" + FILE_TIME.format(clock.instant()) + ".ndjson")
                        .build()
                        .toString());
        OutputStream out = response.getOutputStream();
        FindAuditEntriesQuery query = filters.query(FindAuditEntriesQuery.MAX_LIMIT);
        while (true) {
            AuditEntries page = find(query);
            for (AuditEntry entry : page.entries()) {
                out.write(json.writeValueAsBytes(line(entry)));
                out.write('\n');
            }
            out.flush();
            if (!page.hasMore()) {
                return;
            }
            query = query.before(page.nextBefore());
        }
    }

    /** An entry as one JSON object; its details as the JSON they are, not as a string of JSON. */
    private ObjectNode line(AuditEntry entry) {
        ObjectNode line = json.valueToTree(entry);
        if (entry.details() != null) {
            try {
                JsonNode details = json.readTree(entry.details());
                line.set("details", details);
            } catch (IOException notJson) {
                // kept as the text it is
            }
        }
        return line;
    }

    private void fill(AuditFilters filters, Model model) {
        AuditEntries entries = find(filters.query(PAGE_SIZE));
        model.addAttribute("entries", entries);
        model.addAttribute("filters", filters);
        model.addAttribute("newestUri", filters.uri(null));
        model.addAttribute("olderUri", entries.hasMore() ? filters.uri(entries.nextBefore()) : null);
        model.addAttribute("exportUri", filters.exportUri());
    }

    private AuditEntries find(FindAuditEntriesQuery query) {
        return queries.query(query, ResponseTypes.instanceOf(AuditEntries.class))
                .join();
    }
}
