package io.vigil.scoring.query;

import io.vigil.patterns.api.FindPatternSetQuery;
import io.vigil.patterns.api.PatternSet;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Scoring's in-memory copy of the compiled pattern set. It is refreshed in the background, never on the decision
 * path once loaded, and kept as it is while the pattern store is unreachable, so decisions go on when CouchDB is down.
 */
@Component
class PatternCatalog {

    private static final Logger log = LoggerFactory.getLogger(PatternCatalog.class);

    private final QueryGateway queries;
    private final PatternCompiler compiler = new PatternCompiler();
    private volatile CompiledPatternSet current;
    private volatile boolean storeDown;

    PatternCatalog(QueryGateway queries) {
        this.queries = queries;
    }

    /** The current set, loading it now if it was never loaded; empty if the store could never be read. */
    Optional<CompiledPatternSet> current() {
        CompiledPatternSet set = current;
        if (set == null) {
            refresh();
            set = current;
        }
        return Optional.ofNullable(set);
    }

    @Scheduled(fixedDelayString = "${vigil.scoring.pattern-refresh:2s}", initialDelay = 0)
    void refresh() {
        try {
            PatternSet set = queries.query(new FindPatternSetQuery(), ResponseTypes.instanceOf(PatternSet.class))
                    .join();
            CompiledPatternSet known = current;
            if (known == null || known.version() != set.version() || storeDown) {
                current = compiler.compile(set);
                log.info(
                        "Scoring with pattern set version {} ({} patterns)",
                        set.version(),
                        current.patterns().size());
            }
            if (storeDown) {
                log.info("Pattern store is reachable again");
                storeDown = false;
            }
        } catch (RuntimeException e) {
            if (!storeDown) {
                log.warn("Pattern store unreachable, scoring goes on with the patterns in memory: {}", e.toString());
                storeDown = true;
            }
        }
    }
}
