package io.vigil.analytics.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.analytics.notify.AlertNotice.State;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GenericWebhookMessageTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void hasExactlyTheDocumentedFieldsInTheDocumentedOrder() throws Exception {
        Map<String, Object> document = read(GenericWebhookMessage.json(Notices.firingRate()));

        // The list in docs/notifications.md; changing it is a change of contract.
        assertThat(document.keySet())
                .containsExactly(
                        "kind",
                        "version",
                        "alertId",
                        "state",
                        "monitorId",
                        "monitorName",
                        "metric",
                        "unit",
                        "dimensions",
                        "minute",
                        "value",
                        "expected",
                        "reference",
                        "pValue",
                        "score",
                        "detailUrl",
                        "chartUrl",
                        "summary")
                .containsExactlyElementsOf(GenericWebhookMessage.FIELDS);
    }

    @Test
    void carriesRawValuesIsoTimesAndWireNames() throws Exception {
        Map<String, Object> document = read(GenericWebhookMessage.json(Notices.firingRate()));

        assertThat(document)
                .containsEntry("kind", "vigil.alert")
                .containsEntry("version", 1)
                .containsEntry("alertId", "a-7")
                .containsEntry("state", "firing")
                .containsEntry("monitorId", "auth-rate")
                .containsEntry("monitorName", "Card authorization success")
                .containsEntry("metric", "Authorization success rate")
                .containsEntry("unit", "rate")
                .containsEntry("minute", "2025-03-04T14:07:00Z")
                .containsEntry("value", 0.912)
                .containsEntry("expected", 0.975)
                .containsEntry("reference", "yesterday")
                .containsEntry("pValue", 0.000032)
                .containsEntry("score", 7.43)
                .containsEntry("detailUrl", Notices.DETAIL.toString())
                .containsEntry("chartUrl", Notices.CHART.toString());
        assertThat(document.get("summary").toString()).contains("merchant=m-42, country=SE");
    }

    @Test
    void keepsTheDimensionsInTheMonitorsOrder() throws Exception {
        AlertNotice notice =
                Notices.rate(State.FIRING, Notices.dimensions("merchant", "m-42", "country", "SE", "bin", "4111"));

        Map<String, Object> document = read(GenericWebhookMessage.json(notice));

        @SuppressWarnings("unchecked")
        Map<String, String> dimensions = (Map<String, String>) document.get("dimensions");
        assertThat(dimensions)
                .containsExactly(Map.entry("merchant", "m-42"), Map.entry("country", "SE"), Map.entry("bin", "4111"));
    }

    @Test
    void writesWhatTheMonitorDidNotComputeAsNull() throws Exception {
        Map<String, Object> document = read(GenericWebhookMessage.json(Notices.count(12_345, 20_000)));

        assertThat(document)
                .containsEntry("pValue", null)
                .containsEntry("score", null)
                .containsEntry("chartUrl", null);
        assertThat(document).containsEntry("unit", "count").containsEntry("reference", "last_week");
    }

    @Test
    void readsBackTheNoticeItWasWrittenFrom() {
        AlertNotice firing = Notices.firingRate();
        AlertNotice withoutScores = Notices.count(12_345, 20_000);

        assertThat(GenericWebhookMessage.read(GenericWebhookMessage.json(firing)))
                .isEqualTo(firing);
        assertThat(GenericWebhookMessage.read(GenericWebhookMessage.json(withoutScores)))
                .isEqualTo(withoutScores);
        assertThat(GenericWebhookMessage.read(GenericWebhookMessage.json(firing))
                        .dimensions()
                        .keySet())
                .containsExactly("merchant", "country");
    }

    @Test
    void refusesDocumentsOfAnotherKindOrVersion() {
        assertThatThrownBy(() -> GenericWebhookMessage.read("{\"kind\":\"vigil.alert\",\"version\":2}"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GenericWebhookMessage.read("{\"kind\":\"other\",\"version\":1}"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GenericWebhookMessage.read("{\"kind\":\"vigil.alert\",\"version\":1}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("incomplete");
        assertThatThrownBy(() -> GenericWebhookMessage.read("not json")).isInstanceOf(IllegalArgumentException.class);
    }

    private static Map<String, Object> read(String json) throws Exception {
        return JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {});
    }
}
