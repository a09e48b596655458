package io.vigil.web.transactions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.analytics.api.LinkedEntities;
import java.util.List;
import java.util.Map;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The graph of a transaction's linked entities as the JSON {@code /js/link-graph.js} draws: each entity with its kind,
 * hop and fraud count, and the links between them. The page carries it in a data attribute (the Content-Security-Policy
 * refuses inline scripts).
 */
final class LinkGraph {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Node(String id, String kind, String label, int hop, long transactions, long fraud) {}

    record Edge(String source, String target, int transactions) {}

    record Graph(List<Node> nodes, List<Edge> edges) {}

    /** A row of the table: the entity and the search for its transactions. */
    record Row(LinkedEntities.Entity entity, String search) {}

    private LinkGraph() {}

    static List<Row> rows(LinkedEntities linked) {
        return linked.entities().stream()
                .map(e -> new Row(
                        e,
                        UriComponentsBuilder.fromPath("/transactions")
                                .queryParam(SEARCH_PARAMETERS.getOrDefault(e.kind(), e.kind()), e.value())
                                .encode()
                                .toUriString()))
                .toList();
    }

    private static final Map<String, String> SEARCH_PARAMETERS = Map.of(
            "customer", "customerId", "card", "cardFingerprint", "device", "deviceId", "email", "email", "ip", "ip");

    static String json(LinkedEntities linked) {
        Graph graph = new Graph(
                linked.entities().stream()
                        .map(e ->
                                new Node(e.id(), e.kind(), e.value(), e.hop(), e.transactions(), e.fraudTransactions()))
                        .toList(),
                linked.links().stream()
                        .map(l -> new Edge(l.from(), l.to(), l.transactions()))
                        .toList());
        try {
            return JSON.writeValueAsString(graph);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("records of strings and numbers always serialise", e);
        }
    }
}
