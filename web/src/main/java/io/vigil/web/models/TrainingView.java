package io.vigil.web.models;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.scoring.api.ModelTrainingStatus;
import io.vigil.scoring.api.TrainedModel;
import io.vigil.scoring.api.TrainingMetrics;
import io.vigil.scoring.api.TrainingMetrics.AtThreshold;
import io.vigil.scoring.api.TrainingMetrics.Evaluation;
import io.vigil.scoring.api.TrainingMetrics.Point;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * A training run as its page shows it: the run, its figures side by side (this run's model, the model live when it
 * trained, the patterns alone) already formatted, and the charts' data as JSON for {@code /js/model-charts.js} (the
 * Content-Security-Policy refuses inline scripts, so the data travels in {@code data-chart} attributes).
 *
 * @param columns the headings of the figures' columns
 * @param rows each figure with one formatted value per column
 * @param roc the ROC chart's JSON; null without curves
 * @param precisionRecall the precision-recall chart's JSON; null without curves
 * @param importance the 20 most important features' chart JSON; null without importance
 * @param trainedOn the training slice's size; null until the run has completed
 */
record TrainingView(
        TrainedModel run,
        String trainedOn,
        boolean running,
        boolean completed,
        List<String> columns,
        List<Row> rows,
        String roc,
        String precisionRecall,
        String importance) {

    static final int TOP_FEATURES = 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One figure and its value per column. */
    record Row(String figure, List<String> values) {}

    static TrainingView of(TrainedModel run) {
        TrainingMetrics m = run.metrics();
        List<String> columns = new ArrayList<>();
        List<Evaluation> evaluations = new ArrayList<>();
        if (m != null) {
            add(columns, evaluations, "This model", m.model());
            add(columns, evaluations, "Model live then", m.live());
            add(columns, evaluations, "Patterns alone", m.patterns());
        }
        List<Row> rows = new ArrayList<>();
        if (!evaluations.isEmpty()) {
            rows.add(row("Held-out transactions", evaluations, e -> Long.toString(e.rows())));
            rows.add(row("of them fraud", evaluations, e -> Long.toString(e.frauds())));
            rows.add(row("AUC", evaluations, e -> ratio(e.auc())));
            rows.add(row("Average precision", evaluations, e -> ratio(e.averagePrecision())));
            threshold(rows, evaluations, "review", Evaluation::review);
            threshold(rows, evaluations, "decline", Evaluation::decline);
        }
        return new TrainingView(
                run,
                m == null ? null : m.trainRows() + " transactions (" + m.trainFrauds() + " fraud)",
                run.status() == ModelTrainingStatus.RUNNING,
                run.status() == ModelTrainingStatus.COMPLETED,
                columns,
                rows,
                curve(columns, evaluations, Evaluation::roc, "False positive rate", "True positive rate", true),
                curve(columns, evaluations, Evaluation::precisionRecall, "Recall", "Precision", false),
                importance(run.importance()));
    }

    private static void add(List<String> columns, List<Evaluation> evaluations, String name, Evaluation e) {
        if (e != null) {
            columns.add(name);
            evaluations.add(e);
        }
    }

    private static void threshold(
            List<Row> rows, List<Evaluation> evaluations, String name, Function<Evaluation, AtThreshold> at) {
        AtThreshold first = at.apply(evaluations.get(0));
        String label = " at " + name + (first == null ? "" : " (" + whole(first.threshold()) + ")");
        rows.add(row("Flagged" + label, evaluations, at, a -> Long.toString(a.flagged())));
        rows.add(row("Precision" + label, evaluations, at, a -> ratio(a.precision())));
        rows.add(row("Recall" + label, evaluations, at, a -> ratio(a.recall())));
        rows.add(row("Money caught" + label, evaluations, at, a -> money(a.amountCaught())));
        rows.add(row("Money wrongly stopped" + label, evaluations, at, a -> money(a.amountWronglyStopped())));
    }

    private static Row row(
            String figure,
            List<Evaluation> evaluations,
            Function<Evaluation, AtThreshold> at,
            Function<AtThreshold, String> value) {
        return row(figure, evaluations, e -> at.apply(e) == null ? "–" : value.apply(at.apply(e)));
    }

    private static Row row(String figure, List<Evaluation> evaluations, Function<Evaluation, String> value) {
        return new Row(figure, evaluations.stream().map(value).toList());
    }

    static String ratio(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.3f", value) : "–";
    }

    private static String money(double value) {
        return String.format(Locale.ROOT, "%,.2f", value);
    }

    private static String whole(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    /** {@code {"kind": "curve", "x": .., "y": .., "diagonal": .., "series": [{"name": .., "points": [[x, y], ..]}]}}. */
    private static String curve(
            List<String> columns,
            List<Evaluation> evaluations,
            Function<Evaluation, List<Point>> points,
            String x,
            String y,
            boolean diagonal) {
        List<Map<String, Object>> series = new ArrayList<>();
        for (int i = 0; i < evaluations.size(); i++) {
            List<Point> curve = points.apply(evaluations.get(i));
            if (curve != null && !curve.isEmpty()) {
                series.add(Map.of(
                        "name",
                        columns.get(i),
                        "points",
                        curve.stream()
                                .map(p -> new double[] {round(p.x()), round(p.y())})
                                .toList()));
            }
        }
        if (series.isEmpty()) {
            return null;
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("kind", "curve");
        chart.put("x", x);
        chart.put("y", y);
        chart.put("diagonal", diagonal);
        chart.put("series", series);
        return write(chart);
    }

    /** {@code {"kind": "bars", "x": "Total gain", "names": [..], "values": [..]}}, largest first. */
    private static String importance(Map<String, Double> importance) {
        if (importance == null || importance.isEmpty()) {
            return null;
        }
        List<String> names = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        importance.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(TOP_FEATURES)
                .forEach(e -> {
                    names.add(e.getKey());
                    values.add(e.getValue());
                });
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("kind", "bars");
        chart.put("x", "Total gain over the trees");
        chart.put("names", names);
        chart.put("values", values);
        return write(chart);
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
