package io.vigil.scoring.query;

import io.vigil.patterns.api.FindPatternSetQuery;
import io.vigil.patterns.api.PatternSet;
import io.vigil.scoring.config.ScoringSettings;
import io.vigil.scoring.decision.CompiledPatternSet;
import io.vigil.scoring.decision.PatternCompiler;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Scoring's in-memory copy of the compiled pattern set. It is refreshed in the background and kept as it is while
 * the pattern store is unreachable, so decisions go on when CouchDB is down. Only before the very first successful
 * load does a decision try the store itself, and then at most once per refresh interval, so a store that is down at
 * start-up costs one slow decision per interval, not every decision.
 */
@Component
class PatternCatalog {

    private static final Logger log = LoggerFactory.getLogger(PatternCatalog.class);

    private final QueryGateway queries;
    private final long refreshNanos;
    private final PatternCompiler compiler = new PatternCompiler();
    private volatile CompiledPatternSet current;
    private volatile boolean storeDown;
    private volatile long lastFailure = System.nanoTime() - Long.MAX_VALUE / 2;

    PatternCatalog(QueryGateway queries, ScoringSettings settings) {
        this.queries = queries;
        this.refreshNanos = settings.patternRefresh().toNanos();
    }

    /** The current set; empty until it could be read once (scoring then answers its fallback decision). */
    Optional<CompiledPatternSet> current() {
        if (current == null && System.nanoTime() - lastFailure >= refreshNanos) {
            loadIfMissing();
        }
        return Optional.ofNullable(current);
    }

    /** Waits for a load already under way (e.g. the one at start-up) rather than failing over beside it. */
    private synchronized void loadIfMissing() {
        if (current == null) {
            refresh();
        }
    }

    @Scheduled(fixedDelayString = "${vigil.scoring.pattern-refresh:2s}", initialDelay = 0)
    synchronized void refresh() {
        try {
            PatternSet set = queries.query(new FindPatternSetQuery(), ResponseTypes.instanceOf(PatternSet.class))
                    .join();
            CompiledPatternSet known = current;
            if (known == null || known.version() != set.version()) {
                current = compiler.compile(set);
                log.info(
                        "Scoring with pattern set version {} ({} patterns, {} rejected)",
                        set.version(),
                        current.patterns().size(),
                        current.rejected().size());
            }
            if (storeDown) {
                log.info("Pattern store is reachable again");
                storeDown = false;
            }
        } catch (RuntimeException e) {
            lastFailure = System.nanoTime();
            if (!storeDown) {
                log.warn("Pattern store unreachable, scoring goes on with the patterns in memory: {}", e.toString());
                storeDown = true;
            }
        }
    }
}
