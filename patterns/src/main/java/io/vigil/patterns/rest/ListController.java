package io.vigil.patterns.rest;

import io.vigil.patterns.api.AddListEntriesCommand;
import io.vigil.patterns.api.ChangeListEntryExpiryCommand;
import io.vigil.patterns.api.FindListChangesQuery;
import io.vigil.patterns.api.FindListEntriesQuery;
import io.vigil.patterns.api.FindListsQuery;
import io.vigil.patterns.api.ListChangePage;
import io.vigil.patterns.api.ListChangeResult;
import io.vigil.patterns.api.ListEntryPage;
import io.vigil.patterns.api.ListIds;
import io.vigil.patterns.api.ListItem;
import io.vigil.patterns.api.ListKind;
import io.vigil.patterns.api.ListOverview;
import io.vigil.patterns.api.ListType;
import io.vigil.patterns.api.RemoveListEntriesCommand;
import io.vigil.patterns.config.ListSettings;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The allow and block lists over the API ({@code manage} scope): the lists with their counts, a list's entries page by
 * page, adding entries (JSON), removing one, changing its expiry, importing a CSV file, and the history of changes.
 * Every change names its reason; who made it is the API key (or user) the request came with. A change is stored,
 * then published to every scoring node within a few seconds (one pattern set version per change).
 */
@RestController
@RequestMapping(path = "/api/v1/lists", produces = MediaType.APPLICATION_JSON_VALUE)
class ListController {

    static final String ATOMIC = "atomic";
    static final String PER_LINE = "per-line";
    private static final int MAX_PAGE = 10_000;
    private static final int MAX_SIZE = 500;

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ListSettings settings;
    private final Clock clock;

    ListController(CommandGateway commands, QueryGateway queries, ListSettings settings) {
        this.commands = commands;
        this.queries = queries;
        this.settings = settings;
        this.clock = Clock.systemUTC();
    }

    /** A list or kind in the path that is not one: 404. */
    static final class UnknownListException extends RuntimeException {
        UnknownListException(String message) {
            super(message);
        }
    }

    /** An import not stored at all: atomic with bad lines, or per-line with no good line. */
    static final class RefusedImportException extends RuntimeException {

        private final int lines;
        private final List<ListCsv.BadLine> badLines;

        RefusedImportException(String message, int lines, List<ListCsv.BadLine> badLines) {
            super(message);
            this.lines = lines;
            this.badLines = List.copyOf(badLines);
        }

        int lines() {
            return lines;
        }

        List<ListCsv.BadLine> badLines() {
            return badLines;
        }
    }

    @GetMapping
    ListResponses.Lists lists() {
        return ListResponses.Lists.of(queries.query(new FindListsQuery(), ResponseTypes.instanceOf(ListOverview.class))
                .join());
    }

    @GetMapping("/{list}/{kind}/entries")
    ListResponses.Entries entries(
            @PathVariable String list,
            @PathVariable String kind,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        ListType type = type(list);
        ListKind of = kind(kind);
        paging(page, size);
        if (q != null && q.length() > 256) {
            throw invalid("q", "must be at most 256 characters");
        }
        ListEntryPage found = queries.query(
                        new FindListEntriesQuery(type, of, q, page, size),
                        ResponseTypes.instanceOf(ListEntryPage.class))
                .join();
        return ListResponses.Entries.of(type, of, found);
    }

    @PostMapping(path = "/{list}/{kind}/entries", consumes = MediaType.APPLICATION_JSON_VALUE)
    ListResponses.Change add(
            @PathVariable String list, @PathVariable String kind, @RequestBody ListRequests.AddEntries request) {
        ListType type = type(list);
        ListKind of = kind(kind);
        List<ListItem> entries = ListRequests.entries(request, of, clock.instant());
        ListChangeResult result = commands.sendAndWait(new AddListEntriesCommand(
                ListIds.of(type, of), type, of, entries, request.reason().strip(), "api"));
        return ListResponses.Change.of(type, of, result, true);
    }

    /** Takes one value off the list: {@code ?value=...&reason=...}. */
    @DeleteMapping("/{list}/{kind}/entries")
    ListResponses.Change remove(
            @PathVariable String list,
            @PathVariable String kind,
            @RequestParam(required = false) String value,
            @RequestParam(required = false) String reason) {
        ListType type = type(list);
        ListKind of = kind(kind);
        List<ListRequests.FieldProblem> problems = new ArrayList<>();
        String normalised = ListRequests.value(problems, "value", of, value);
        ListRequests.reason(problems, reason);
        ListRequests.requireValid(problems);
        ListChangeResult result = commands.sendAndWait(
                new RemoveListEntriesCommand(ListIds.of(type, of), type, of, List.of(normalised), reason.strip()));
        return ListResponses.Change.of(type, of, result, false);
    }

    @PutMapping(path = "/{list}/{kind}/entries/expiry", consumes = MediaType.APPLICATION_JSON_VALUE)
    ListResponses.Change changeExpiry(
            @PathVariable String list, @PathVariable String kind, @RequestBody ListRequests.ChangeExpiry request) {
        ListType type = type(list);
        ListKind of = kind(kind);
        List<ListRequests.FieldProblem> problems = new ArrayList<>();
        String value = ListRequests.value(problems, "value", of, request.value());
        Instant expiresAt = ListRequests.expiry(problems, "expiresAt", request.expiresAt(), clock.instant());
        ListRequests.reason(problems, request.reason());
        ListRequests.requireValid(problems);
        ListChangeResult result = commands.sendAndWait(new ChangeListEntryExpiryCommand(
                ListIds.of(type, of),
                type,
                of,
                value,
                expiresAt,
                request.reason().strip()));
        return ListResponses.Change.of(type, of, result, false);
    }

    /**
     * Imports a CSV file ({@code Content-Type: text/csv}, UTF-8 unless the type names another charset) as one change:
     * {@code ?mode=atomic} stores nothing if any line is bad; {@code ?mode=per-line} stores the good lines. Either way
     * every bad line is reported with its number.
     */
    @PostMapping(path = "/{list}/{kind}/import", consumes = "text/csv")
    ListResponses.Import importFile(
            @PathVariable String list,
            @PathVariable String kind,
            @RequestParam(required = false) String mode,
            @RequestParam(required = false) String reason,
            @RequestBody(required = false) InputStreamResource file,
            HttpServletRequest request)
            throws IOException {
        ListType type = type(list);
        ListKind of = kind(kind);
        List<ListRequests.FieldProblem> problems = new ArrayList<>();
        if (!ATOMIC.equals(mode) && !PER_LINE.equals(mode)) {
            problems.add(new ListRequests.FieldProblem("mode", "must be atomic or per-line"));
        }
        ListRequests.reason(problems, reason);
        ListRequests.requireValid(problems);
        ListCsv.Reading reading;
        try (Reader body =
                file == null ? Reader.nullReader() : new InputStreamReader(file.getInputStream(), charset(request))) {
            reading = ListCsv.read(body, of, settings.maxImportLines(), clock.instant());
        }
        if (!reading.bad().isEmpty() && ATOMIC.equals(mode)) {
            throw new RefusedImportException(
                    reading.bad().size() + " of " + reading.lines() + " lines are invalid; nothing was stored",
                    reading.lines(),
                    reading.bad());
        }
        if (reading.entries().isEmpty()) {
            throw new RefusedImportException(
                    "none of the " + reading.lines() + " lines is valid; nothing was stored",
                    reading.lines(),
                    reading.bad());
        }
        ListChangeResult result = commands.sendAndWait(
                new AddListEntriesCommand(ListIds.of(type, of), type, of, reading.entries(), reason.strip(), "csv"));
        return new ListResponses.Import(
                type.wireName(),
                of.wireName(),
                mode,
                reading.lines(),
                result.entries(),
                result.added(),
                result.entries() - result.added(),
                result.version(),
                reading.bad());
    }

    @GetMapping("/history")
    ListResponses.History history(
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        paging(page, size);
        return ListResponses.History.of(find(new FindListChangesQuery(null, null, page, size)));
    }

    @GetMapping("/{list}/{kind}/history")
    ListResponses.History listHistory(
            @PathVariable String list,
            @PathVariable String kind,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        ListType type = type(list);
        ListKind of = kind(kind);
        paging(page, size);
        return ListResponses.History.of(find(new FindListChangesQuery(type, of, page, size)));
    }

    private ListChangePage find(FindListChangesQuery query) {
        return queries.query(query, ResponseTypes.instanceOf(ListChangePage.class))
                .join();
    }

    private static ListType type(String list) {
        return ListType.ofWireName(list)
                .orElseThrow(() -> new UnknownListException(
                        "there is no list " + shortened(list) + "; the lists are allow and block"));
    }

    private static ListKind kind(String kind) {
        return ListKind.ofWireName(kind)
                .orElseThrow(() -> new UnknownListException(
                        "there is no kind " + shortened(kind) + "; the kinds are " + ListKind.choices()));
    }

    private static void paging(int page, int size) {
        if (page < 0 || page > MAX_PAGE) {
            throw invalid("page", "must be from 0 to " + MAX_PAGE);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw invalid("size", "must be from 1 to " + MAX_SIZE);
        }
    }

    private static ListRequests.InvalidListRequestException invalid(String field, String message) {
        return new ListRequests.InvalidListRequestException(List.of(new ListRequests.FieldProblem(field, message)));
    }

    private static Charset charset(HttpServletRequest request) {
        String encoding = request.getCharacterEncoding();
        try {
            return encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
        } catch (IllegalArgumentException e) {
            throw invalid("Content-Type", "names a charset Vigil does not know: " + shortened(encoding));
        }
    }

    private static String shortened(String text) {
        return "'" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "'";
    }
}
