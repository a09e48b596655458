package io.vigil.analytics.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.analytics.api.Dimension;
import io.vigil.analytics.api.Direction;
import io.vigil.analytics.api.HistoryPlan;
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

    private static final HistoryPlan PLAN = new SeriesEvaluation(AUTH_BY_MERCHANT_AND_COUNTRY).plan();

    /**
     * A series with 200 attempts in every minute its detector reads: at the {@code usual} success rate in its history
     * (a little noise around it), and at the rates {@code latest} in the latest minutes (now first, then the minutes
     * before); the other persistence minutes are usual.
     */
    private static SeriesRow row(String merchant, String country, double usual, double... latest) {
        return row(merchant, country, 200, usual, latest);
    }

    private static SeriesRow row(String merchant, String country, long perMinute, double usual, double... latest) {
        int size = PLAN.size();
        long[] successes = new long[size];
        long[] attempts = new long[size];
        for (int k = 0; k < size; k++) {
            double rate = k < latest.length ? latest[k] : usual + (k % 3 - 1) * 0.01;
            attempts[k] = perMinute;
            successes[k] = Math.round(perMinute * Math.min(1, rate));
        }
        return new SeriesRow(new String[] {merchant, country}, successes, attempts);
    }

    @Test
    void aDropInOneCountryAlertsOnThatCountryOnly() {
        List<SeriesRow> rows = List.of(
                row("m-1", "SE", 0.90, 0.40, 0.40, 0.40),
                row("m-1", "DE", 0.90, 0.90, 0.89),
                row("m-1", "NO", 0.90, 0.92, 0.90),
                row("m-2", "SE", 0.88, 0.88, 0.89));

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
            rows.add(row("m-1", country, 0.90, 0.10, 0.10, 0.10));
        }
        rows.add(row("m-2", "SE", 0.88, 0.88, 0.89));

        SeriesEvaluation.Result result = new SeriesEvaluation(AUTH_BY_MERCHANT_AND_COUNTRY).evaluate(rows, List.of());

        assertThat(result.anomalies()).hasSize(1);
        assertThat(result.anomalies().get(0).series()).isEqualTo(Map.of("merchant", "m-1"));
    }

    @Test
    void normalMinutesAndSmallMerchantsRaiseNothing() {
        List<SeriesRow> rows = new ArrayList<>();
        rows.add(row("m-1", "SE", 0.90, 0.89, 0.91, 0.90));
        // a small merchant: 4 attempts a minute; now all failed, against a perfect minute before
        rows.add(row("small", "SE", 4, 0.75, 0, 1));

        SeriesEvaluation.Result result = new SeriesEvaluation(AUTH_BY_MERCHANT_AND_COUNTRY).evaluate(rows, List.of());

        assertThat(result.anomalies()).isEmpty();
    }

    @Test
    void anOpenAlertRecoversWhenTheSeriesIsBackToItsUsualLevel() {
        List<SeriesRow> rows = List.of(row("m-1", "SE", 0.90, 0.90, 0.91, 0.89));
        OpenAlert open = new OpenAlert(
                "a-1",
                Map.of("merchant", "m-1", "country", "SE"),
                new Observation(0.40, 0.90, Observation.BASELINE, 1e-12, 100, 200));

        SeriesEvaluation.Result result =
                new SeriesEvaluation(AUTH_BY_MERCHANT_AND_COUNTRY).evaluate(rows, List.of(open));

        assertThat(result.anomalies()).isEmpty();
        assertThat(result.recoveries())
                .extracting(SeriesEvaluation.Recovery::alertId)
                .containsExactly("a-1");
    }

    @Test
    void anOpenAlertStaysOpenWhileTheDropLasts() {
        List<SeriesRow> rows = List.of(row("m-1", "SE", 0.90, 0.40, 0.40, 0.40));
        OpenAlert open = new OpenAlert(
                "a-1",
                Map.of("merchant", "m-1", "country", "SE"),
                new Observation(0.40, 0.90, Observation.BASELINE, 1e-12, 100, 200));

        SeriesEvaluation.Result result =
                new SeriesEvaluation(AUTH_BY_MERCHANT_AND_COUNTRY).evaluate(rows, List.of(open));

        assertThat(result.recoveries()).isEmpty();
    }

    @Test
    void oneNormalMinuteInTheMiddleOfAnOutageDoesNotEndIt() {
        List<SeriesRow> rows = List.of(row("m-1", "SE", 0.90, 0.90, 0.40, 0.40));
        OpenAlert open = new OpenAlert(
                "a-1",
                Map.of("merchant", "m-1", "country", "SE"),
                new Observation(0.40, 0.90, Observation.BASELINE, 1e-12, 100, 200));

        SeriesEvaluation.Result result =
                new SeriesEvaluation(AUTH_BY_MERCHANT_AND_COUNTRY).evaluate(rows, List.of(open));

        assertThat(result.recoveries())
                .as("the outage flaps; it is still one incident")
                .isEmpty();
    }

    @Test
    void aSeriesThatStoppedIsJudgedAgainstItsHistory() {
        // no attempts at all in the last three minutes: the rows still hold the series for its history
        List<SeriesRow> rows = List.of(row("m-1", "SE", 0.90), row("m-2", "SE", 0.90));
        SeriesRow stopped = rows.get(1);
        for (int k = 0; k < PLAN.persistence(); k++) {
            stopped.attempts()[k] = 0;
            stopped.successes()[k] = 0;
        }
        MonitorDefinition volume = new MonitorDefinition(
                "Authorizations",
                "",
                MetricKind.COUNT,
                "authorization",
                null,
                List.of(Dimension.MERCHANT, Dimension.COUNTRY),
                Map.of(),
                Direction.DROP,
                Sensitivity.MEDIUM,
                0);

        SeriesEvaluation.Result result = new SeriesEvaluation(volume).evaluate(rows, List.of());

        assertThat(result.anomalies()).hasSize(1);
        assertThat(result.anomalies().get(0).series()).containsEntry("merchant", "m-2");
        assertThat(result.anomalies().get(0).observation().reference()).isEqualTo(Observation.BASELINE);
    }

    @Test
    void pastIncidentsAreLeftOutOfTheBaseline() {
        // the same minute one and two weeks ago were outages at the level of today's drop
        SeriesRow row = row("m-1", "SE", 0.90, 0.40, 0.40, 0.40);
        long minute = 1_795_000_000L / 60 * 60;
        for (int day : new int[] {3, 4}) { // days 7 and 14 of the plan
            for (int k = PLAN.dayStart(day); k < PLAN.dayStart(day) + PLAN.window(); k++) {
                row.successes()[k] = Math.round(200 * 0.40);
            }
        }
        SeriesEvaluation evaluation = new SeriesEvaluation(AUTH_BY_MERCHANT_AND_COUNTRY);
        List<PastIncidents.Incident> past = new ArrayList<>();
        for (int days : new int[] {7, 14}) {
            long from = minute - days * 86_400L - 600;
            past.add(new PastIncidents.Incident(Map.of("merchant", "m-1"), from, from + 1_200));
        }

        assertThat(evaluation.evaluate(List.of(row), List.of()).anomalies())
                .as("with two outages in four weeks, an outage looks usual")
                .isEmpty();
        assertThat(evaluation
                        .evaluate(List.of(row), List.of(), new PastIncidents(past), minute)
                        .anomalies())
                .as("the merchant's past incidents left out, today's drop stands out")
                .hasSize(1);
        assertThat(row.attempts()[PLAN.dayStart(3)])
                .as("the row read is not changed")
                .isEqualTo(200);
    }
}
