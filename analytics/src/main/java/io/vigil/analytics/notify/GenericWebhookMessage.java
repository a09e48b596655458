package io.vigil.analytics.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Vigil's own webhook JSON: every field of the notice, {@code "kind": "vigil.alert"}, {@code "version": 1}. */
public final class GenericWebhookMessage {

    private static final ObjectMapper JSON = new ObjectMapper();

    private GenericWebhookMessage() {}

    public static String json(AlertNotice n) {
        ObjectNode root = JSON.createObjectNode();
        root.put("kind", "vigil.alert").put("version", 1);
        root.put("alertId", n.alertId()).put("monitorId", n.monitorId()).put("monitorName", n.monitorName());
        root.put("state", n.state());
        ObjectNode series = root.putObject("series");
        n.series().forEach(series::put);
        root.put("metric", n.metricLabel());
        number(root, "value", n.value());
        number(root, "expected", n.expected());
        root.put("reference", n.reference());
        number(root, "pValue", n.pValue());
        number(root, "score", n.score());
        root.put("minute", n.minute().toString());
        root.put("detailUrl", n.detailUrl()).put("chartUrl", n.chartUrl());
        return root.toString();
    }

    private static void number(ObjectNode node, String name, double value) {
        if (Double.isNaN(value)) {
            node.putNull(name);
        } else {
            node.put(name, value);
        }
    }
}
