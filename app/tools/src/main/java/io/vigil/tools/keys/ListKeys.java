package io.vigil.tools.keys;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.tools.Terminal;
import io.vigil.tools.http.VigilClient;
import io.vigil.tools.http.VigilUnavailableException;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code api-key list}: Vigil's keys as a table, without their secrets, which Vigil does not keep. */
@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = {
            "Lists Vigil's API keys (GET /api/v1/api-keys) as a table: id (to revoke it), name, prefix (the start of"
                    + " the key, to tell keys apart), scopes, rate limit, when it was created and last used, and"
                    + " whether it is revoked. The keys themselves are not shown: Vigil keeps only their hashes."
        },
        footer = {
            "",
            "Exit status: 0 listed; 1 Vigil said no; 2 usage error, or Vigil unreachable; 3 Vigil refused the API key,"
                    + " or it lacks the admin scope."
        })
final class ListKeys extends KeyAction {

    private static final List<String> HEADINGS =
            List.of("KEY ID", "NAME", "PREFIX", "SCOPES", "RATE LIMIT", "CREATED", "LAST USED", "STATUS");

    ListKeys(Terminal terminal) {
        super(terminal);
    }

    @Override
    int run(VigilClient client) throws VigilUnavailableException, InterruptedException {
        HttpResponse<String> answer = VigilClient.await(client.get(PATH));
        if (answer.statusCode() != 200) {
            return saidNo("GET " + PATH, answer);
        }
        JsonNode list = VigilClient.parse(answer.body());
        JsonNode keys = list != null && list.isObject() ? list.get("keys") : list;
        if (keys == null || !keys.isArray()) {
            say("Vigil answered 200 with no list of keys" + VigilClient.detail(answer.body()));
            return VIGIL_SAID_NO;
        }
        if (keys.isEmpty()) {
            say("Vigil has no API keys; ./vigil api-key create NAME makes one");
            return 0;
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADINGS);
        for (JsonNode key : keys) {
            rows.add(List.of(
                    VigilClient.text(key, "keyId", "?"),
                    VigilClient.text(key, "name", ""),
                    VigilClient.text(key, "prefix", ""),
                    scopesOf(key),
                    rateOf(key),
                    time(key, "createdAt", "-"),
                    time(key, "lastUsedAt", "never"),
                    key.hasNonNull("revokedAt") ? "revoked " + time(key, "revokedAt", "") : "active"));
        }
        print(rows, terminal.out());
        return 0;
    }

    /** Columns as wide as their widest cell, two spaces apart; the last one as it is. */
    static void print(List<List<String>> rows, PrintStream out) {
        int columns = rows.get(0).size();
        int[] widths = new int[columns];
        for (List<String> row : rows) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                String cell = row.get(c);
                line.append(cell);
                if (c < columns - 1) {
                    line.append(" ".repeat(widths[c] - cell.length() + 2));
                }
            }
            out.println(line);
        }
        out.flush();
    }

    /** An instant to the second ({@code 2026-11-24T10:15:30Z}), as Vigil gave it if it is not one, or the default. */
    private static String time(JsonNode key, String field, String otherwise) {
        String value = VigilClient.text(key, field, "");
        if (value.isEmpty()) {
            return otherwise;
        }
        try {
            return Instant.parse(value).truncatedTo(ChronoUnit.SECONDS).toString();
        } catch (DateTimeParseException notAnInstant) {
            return value;
        }
    }
}
