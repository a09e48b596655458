package io.vigil.patterns.query;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.patterns.api.FindPatternQuery;
import io.vigil.patterns.api.InstallDefaultPatternCommand;
import io.vigil.patterns.api.PatternDetails;
import io.vigil.patterns.api.PatternDraft;
import io.vigil.patterns.api.PatternMode;
import io.vigil.patterns.api.PatternStatus;
import io.vigil.patterns.api.PatternSummary;
import io.vigil.patterns.api.PatternVersion;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The patterns Vigil ships with, and the pattern documents nobody published.
 *
 * <p>At every start, before Vigil reports ready, each default pattern that the lifecycle does not know yet is
 * installed through it ({@link InstallDefaultPatternCommand}, sent by the system): it is then listed, exported,
 * versioned and audited like any other, and an analyst changes, switches off or archives it like any other. A
 * default the lifecycle knows is never installed again, whatever became of it. When the pattern store lacks the
 * live version of a published default (a new CouchDB database beside an existing event store), it is written there
 * from the lifecycle. When two Vigils start at once, one installs and the other finds it installed.
 *
 * <p>A pattern document in the store that no published pattern names (written by hand with a CouchDB client) is
 * <em>unmanaged</em>: scoring still uses it as written, so an upgrade never silently drops a rule that protects
 * payments, but it has no history, approval or export. Each one is logged once as a warning and counted in the
 * gauge {@code vigil_patterns_unmanaged} (checked at start and every 10 seconds: one read of the small set document
 * and of the published ids); creating and publishing a pattern of the same id brings it under the
 * lifecycle.
 */
@Component
class DefaultPatterns implements ApplicationRunner {

    /** A pattern Vigil ships with. */
    record Default(String id, PatternDraft draft, PatternMode mode) {}

    static final List<Default> DEFAULTS = List.of(new Default(
            "p-high-amount",
            new PatternDraft(
                    "High amount",
                    "Sends transactions above 1000 in any currency to manual review.",
                    "tx.amount > 1000.0",
                    "review"),
            PatternMode.ACTIVE));

    static final String COMMENT = "a default pattern, installed by Vigil at its first start";

    private static final Logger log = LoggerFactory.getLogger(DefaultPatterns.class);
    private static final Duration PUBLISH_WAIT = Duration.ofSeconds(30);

    private final CommandGateway commands;
    private final PatternDirectory directory;
    private final CouchPatternStore store;
    private final PatternStoreWrites writes;
    private final Set<String> warned = new HashSet<>();
    private volatile int unmanaged;

    DefaultPatterns(
            CommandGateway commands,
            PatternDirectory directory,
            CouchPatternStore store,
            PatternStoreWrites writes,
            MeterRegistry meters) {
        this.commands = commands;
        this.directory = directory;
        this.store = store;
        this.writes = writes;
        Gauge.builder("vigil.patterns.unmanaged", this, self -> self.unmanaged)
                .description("Pattern documents in the pattern store that no published pattern names (written by"
                        + " hand): scored as written, without history, approval or export")
                .register(meters);
    }

    @Override
    public void run(ApplicationArguments args) {
        for (Default pattern : DEFAULTS) {
            try {
                install(pattern);
            } catch (RuntimeException e) {
                // a pattern store that is down must not keep Vigil from starting; the next start tries again
                log.warn("The default pattern {} could not be installed now: {}", pattern.id(), e.toString());
            }
        }
        checkUnmanaged();
    }

    private void install(Default pattern) {
        Optional<PatternDetails> known = directory.handle(new FindPatternQuery(pattern.id()));
        boolean installed = false;
        if (known.isEmpty()) {
            try {
                commands.sendAndWait(
                        new InstallDefaultPatternCommand(pattern.id(), pattern.draft(), pattern.mode(), COMMENT));
                installed = true;
                log.info("First start: installed the default pattern {} through the lifecycle", pattern.id());
            } catch (RuntimeException e) {
                if (directory.handle(new FindPatternQuery(pattern.id())).isEmpty()) {
                    throw e;
                }
                log.info("Another Vigil installed the default pattern {} at the same moment", pattern.id());
            }
            known = directory.handle(new FindPatternQuery(pattern.id()));
        }
        PatternSummary summary = known.orElseThrow().summary();
        if (summary.status() != PatternStatus.PUBLISHED || summary.mode() == PatternMode.OFF) {
            return; // off, archived or never published: nothing of it belongs in scoring
        }
        if (installed && awaitInStore(pattern.id())) {
            return; // the publisher (couchdb-patterns) wrote it
        }
        if (!inStore(pattern.id())) {
            PatternVersion live = known.get().versions().stream()
                    .filter(v -> v.number() == summary.liveVersion())
                    .findFirst()
                    .orElseThrow();
            writes.writePattern(live.definition(pattern.id(), summary.mode()));
            long version = writes.bumpSetVersion();
            log.info(
                    "Pattern store: wrote the live version {} of {} into a store that lacked it, set version {}",
                    live.number(),
                    pattern.id(),
                    version);
        }
    }

    private boolean inStore(String patternId) {
        return store.load().patterns().stream().anyMatch(p -> p.id().equals(patternId));
    }

    private boolean awaitInStore(String patternId) {
        long deadline = System.nanoTime() + PUBLISH_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (inStore(patternId)) {
                return true;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    /** Counts the pattern documents that no published pattern names, warning once about each new one. */
    @Scheduled(fixedDelayString = "PT10S", initialDelayString = "PT10S")
    void checkUnmanaged() {
        List<String> found = new ArrayList<>();
        try {
            store.load();
            Set<String> published = directory.publishedIds();
            for (String id : store.patternDocumentIds()) {
                if (!published.contains(id)) {
                    found.add(id);
                }
            }
        } catch (RuntimeException e) {
            log.debug("Unmanaged patterns not checked: {}", e.toString());
            return;
        }
        unmanaged = found.size();
        synchronized (warned) {
            for (String id : found) {
                if (warned.add(id)) {
                    log.warn(
                            "Pattern document {} in the pattern store was not published through Vigil (written by"
                                    + " hand): scoring uses it as written, but it has no history, approval or"
                                    + " export. Create and publish a pattern with id {} to bring it under the"
                                    + " lifecycle",
                            id,
                            id);
                }
            }
            warned.retainAll(found);
        }
    }
}
