package io.vigil.analytics.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A Slack incoming-webhook message: a text fallback and blocks with the numbers, the chart and a link. */
public final class SlackMessage {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SlackMessage() {}

    public static String json(AlertNotice n) {
        boolean firing = n.state().equals("firing");
        String headline = (firing ? ":rotating_light: " : ":white_check_mark: ") + n.monitorName() + " — "
                + n.seriesLabel() + (firing ? "" : " recovered");
        ObjectNode root = JSON.createObjectNode();
        root.put(
                "text",
                headline + ": " + n.metricLabel() + " " + n.format(n.value()) + ", expected " + n.format(n.expected()));
        ArrayNode blocks = root.putArray("blocks");
        ObjectNode header = blocks.addObject().put("type", "header");
        header.putObject("text").put("type", "plain_text").put("text", truncate(headline, 150));
        ObjectNode section = blocks.addObject().put("type", "section");
        ArrayNode fields = section.putArray("fields");
        field(fields, "Metric", n.metricLabel());
        field(fields, "Series", n.seriesLabel());
        field(fields, "Now", n.format(n.value()));
        field(
                fields,
                "Expected ("
                        + (n.reference() == null ? "baseline" : n.reference().replace('_', ' ')) + ")",
                n.format(n.expected()));
        field(fields, "Change", change(n));
        field(fields, "Minute (UTC)", n.minute().toString());
        ObjectNode image = blocks.addObject().put("type", "image");
        image.put("image_url", n.chartUrl());
        image.put("alt_text", n.metricLabel() + " for " + n.seriesLabel() + ": today, yesterday and last week");
        ObjectNode actions = blocks.addObject().put("type", "actions");
        ObjectNode button = actions.putArray("elements").addObject().put("type", "button");
        button.putObject("text").put("type", "plain_text").put("text", "Open in Vigil");
        button.put("url", n.detailUrl());
        return root.toString();
    }

    private static void field(ArrayNode fields, String name, String value) {
        fields.addObject().put("type", "mrkdwn").put("text", "*" + name + "*\n" + value);
    }

    private static String change(AlertNotice n) {
        if (Double.isNaN(n.value()) || Double.isNaN(n.expected()) || n.expected() == 0) {
            return "n/a";
        }
        return String.format(java.util.Locale.ROOT, "%+.1f%%", (n.value() - n.expected()) / n.expected() * 100);
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
