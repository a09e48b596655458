package io.vigil.analytics.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.analytics.notify.AlertNotice.State;

/**
 * An alert as a Slack incoming-webhook message (Block Kit): a header saying what fired, the series, the numbers as
 * fields, the chart as an image and a button to the drill-down page, plus a one-sentence {@code text} that Slack uses
 * for the notification and for clients that cannot show blocks.
 *
 * <p>Why blocks rather than a plain text line: the person on call decides from the phone notification and the
 * picture whether to get up, so the numbers, the comparison and the chart belong in the message itself. The image
 * block is left out when the notice has no chart URL, because Slack rejects the whole message when it cannot fetch an
 * image.
 *
 * <p>Text that comes from data (series values, monitor names) is escaped for Slack's {@code mrkdwn}, and every
 * element is kept within Slack's length limits, so that an odd merchant id cannot make Slack refuse the alert.
 */
public final class SlackMessage {

    private static final ObjectMapper JSON = new ObjectMapper();

    // Slack's limits, in characters
    private static final int HEADER_MAX = 150;
    private static final int SECTION_MAX = 3000;
    private static final int FIELD_MAX = 2000;
    private static final int ALT_TEXT_MAX = 2000;
    private static final int TEXT_MAX = 3000;

    private SlackMessage() {}

    /** The message as the JSON body of a POST to a Slack incoming webhook. */
    public static String json(AlertNotice notice) {
        boolean firing = notice.state() == State.FIRING;
        ObjectNode message = JSON.createObjectNode();
        message.put(
                "text",
                cut(
                        (firing ? ":rotating_light: " : ":white_check_mark: ") + escape(HumanFormat.summary(notice)),
                        TEXT_MAX));
        ArrayNode blocks = message.putArray("blocks");

        ObjectNode header = blocks.addObject().put("type", "header");
        header.putObject("text")
                .put("type", "plain_text")
                .put(
                        "text",
                        cut(
                                (firing ? ":rotating_light: Firing: " : ":white_check_mark: Resolved: ")
                                        + notice.metric(),
                                HEADER_MAX))
                .put("emoji", true);

        blocks.addObject().put("type", "section").set("text", mrkdwn(cut(seriesLine(notice), SECTION_MAX)));

        ArrayNode fields = blocks.addObject().put("type", "section").putArray("fields");
        fields.add(field(firing ? "Value" : "Value now", HumanFormat.value(notice.value(), notice.unit())));
        if (Double.isFinite(notice.expected())) {
            fields.add(field(
                    "Expected (" + notice.reference().phrase() + ")",
                    HumanFormat.value(notice.expected(), notice.unit())));
            String change = HumanFormat.change(notice.value(), notice.expected(), notice.unit());
            if (change != null) {
                fields.add(field("Change", change));
            }
        }
        if (Double.isFinite(notice.pValue())) {
            fields.add(field("p-value", HumanFormat.pValue(notice.pValue())));
        }
        if (Double.isFinite(notice.score())) {
            fields.add(field("Score", HumanFormat.score(notice.score())));
        }
        fields.add(field("Minute", HumanFormat.minute(notice.minute())));

        if (notice.chartUrl() != null) {
            ObjectNode image = blocks.addObject().put("type", "image");
            image.put("image_url", notice.chartUrl().toString());
            image.put(
                    "alt_text",
                    cut(
                            notice.metric() + " for " + notice.series()
                                    + ", per minute: today, yesterday and last week",
                            ALT_TEXT_MAX));
            image.putObject("title").put("type", "plain_text").put("text", "Today, yesterday and last week (UTC)");
        }

        if (notice.detailUrl() != null) {
            ObjectNode button = blocks.addObject()
                    .put("type", "actions")
                    .putArray("elements")
                    .addObject()
                    .put("type", "button")
                    .put("action_id", "vigil-open-alert")
                    .put("url", notice.detailUrl().toString());
            button.putObject("text").put("type", "plain_text").put("text", "Open in Vigil");
        }

        StringBuilder context = new StringBuilder("Vigil · monitor ").append(escape(notice.monitorName()));
        context.append(" · alert ").append(escape(notice.alertId()));
        if (notice.detailUrl() != null) {
            // The same link as the button, for clients that do not show buttons.
            context.append(" · <").append(notice.detailUrl()).append("|drill-down>");
        }
        blocks.addObject().put("type", "context").putArray("elements").add(mrkdwn(cut(context.toString(), TEXT_MAX)));

        try {
            return JSON.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    /** {@code *merchant* m-42 · *country* SE}. */
    private static String seriesLine(AlertNotice notice) {
        if (notice.dimensions().isEmpty()) {
            return "*All traffic*";
        }
        StringBuilder line = new StringBuilder();
        notice.dimensions().forEach((name, value) -> {
            if (!line.isEmpty()) {
                line.append("  ·  ");
            }
            line.append('*').append(escape(name)).append("* ").append(escape(value));
        });
        return line.toString();
    }

    private static ObjectNode field(String label, String value) {
        return mrkdwn(cut("*" + escape(label) + "*\n" + escape(value), FIELD_MAX));
    }

    private static ObjectNode mrkdwn(String text) {
        return JSON.createObjectNode().put("type", "mrkdwn").put("text", text);
    }

    /** The three characters Slack reads as markup in {@code mrkdwn} text; the rest is shown as it is. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
