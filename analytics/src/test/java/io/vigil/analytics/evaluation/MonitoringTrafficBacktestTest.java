package io.vigil.analytics.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.analytics.api.MonitorDefinition;
import io.vigil.analytics.store.RollupReader.SeriesRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * MonitoringIT's traffic replayed through the backtest's own history and evaluation, without servers: two days of
 * three merchants in three countries with a daily cycle and four small merchants, and one collapsed minute. Only that
 * minute may be flagged.
 */
class MonitoringTrafficBacktestTest {

    private static final String[] COUNTRIES = {"SE", "DE", "NO"};
    private static final double[] COUNTRY_SHARE = {1.0, 0.6, 0.3};
    private static final long START = 1_700_000_000L / 60 * 60;
    private static final int MINUTES = 2 * 24 * 60;

    @Test
    void onlyTheCollapsedMinuteIsFlagged() {
        // conversion of authorizations by merchant and country, drop, medium: the monitor MonitoringIT creates
        MonitorDefinition monitor = SeriesEvaluationTest.AUTH_BY_MERCHANT_AND_COUNTRY;
        SeriesEvaluation evaluation = new SeriesEvaluation(monitor);
        long end = START + 60L * MINUTES;
        BacktestHistory history =
                new BacktestHistory(START - 40L * 86_400, end, evaluation.offsets(), 10_000, 100_000_000);
        int incident = MINUTES - 10;
        Random random = new Random(7);
        for (int minute = 0; minute < MINUTES; minute++) {
            double hours = (minute - incident) / 60.0;
            double cycle = 0.55 + 0.45 * Math.cos(2 * Math.PI * hours / 24);
            for (int m = 1; m <= 3; m++) {
                for (int c = 0; c < COUNTRIES.length; c++) {
                    long events = poisson(random, 80 * COUNTRY_SHARE[c] * cycle * (1.2 - 0.2 * m));
                    double success = minute == incident && m == 1 && c == 0 ? 0.35 : 0.88 + 0.02 * m;
                    long successes = 0;
                    for (long i = 0; i < events; i++) {
                        successes += random.nextDouble() < success ? 1 : 0;
                    }
                    if (events > 0) {
                        history.add("m-" + m + "\u0001" + COUNTRIES[c], START + 60L * minute, successes, events);
                    }
                }
            }
            for (int s = 1; s <= 4; s++) {
                long events = poisson(random, 2);
                long successes = 0;
                for (long i = 0; i < events; i++) {
                    successes += random.nextDouble() < 0.7 ? 1 : 0;
                }
                if (events > 0) {
                    history.add("small-" + s + "\u0001SE", START + 60L * minute, successes, events);
                }
            }
        }
        history.seal();
        List<String> flagged = new ArrayList<>();
        for (int minute = 0; minute < MINUTES; minute++) {
            List<SeriesRow> rows = history.rowsAt(START + 60L * minute);
            for (SeriesEvaluation.Anomaly a :
                    evaluation.evaluate(rows, List.of()).anomalies()) {
                flagged.add(a.series() + "@" + minute + " " + a.observation());
            }
        }
        assertThat(flagged).hasSize(1);
        assertThat(flagged.get(0)).startsWith("{merchant=m-1, country=SE}@" + incident);
    }

    private static long poisson(Random random, double mean) {
        double limit = Math.exp(-mean);
        double p = 1;
        long k = 0;
        do {
            k++;
            p *= random.nextDouble();
        } while (p > limit);
        return k - 1;
    }
}
