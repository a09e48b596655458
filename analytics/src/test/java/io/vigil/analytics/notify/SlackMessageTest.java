package io.vigil.analytics.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.analytics.notify.AlertNotice.State;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlackMessageTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void showsTheChartAsAnImageBlock() throws Exception {
        JsonNode message = JSON.readTree(SlackMessage.json(Notices.firingRate()));

        JsonNode image = block(message, "image");
        assertThat(image.path("image_url").asText()).isEqualTo(Notices.CHART.toString());
        assertThat(image.path("alt_text").asText())
                .contains("Authorization success rate")
                .contains("merchant=m-42");
    }

    @Test
    void hasATextFallbackThatNamesTheMerchantAndTheNumbers() throws Exception {
        String text = JSON.readTree(SlackMessage.json(Notices.firingRate()))
                .path("text")
                .asText();

        assertThat(text)
                .contains("Firing")
                .contains("merchant=m-42, country=SE")
                .contains("91.2%")
                .contains("97.5%")
                .contains("the same minute yesterday");
    }

    @Test
    void headsTheMessageWithTheStateAndTheMetric() throws Exception {
        JsonNode firing = JSON.readTree(SlackMessage.json(Notices.firingRate()));
        JsonNode resolved =
                JSON.readTree(SlackMessage.json(Notices.rate(State.RESOLVED, Notices.dimensions("merchant", "m-42"))));

        assertThat(block(firing, "header").path("text").path("text").asText())
                .isEqualTo(":rotating_light: Firing: Authorization success rate");
        assertThat(block(resolved, "header").path("text").path("text").asText())
                .isEqualTo(":white_check_mark: Resolved: Authorization success rate");
        assertThat(resolved.path("text").asText()).contains("Resolved").contains("back to normal");
    }

    @Test
    void showsTheNumbersAsFieldsForPeople() throws Exception {
        List<String> fields = fields(JSON.readTree(SlackMessage.json(Notices.firingRate())));

        assertThat(fields)
                .containsExactly(
                        "*Value*\n91.2%",
                        "*Expected (the same minute yesterday)*\n97.5%",
                        "*Change*\n-6.5% (-6.3 pp)",
                        "*p-value*\n3.2e-05",
                        "*Score*\n7.4",
                        "*Minute*\n2025-03-04 14:07 UTC");
    }

    @Test
    void writesCountsWithThousandsSeparatorsAndLeavesOutWhatTheMonitorDidNotCompute() throws Exception {
        JsonNode message = JSON.readTree(SlackMessage.json(Notices.count(12_345, 20_480.4)));

        assertThat(fields(message))
                .containsExactly(
                        "*Value*\n12,345",
                        "*Expected (the same minute last week)*\n20,480",
                        "*Change*\n-39.7%",
                        "*Minute*\n2025-03-04 14:07 UTC");
        assertThat(blocks(message, "image")).as("no chart URL, no image block").isEmpty();
    }

    @Test
    void linksToTheDrillDownPage() throws Exception {
        JsonNode message = JSON.readTree(SlackMessage.json(Notices.firingRate()));

        JsonNode button = block(message, "actions").path("elements").get(0);
        assertThat(button.path("type").asText()).isEqualTo("button");
        assertThat(button.path("url").asText()).isEqualTo(Notices.DETAIL.toString());
        assertThat(block(message, "context")
                        .path("elements")
                        .get(0)
                        .path("text")
                        .asText())
                .contains("<" + Notices.DETAIL + "|drill-down>")
                .contains("Card authorization success");
    }

    @Test
    void escapesSlackMarkupThatComesFromData() throws Exception {
        AlertNotice notice = Notices.rate(State.FIRING, Notices.dimensions("merchant", "<!channel> & co"));

        JsonNode message = JSON.readTree(SlackMessage.json(notice));

        assertThat(message.path("text").asText())
                .contains("&lt;!channel&gt; &amp; co")
                .doesNotContain("<!channel>");
        assertThat(block(message, "section").path("text").path("text").asText())
                .isEqualTo("*merchant* &lt;!channel&gt; &amp; co");
    }

    @Test
    void keepsTheHeaderWithinSlacksLimit() throws Exception {
        AlertNotice notice = new AlertNotice(
                "a-9",
                "m",
                "n",
                State.FIRING,
                Notices.dimensions(),
                "x".repeat(400),
                AlertNotice.Unit.NUMBER,
                1,
                2,
                AlertNotice.Reference.PREVIOUS_MINUTE,
                Double.NaN,
                Double.NaN,
                Notices.firingRate().minute(),
                null,
                null);

        JsonNode message = JSON.readTree(SlackMessage.json(notice));

        assertThat(block(message, "header").path("text").path("text").asText()).hasSize(150);
        assertThat(block(message, "section").path("text").path("text").asText()).isEqualTo("*All traffic*");
        assertThat(blocks(message, "actions")).as("no detail URL, no button").isEmpty();
    }

    private static JsonNode block(JsonNode message, String type) {
        return blocks(message, type).get(0);
    }

    private static List<JsonNode> blocks(JsonNode message, String type) {
        List<JsonNode> found = new ArrayList<>();
        message.path("blocks").forEach(block -> {
            if (block.path("type").asText().equals(type)) {
                found.add(block);
            }
        });
        return found;
    }

    private static List<String> fields(JsonNode message) {
        List<String> fields = new ArrayList<>();
        for (JsonNode section : blocks(message, "section")) {
            section.path("fields")
                    .forEach(field -> fields.add(field.path("text").asText()));
        }
        return fields;
    }
}
