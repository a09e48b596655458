package io.vigil.analytics.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.analytics.api.Dimension;
import io.vigil.analytics.api.Direction;
import io.vigil.analytics.api.MetricKind;
import io.vigil.analytics.api.MonitorDefinition;
import io.vigil.analytics.api.Observation;
import io.vigil.analytics.api.Sensitivity;
import io.vigil.analytics.evaluation.SeriesEvaluation.OpenAlert;
import io.vigil.analytics.store.RollupReader.SeriesRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SeriesEvaluationTest {

    private static final MonitorDefinition AUTH_BY_MERCHANT_AND_COUNTRY = new MonitorDefinition(
            "Authorization success",
            "",
            MetricKind.CONVERSION,
            "authorization",
            null,
            List.of(Dimension.MERCHANT, Dimension.COUNTRY),
            Map.of(),
            Direction.DROP,
            Sensitivity.MEDIUM,
            0);

    /** A series with 200 attempts in each compared minute, at these success rates (now, before, yesterday, week). */
    private static SeriesRow row(String merchant, String country, double... rates) {
        long[] successes = new long[4];
        long[] attempts = new long[4];
        for (int k = 0; k < 4; k++) {
            attempts[k] = 200;
            successes[k] = Math.round(200 * rates[k]);
        }
        return new SeriesRow(new String[] {merchant, country}, successes, attempts);
    }

    @Test
    void aDropInOneCountryAlertsOnThatCountryOnly() {
        List<SeriesRow> rows = List.of(
                row("m-1", "SE", 0.40, 0.90, 0.91, 0.90),
                row("m-1", "DE", 0.90, 0.91, 0.90, 0.89),
                row("m-1", "NO", 0.92, 0.90, 0.91, 0.90),
                row("m-2", "SE", 0.88, 0.89, 0.90, 0.88));

        SeriesEvaluation.Result result = new SeriesEvaluation(AUTH_BY_MERCHANT_AND_COUNTRY).evaluate(rows, List.of());

        assertThat(result.anomalies()).hasSize(1);
        assertThat(result.anomalies().get(0).series())
                .containsExactly(Map.entry("merchant", "m-1"), Map.entry("country", "SE"));
        assertThat(result.series()).isEqualTo(4);
    }

    @Test
    void aMerchantDownEverywhereAlertsOnceOnTheMerchant() {
        List<SeriesRow> rows = new ArrayList<>();
        for (String country : List.of("SE", "DE", "NO", "FI")) {
            rows.add(row("m-1", country, 0.10, 0.90, 0.91, 0.90));
        }
        rows.add(row("m-2", "SE", 0.88, 0.89, 0.90, 0.88));

        SeriesEvaluation.Result result = new SeriesEvaluation(AUTH_BY_MERCHANT_AND_COUNTRY).evaluate(rows, List.of());

        assertThat(result.anomalies()).hasSize(1);
        assertThat(result.anomalies().get(0).series()).isEqualTo(Map.of("merchant", "m-1"));
    }

    @Test
    void normalMinutesAndSmallMerchantsRaiseNothing() {
        List<SeriesRow> rows = new ArrayList<>();
        rows.add(row("m-1", "SE", 0.89, 0.91, 0.90, 0.90));
        // a small merchant: 4 attempts now, all failed, against a perfect minute before
        rows.add(new SeriesRow(new String[] {"small", "SE"}, new long[] {0, 3, 2, 0}, new long[] {4, 3, 2, 0}));

        SeriesEvaluation.Result result = new SeriesEvaluation(AUTH_BY_MERCHANT_AND_COUNTRY).evaluate(rows, List.of());

        assertThat(result.anomalies()).isEmpty();
    }

    @Test
    void anOpenAlertRecoversWhenTheSeriesIsBackToYesterdaysLevel() {
        List<SeriesRow> rows = List.of(row("m-1", "SE", 0.90, 0.40, 0.91, 0.90));
        OpenAlert open = new OpenAlert(
                "a-1",
                Map.of("merchant", "m-1", "country", "SE"),
                new Observation(0.40, 0.91, Observation.YESTERDAY, 1e-12, 100, 200));

        SeriesEvaluation.Result result =
                new SeriesEvaluation(AUTH_BY_MERCHANT_AND_COUNTRY).evaluate(rows, List.of(open));

        assertThat(result.anomalies()).isEmpty();
        assertThat(result.recoveries())
                .extracting(SeriesEvaluation.Recovery::alertId)
                .containsExactly("a-1");
    }

    @Test
    void anOpenAlertStaysOpenWhileTheDropLasts() {
        List<SeriesRow> rows = List.of(row("m-1", "SE", 0.40, 0.40, 0.91, 0.90));
        OpenAlert open = new OpenAlert(
                "a-1",
                Map.of("merchant", "m-1", "country", "SE"),
                new Observation(0.40, 0.91, Observation.YESTERDAY, 1e-12, 100, 200));

        SeriesEvaluation.Result result =
                new SeriesEvaluation(AUTH_BY_MERCHANT_AND_COUNTRY).evaluate(rows, List.of(open));

        assertThat(result.recoveries()).isEmpty();
    }
}
