package io.vigil.tools.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./vigil bench}: joins the scoring and monitoring benchmarks' figures into one report,
 * {@code target/bench/report.md} and {@code report.json}, each figure beside its target and, where there is one, the
 * baseline measured in the same run on the same machine, as a ratio.
 */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        showDefaultValues = true,
        description = "Joins scoring.json and monitoring.json into report.md and report.json, each figure beside its"
                + " target and its same-run baseline.")
final class BenchReport implements Callable<Integer> {

    @Option(names = "--dir", defaultValue = "target/bench", description = "where the benchmarks wrote their figures")
    private Path dir;

    @Option(
            names = "--peak-rss-kb",
            defaultValue = "-1",
            description = "Vigil's peak resident memory during the runs, in kB (-1: unknown)")
    private long peakRssKb;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final StringBuilder md = new StringBuilder();
    private final ObjectNode out = JSON.createObjectNode();

    @Override
    public Integer call() throws IOException {
        write(dir, peakRssKb);
        return 0;
    }

    private void write(Path dir, long peakRssKb) throws IOException {
        JsonNode scoring = read(dir.resolve("scoring.json"));
        JsonNode monitoring = read(dir.resolve("monitoring.json"));
        out.put("generated_at", Instant.now().toString());
        out.put("cores", Runtime.getRuntime().availableProcessors());
        out.set("scoring", scoring);
        out.set("monitoring", monitoring);
        ObjectNode ratios = out.putObject("ratios");
        md.append("# Vigil benchmark report\n\n")
                .append("Generated ")
                .append(Instant.now())
                .append(" on ")
                .append(Runtime.getRuntime().availableProcessors())
                .append(" cores; Vigil, its stores and the load generator share them.\n\n")
                .append("| Figure | Measured | Baseline (same run) | Ratio | Target | Met |\n")
                .append("| --- | --- | --- | --- | --- | --- |\n");
        if (scoring != null) {
            double sustained = scoring.path("max_sustained_tps").asDouble();
            double pg = scoring.path("baseline_pg_commit_tps").asDouble();
            row("decisions/s at the fixed rate", scoring.path("rate_tps").asDouble(), "", "", "1,000/s", null);
            row(
                    "decision latency p50 / p99 / max at that rate (ms)",
                    scoring.path("p50_ms").asText() + " / "
                            + scoring.path("p99_ms").asText() + " / "
                            + scoring.path("max_ms").asText(),
                    "",
                    "",
                    "p99 ≤ 10 ms",
                    scoring.path("p99_ms").asDouble() <= 10);
            row(
                    "highest rate sustained without errors (decisions/s)",
                    fmt(sustained),
                    fmt(pg) + " PostgreSQL insert+commit/s",
                    ratio(ratios, "sustained_vs_pg_commit", sustained, pg),
                    "≥ 3,000/s",
                    sustained >= 3000);
            double noop = scoring.path("baseline_noop_http_rps").asDouble();
            row("no-op HTTP requests/s (baseline)", fmt(noop), "", "", "", null);
            row("app CPU per decision (ms)", scoring.path("app_cpu_ms_per_tx").asText(), "", "", "", null);
            row(
                    "feature store bytes per entity",
                    scoring.path("bytes_per_entity").asText(),
                    "",
                    "",
                    "≤ 1,024",
                    scoring.path("bytes_per_entity").asDouble() <= 1024);
            row(
                    "scoring generator CPU (% of one core)",
                    scoring.path("generator_cpu_percent_of_one_core").asText(), "", "", "", null);
        } else {
            md.append("| scoring | not run | | | | |\n");
        }
        if (monitoring != null) {
            double events = monitoring.path("events_per_s").asDouble();
            double ch = monitoring.path("baseline_clickhouse_rows_per_s").asDouble();
            row(
                    "operational events/s over the API",
                    fmt(events),
                    fmt(ch) + " raw ClickHouse rows/s",
                    ratio(ratios, "events_vs_clickhouse_insert", events, ch),
                    "≥ 20,000/s",
                    events >= 20_000);
            double projected = monitoring.path("projected_events_per_s").asDouble();
            row(
                    "events/s from first sent to all in the rollups",
                    fmt(projected),
                    fmt(ch) + " raw ClickHouse rows/s",
                    ratio(ratios, "projected_vs_clickhouse_insert", projected, ch),
                    "",
                    null);
            row(
                    "rollup freshness p50 / p99 (ms) at "
                            + fmt(monitoring.path("freshness_load_events_per_s").asDouble()) + " events/s",
                    monitoring.path("rollup_freshness_p50_ms").asText() + " / "
                            + monitoring.path("rollup_freshness_p99_ms").asText(),
                    "",
                    "",
                    "p99 ≤ 1,000 ms",
                    monitoring.path("rollup_freshness_p99_ms").asDouble() <= 1000);
            row(
                    "anomalous minute end → alert event p50 / p99 (ms)",
                    monitoring.path("alert_latency_p50_ms").asText() + " / "
                            + monitoring.path("alert_latency_p99_ms").asText(),
                    "",
                    "",
                    "p99 ≤ 1,000 ms",
                    monitoring.path("alert_latency_p99_ms").asDouble() <= 1000
                            && monitoring.path("alert_latency_p99_ms").asDouble() >= 0);
            row(
                    "anomalous minute end → webhook received p50 / p99 (ms)",
                    monitoring.path("webhook_latency_p50_ms").asText() + " / "
                            + monitoring.path("webhook_latency_p99_ms").asText(),
                    "",
                    "",
                    "p99 ≤ 2,000 ms",
                    monitoring.path("webhook_latency_p99_ms").asDouble() <= 2000
                            && monitoring.path("webhook_latency_p99_ms").asDouble() >= 0);
            row(
                    "one evaluation cycle over "
                            + fmt(monitoring.path("cycle_series").asDouble()) + " series (s)",
                    monitoring.path("cycle_seconds_1m_series").asText(),
                    "",
                    "",
                    "≤ 5 s",
                    monitoring.path("cycle_seconds_1m_series").asDouble() <= 5);
            row(
                    "monitoring generator CPU (s, during "
                            + monitoring.path("ingest_seconds").asText() + " s of ingest)",
                    monitoring.path("generator_cpu_s").asText(),
                    "",
                    "",
                    "",
                    null);
        } else {
            md.append("| monitoring | not run | | | | |\n");
        }
        if (peakRssKb > 0) {
            out.put("app_peak_rss_mb", peakRssKb / 1024);
            row("Vigil's peak resident memory (MB)", fmt(peakRssKb / 1024.0), "", "", "", null);
        }
        md.append("\nFigures and how to read them: docs/benchmarks.md.\n");
        Files.writeString(dir.resolve("report.md"), md.toString());
        Files.writeString(dir.resolve("report.json"), JSON.writeValueAsString(out) + "\n");
        System.out.print(md);
        System.out.println("written to " + dir.resolve("report.md") + " and " + dir.resolve("report.json"));
    }

    private void row(String name, Object measured, String baseline, String ratio, String target, Boolean met) {
        md.append("| ")
                .append(name)
                .append(" | ")
                .append(measured instanceof Double d ? fmt(d) : measured)
                .append(" | ")
                .append(baseline)
                .append(" | ")
                .append(ratio)
                .append(" | ")
                .append(target)
                .append(" | ")
                .append(met == null ? "" : met ? "yes" : "no")
                .append(" |\n");
    }

    private static String ratio(ObjectNode ratios, String key, double value, double baseline) {
        if (!(baseline > 0)) {
            return "";
        }
        double r = value / baseline;
        ratios.put(key, Math.round(r * 1000) / 1000.0);
        return String.format(Locale.ROOT, "%.2f×", r);
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    private static JsonNode read(Path file) throws IOException {
        return Files.isRegularFile(file) ? JSON.readTree(file.toFile()) : null;
    }
}
