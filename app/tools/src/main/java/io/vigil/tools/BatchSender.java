package io.vigil.tools;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.tools.EventReader.Problem;
import io.vigil.tools.http.VigilClient;
import io.vigil.tools.http.VigilUnavailableException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

/**
 * Sends batches to {@code POST /api/v1/events/batch} through the tools' {@link VigilClient}, which retries every
 * doubtful case (sending a batch again is always safe, as Vigil ignores ids it already stored), and reads Vigil's
 * final answer. A {@code 400} names the bad items by their index in the batch: they are reported as the file's lines
 * and the rest of the batch, which Vigil rejected whole, is sent again without them.
 */
final class BatchSender {

    static final String PATH = "/api/v1/events/batch";

    private final VigilClient client;
    private final ImportTally tally;
    private final BooleanSupplier stopping;

    /** @param stopping true once the import gives up, so that batches still retrying give up too */
    BatchSender(VigilClient client, ImportTally tally, BooleanSupplier stopping) {
        this.client = client;
        this.tally = tally;
        this.stopping = stopping;
    }

    /** Sends the batch until Vigil has accepted all its good events; fails when that cannot happen. */
    void send(EventBatch batch) throws ImportFailure, InterruptedException {
        EventBatch remaining = batch;
        while (remaining.size() > 0) {
            HttpResponse<String> response;
            try {
                response = VigilClient.await(client.post(PATH, remaining.body(), stopping));
            } catch (VigilUnavailableException e) {
                throw new ImportFailure(e.getMessage(), e);
            }
            int status = response.statusCode();
            if (status == 202 || status == 200) {
                accepted(response, remaining.size());
                return;
            }
            if (status == 400) {
                remaining = withoutRejected(remaining, response);
                continue;
            }
            throw refused(response, remaining);
        }
    }

    private void accepted(HttpResponse<String> response, int sent) {
        JsonNode answer = VigilClient.parse(response.body());
        long accepted = number(answer, "accepted", sent);
        long repeats = number(answer, "repeats", 0);
        long recorded = number(answer, "recorded", accepted - repeats);
        tally.batchAccepted(accepted, recorded, repeats);
    }

    /**
     * Reports the items Vigil's problem names as bad lines and returns the rest of the batch, to be sent again. A
     * rejection that names no item of the batch cannot be mapped to lines and stops the import.
     */
    private EventBatch withoutRejected(EventBatch batch, HttpResponse<String> response) throws ImportFailure {
        JsonNode problem = VigilClient.parse(response.body());
        Map<Integer, List<Problem>> byItem = new TreeMap<>();
        JsonNode errors = problem == null ? null : problem.get("errors");
        if (errors != null && errors.isArray()) {
            for (JsonNode error : errors) {
                JsonNode index = error.get("index");
                if (index != null && index.canConvertToInt() && index.asInt() >= 0 && index.asInt() < batch.size()) {
                    byItem.computeIfAbsent(index.asInt(), i -> new ArrayList<>())
                            .add(new Problem(
                                    VigilClient.text(error, "field", ""),
                                    VigilClient.text(error, "message", "rejected by Vigil")));
                }
            }
        }
        if (byItem.isEmpty()) {
            throw new ImportFailure(
                    "Vigil rejected the batch of lines " + batch.line(0) + " to " + batch.line(batch.size() - 1)
                            + " (400) without naming a bad event" + VigilClient.detail(response.body()));
        }
        byItem.forEach((index, problems) -> tally.badLine(batch.line(index), problems));
        return batch.without(byItem.keySet());
    }

    private ImportFailure refused(HttpResponse<String> response, EventBatch batch) {
        int status = response.statusCode();
        String detail = VigilClient.detail(response.body());
        return new ImportFailure(
                switch (status) {
                    case 413 ->
                        "Vigil refused a batch of " + batch.size() + " events (" + batch.bytes()
                                + " bytes) as too large" + detail + "; try a smaller --batch-size";
                    case 404, 405 ->
                        "Vigil at " + client.resolve(PATH) + " answered " + status + ": is --url the address of Vigil?";
                    default -> "Vigil at " + client.resolve(PATH) + " answered " + status + detail;
                });
    }

    private static long number(JsonNode node, String field, long otherwise) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.canConvertToLong() ? value.asLong() : otherwise;
    }
}
