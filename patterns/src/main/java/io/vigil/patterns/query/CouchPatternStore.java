package io.vigil.patterns.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.patterns.api.PatternDefinition;
import io.vigil.patterns.api.PatternMode;
import io.vigil.patterns.api.PatternSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ektorp.CouchDbConnector;
import org.ektorp.UpdateConflictException;
import org.ektorp.ViewQuery;
import org.ektorp.ViewResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Patterns as CouchDB documents: one document per pattern ({@code "type": "pattern"}, id = pattern id) and one
 * {@value #SET_ID} document whose {@code version} changes with every published change. Uses only what Apache CouchDB
 * and pouchdb-server both do the same way: documents with ids we choose and {@code _all_docs}.
 */
@Component
class CouchPatternStore {

    static final String SET_ID = "vigil-pattern-set";
    private static final Logger log = LoggerFactory.getLogger(CouchPatternStore.class);

    private final CouchDbConnector db;
    private final ObjectMapper json = new ObjectMapper();
    private volatile boolean ready;
    private volatile PatternSet cached;

    CouchPatternStore(CouchDbConnector patternDatabase) {
        this.db = patternDatabase;
    }

    /**
     * Reads every pattern that is not off, creating the database and the example pattern on first use. Polling is
     * cheap: one small document is read, and the patterns only when its version changed.
     */
    PatternSet load() {
        ensureReady();
        long version = db.get(ObjectNode.class, SET_ID).path("version").asLong();
        PatternSet known = cached;
        if (known != null && known.version() == version) {
            return known;
        }
        ViewResult all = db.queryView(new ViewQuery().allDocs().includeDocs(true));
        List<PatternDefinition> patterns = new ArrayList<>();
        for (ViewResult.Row row : all.getRows()) {
            JsonNode doc = row.getDocAsNode();
            if (doc == null) {
                continue;
            }
            String type = doc.path("type").asText();
            if (type.equals("pattern-set")) {
                version = doc.path("version").asLong();
            } else if (type.equals("pattern")) {
                PatternDefinition pattern = toPattern(doc);
                if (pattern.mode() != PatternMode.OFF) {
                    patterns.add(pattern);
                }
            }
        }
        cached = new PatternSet(version, patterns);
        return cached;
    }

    private void ensureReady() {
        if (ready) {
            return;
        }
        db.createDatabaseIfNotExists();
        if (!db.contains(SET_ID)) {
            seed();
        }
        ready = true;
    }

    /** The example pattern a new installation starts with, so the first transaction already shows a rule at work. */
    private void seed() {
        ObjectNode pattern = json.createObjectNode()
                .put("type", "pattern")
                .put("name", "High amount")
                .put("description", "Sends transactions above 1000 in any currency to manual review.")
                .put("expression", "tx.amount > 1000.0")
                .put("effect", "review")
                .put("mode", "active")
                .put("version", 1);
        ObjectNode set = json.createObjectNode().put("type", "pattern-set").put("version", 1);
        try {
            if (!db.contains("p-high-amount")) {
                db.create("p-high-amount", pattern);
            }
            db.create(SET_ID, set);
            log.info("Seeded the pattern store with the example pattern p-high-amount");
        } catch (UpdateConflictException alreadySeeded) {
            log.debug("Pattern store was seeded concurrently");
        }
    }

    private static PatternDefinition toPattern(JsonNode doc) {
        return new PatternDefinition(
                doc.path("_id").asText(),
                doc.path("name").asText(),
                doc.path("description").asText(""),
                doc.path("expression").asText(),
                doc.path("effect").asText(),
                parseMode(doc.path("mode").asText("active")),
                doc.path("version").asLong(1));
    }

    private static PatternMode parseMode(String mode) {
        try {
            return PatternMode.valueOf(mode.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return PatternMode.OFF;
        }
    }
}
