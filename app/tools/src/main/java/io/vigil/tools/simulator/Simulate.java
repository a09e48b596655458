package io.vigil.tools.simulator;

import io.vigil.tools.VigilTools;
import io.vigil.tools.http.VigilClient;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ./vigil simulate}: generates a run of simulated traffic, writes its manifest, and sends it to a running
 * Vigil. Its command line is {@link SimulateCommand}.
 *
 * <p>The stream is generated twice: once to write the manifest and its SHA-256 before anything is sent, so the
 * manifest is there even if the run is stopped half-way, and once while sending. Generating is cheap next to sending,
 * and the second pass needs no memory for the first one's items.
 */
final class Simulate {

    private Simulate() {}

    /**
     * Runs the simulation the options describe; returns the exit status: 0 done, 1 some requests failed, 3 Vigil
     * refused the API key or its scope.
     */
    static int run(SimulateOptions options, PrintStream out, PrintStream err, Instant now) {
        SimulationConfig config = options.config();
        if (config.end().isAfter(now.plus(Duration.ofHours(24))) && !options.dryRun()) {
            err.println("simulate: warning: the run reaches " + config.end() + ", more than 24 h from now; Vigil"
                    + " rejects transactions that far in the future");
        }
        try {
            long started = System.nanoTime();
            TrafficGenerator plan = new TrafficGenerator(config);
            StreamDigest digest = new StreamDigest();
            plan.forEach(digest::add);
            String sha = digest.hex();
            Manifest manifest = plan.manifest().withStreamSha256(sha);
            manifest.write(options.manifest());
            describe(err, manifest, options.manifest(), (System.nanoTime() - started) / 1e9);
            if (options.dryRun()) {
                Manifest.Counts c = manifest.counts();
                out.printf(
                        Locale.ROOT,
                        "transactions %d%nevents %d%noutcomes %d%nfraud_cases %d%nfraud_transactions %d%n"
                                + "incidents %d%nsha256 %s%n",
                        c.transactions(),
                        c.events(),
                        c.outcomes(),
                        c.fraudCases(),
                        c.fraudTransactions(),
                        manifest.incidents().size(),
                        sha);
                return 0;
            }
            return send(options, config, err);
        } catch (IOException e) {
            err.println("simulate: cannot write the manifest to " + options.manifest() + ": " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("simulate: interrupted");
            return 1;
        }
    }

    private static int send(SimulateOptions options, SimulationConfig config, PrintStream err)
            throws InterruptedException {
        if (!new VigilClient(options.url(), options.apiKey(), "vigil-simulate").ready()) {
            err.println(
                    "simulate: Vigil at " + options.url() + " is not ready (" + options.url()
                            + "/actuator/health/readiness is not UP); start it with ./vigil up, or give its address with --url");
            return 1;
        }
        TrafficSender.Options senderOptions = TrafficSender.Options.defaults(options.url(), options.apiKey())
                .withBackfill(options.backfill())
                .withSpeed(options.speed())
                .withMaxInFlight(options.concurrency())
                .withTransactions(options.transactions())
                .withEvents(options.events());
        err.printf(
                Locale.ROOT,
                "simulate: sending to %s, %s%n",
                options.url(),
                options.backfill()
                        ? "as fast as it takes it (backfill)"
                        : "paced by event time" + (options.speed() == 1 ? "" : " at " + options.speed() + "x"));
        TrafficSender sender = new TrafficSender(senderOptions, err);
        TrafficSender.Report report;
        try {
            report = sender.send(new TrafficGenerator(config).iterator(), config.from());
        } finally {
            sender.close();
        }
        double seconds = Math.max(0.001, report.elapsed().toMillis() / 1000.0);
        long items = report.transactionsSent() + report.eventsSent() + report.outcomesSent();
        err.printf(
                Locale.ROOT,
                "simulate: done in %.1f s: %,d transactions, %,d events, %,d outcomes (%,.0f items/s)%n"
                        + "simulate: %,d requests: %,d 2xx, %,d 4xx, %,d 5xx, %,d without answer, %,d retries%n",
                seconds,
                report.transactionsSent(),
                report.eventsSent(),
                report.outcomesSent(),
                items / seconds,
                report.requests(),
                report.ok(),
                report.clientErrors(),
                report.serverErrors(),
                report.noAnswer(),
                report.retries());
        if (!report.decisions().isEmpty()) {
            StringBuilder b = new StringBuilder("simulate: decisions:");
            for (Map.Entry<String, Long> e : report.decisions().entrySet()) {
                b.append(String.format(Locale.ROOT, " %s %,d", e.getKey(), e.getValue()));
            }
            err.println(b);
        }
        if (report.eventsUnsupported()) {
            err.println("simulate: operational events were not sent: this Vigil has no /api/v1/events/batch");
        }
        if (report.refusal() != null) {
            err.println("simulate: stopped: " + report.refusal().getMessage());
            return VigilTools.REFUSED;
        }
        return report.failed() == 0 ? 0 : 1;
    }

    private static void describe(PrintStream err, Manifest manifest, Path file, double seconds) {
        Manifest.Counts c = manifest.counts();
        Manifest.Settings s = manifest.config();
        err.printf(
                Locale.ROOT,
                "simulate: seed %d, %s to %s, %d merchants, peak %.1f tx/s: %,d transactions, %,d events, "
                        + "%,d outcomes (generated in %.1f s)%n",
                s.seed(),
                s.from(),
                s.end(),
                s.merchants(),
                s.peakRate(),
                c.transactions(),
                c.events(),
                c.outcomes(),
                seconds);
        err.printf(
                Locale.ROOT,
                "simulate: %d fraud cases (%s), %,d fraud transactions (%.2f%%), %d incident(s)%n",
                c.fraudCases(),
                c.fraudCasesByTypology(),
                c.fraudTransactions(),
                100 * c.fraudShare(),
                manifest.incidents().size());
        for (Manifest.Incident i : manifest.incidents()) {
            err.printf(
                    Locale.ROOT,
                    "simulate:   %s: %s %s=%s from %s to %s, authorization success %.0f%% instead of %.0f%%%n",
                    i.id(),
                    i.merchantId(),
                    i.dimension(),
                    i.value(),
                    i.start(),
                    i.end(),
                    100 * i.injectedSuccessRate(),
                    100 * i.expectedSuccessRate());
        }
        err.println("simulate: manifest written to " + file);
    }
}
