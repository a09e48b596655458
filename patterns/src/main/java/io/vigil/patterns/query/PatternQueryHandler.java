package io.vigil.patterns.query;

import io.vigil.patterns.api.FindPatternSetQuery;
import io.vigil.patterns.api.PatternSet;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** Answers reads of the published pattern set from CouchDB. */
@Component
class PatternQueryHandler {

    private final CouchPatternStore store;

    PatternQueryHandler(CouchPatternStore store) {
        this.store = store;
    }

    @QueryHandler
    PatternSet handle(FindPatternSetQuery query) {
        return store.load();
    }
}
