package io.vigil.tools.patterns;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.tools.Terminal;
import io.vigil.tools.http.VigilClient;
import io.vigil.tools.http.VigilUnavailableException;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code patterns export}: every published pattern's live version and mode, the features and the lists, as one file. */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = {
            "Writes every published pattern (its live version and mode), every analyst feature and every allow and"
                    + " block list entry as one JSON file, to standard output or --out. Drafts, archived patterns and"
                    + " features and expired list entries are left out: the file is what scores now."
        })
final class ExportPatterns extends PatternAction {

    private static final int PAGE = 200;
    private static final int LIST_PAGE = 500;

    @Option(names = "--out", paramLabel = "FILE", description = "where to write the file (default: standard output)")
    private Path out;

    ExportPatterns(Terminal terminal) {
        super(terminal);
    }

    @Override
    int run() throws VigilUnavailableException, InterruptedException, IOException {
        List<PatternFile.Entry> entries = new ArrayList<>();
        for (String id : publishedIds()) {
            JsonNode pattern = find(id);
            JsonNode live = pattern == null ? null : liveVersion(pattern);
            if (live == null) {
                continue; // archived or rolled away between the list and this read
            }
            entries.add(new PatternFile.Entry(
                    id,
                    live.path("name").asText(),
                    live.path("description").asText(""),
                    live.path("expression").asText(),
                    live.path("effect").asText(),
                    pattern.path("mode").asText("active")));
        }
        entries.sort(Comparator.comparing(PatternFile.Entry::id));
        List<PatternFile.Feature> features = features();
        List<PatternFile.ValueList> lists = lists();
        String file = new PatternFile(features, lists, entries).write();
        if (out == null) {
            terminal.out().print(file);
        } else {
            Files.writeString(out, file);
        }
        say("exported " + entries.size() + (entries.size() == 1 ? " pattern, " : " patterns, ") + features.size()
                + (features.size() == 1 ? " feature and " : " features and ")
                + lists.stream().mapToInt(l -> l.entries().size()).sum() + " list entries"
                + (out == null ? "" : " to " + out));
        return 0;
    }

    /** The analyst-defined features that are not archived, by name. */
    private List<PatternFile.Feature> features() throws VigilUnavailableException, InterruptedException, IOException {
        List<PatternFile.Feature> features = new ArrayList<>();
        for (JsonNode f : get("/api/v1/features").path("features")) {
            if (f.path("status").asText().equals("archived")) {
                continue;
            }
            features.add(new PatternFile.Feature(
                    f.path("name").asText(),
                    f.path("entity").asText(),
                    f.path("aggregation").asText(),
                    f.hasNonNull("field") ? f.path("field").asText() : null,
                    f.path("window").asText(),
                    f.hasNonNull("filter") ? f.path("filter").asText() : null,
                    f.path("description").asText("").isEmpty()
                            ? null
                            : f.path("description").asText()));
        }
        features.sort(Comparator.comparing(PatternFile.Feature::name));
        return features;
    }

    /** Every list that has entries not expired, its values in order. */
    private List<PatternFile.ValueList> lists() throws VigilUnavailableException, InterruptedException, IOException {
        List<PatternFile.ValueList> lists = new ArrayList<>();
        for (JsonNode summary : get("/api/v1/lists").path("lists")) {
            if (summary.path("active").asLong() == 0) {
                continue;
            }
            String list = summary.path("list").asText();
            String kind = summary.path("kind").asText();
            List<PatternFile.ListValue> values = new ArrayList<>();
            for (int page = 0; ; page++) {
                JsonNode entries =
                        get("/api/v1/lists/" + list + "/" + kind + "/entries?size=" + LIST_PAGE + "&page=" + page);
                for (JsonNode e : entries.path("entries")) {
                    if (!e.path("expired").asBoolean(false)) {
                        values.add(new PatternFile.ListValue(
                                e.path("value").asText(),
                                e.hasNonNull("expiresAt") ? e.path("expiresAt").asText() : null,
                                e.path("reason").asText("").isEmpty()
                                        ? null
                                        : e.path("reason").asText()));
                    }
                }
                if ((long) (page + 1) * LIST_PAGE >= entries.path("total").asLong()) {
                    break;
                }
            }
            values.sort(Comparator.comparing(PatternFile.ListValue::value));
            lists.add(new PatternFile.ValueList(list, kind, values));
        }
        lists.sort(Comparator.comparing(PatternFile.ValueList::list).thenComparing(PatternFile.ValueList::kind));
        return lists;
    }

    private JsonNode get(String path) throws VigilUnavailableException, InterruptedException, IOException {
        HttpResponse<String> answer = VigilClient.await(client.get(path));
        if (answer.statusCode() != 200) {
            throw new IOException(
                    "Vigil answered " + answer.statusCode() + " to GET " + path + VigilClient.detail(answer.body()));
        }
        return VigilClient.parse(answer.body());
    }

    private List<String> publishedIds() throws VigilUnavailableException, InterruptedException, IOException {
        List<String> ids = new ArrayList<>();
        for (int page = 0; ; page++) {
            HttpResponse<String> answer =
                    VigilClient.await(client.get(PATH + "?status=published&size=" + PAGE + "&page=" + page));
            if (answer.statusCode() != 200) {
                throw new IOException("Vigil answered " + answer.statusCode() + " to the list of patterns"
                        + VigilClient.detail(answer.body()));
            }
            JsonNode body = VigilClient.parse(answer.body());
            for (JsonNode summary : body.path("patterns")) {
                ids.add(summary.path("id").asText());
            }
            if ((long) (page + 1) * PAGE >= body.path("total").asLong()) {
                return ids;
            }
        }
    }
}
