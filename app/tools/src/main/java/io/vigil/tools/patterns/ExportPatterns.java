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

/** {@code patterns export}: every published pattern's live version and mode, as one file. */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = {
            "Writes every published pattern (its live version and mode) as one JSON file, to standard output or"
                    + " --out. Drafts and archived patterns are left out: the file is what scores now."
        })
final class ExportPatterns extends PatternAction {

    private static final int PAGE = 200;

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
        String file = new PatternFile(entries).write();
        if (out == null) {
            terminal.out().print(file);
        } else {
            Files.writeString(out, file);
        }
        say("exported " + entries.size() + (entries.size() == 1 ? " pattern" : " patterns")
                + (out == null ? "" : " to " + out));
        return 0;
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
