package io.vigil.patterns.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.patterns.api.ListEntry;
import io.vigil.patterns.api.PatternDefinition;
import java.util.Locale;
import org.ektorp.CouchDbConnector;
import org.ektorp.DocumentNotFoundException;
import org.ektorp.UpdateConflictException;
import org.springframework.stereotype.Component;

/**
 * Writes what the patterns module publishes into the pattern store, in the document shapes {@link CouchPatternStore}
 * reads: one document per pattern, one per list entry, and the {@value CouchPatternStore#SET_ID} document whose
 * version tells every scoring node that the set changed. Writers call {@link #bumpSetVersion()} once after a change
 * of one or more documents, so a node never reloads half a change. Uses only the CouchDB document API (Apache CouchDB
 * and pouchdb-server alike): a write carries the current revision, and a conflict is retried on a fresh read.
 */
@Component
public class PatternStoreWrites {

    private static final int ATTEMPTS = 5;

    private final CouchDbConnector db;
    private final ObjectMapper json = new ObjectMapper();

    PatternStoreWrites(CouchDbConnector patternDatabase) {
        this.db = patternDatabase;
    }

    /** Writes a pattern document (mode {@code off} keeps it stored but out of scoring). */
    public void writePattern(PatternDefinition pattern) {
        ObjectNode doc = json.createObjectNode()
                .put("type", "pattern")
                .put("name", pattern.name())
                .put("description", pattern.description())
                .put("expression", pattern.expression())
                .put("effect", pattern.effect())
                .put("mode", pattern.mode().name().toLowerCase(Locale.ROOT))
                .put("version", pattern.version());
        put(pattern.id(), doc);
    }

    /** Writes a list entry document. */
    public void writeListEntry(ListEntry entry) {
        ObjectNode doc = json.createObjectNode()
                .put("type", "list-entry")
                .put("list", entry.list())
                .put("kind", entry.kind())
                .put("value", entry.value())
                .put("reason", entry.reason());
        if (entry.expiresAt() != null) {
            doc.put("expiresAt", entry.expiresAt().toString());
        }
        put(entry.id(), doc);
    }

    /**
     * Removes a pattern or list entry document; nothing happens when there is none. The revision is read with a GET of
     * the document, as for every write here.
     */
    public void delete(String id) {
        for (int attempt = 1; ; attempt++) {
            // the revision from the stored document: getCurrentRevision() gives pouchdb-server's weak ETag (ADR 0004)
            ObjectNode stored = existing(id);
            if (stored == null) {
                return;
            }
            try {
                db.delete(id, stored.path("_rev").asText());
                return;
            } catch (DocumentNotFoundException gone) {
                return;
            } catch (UpdateConflictException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /**
     * Gives the set a new version, larger than the one stored and than the current time in milliseconds, so that a
     * version never repeats even after the document was lost. Returns the new version.
     */
    public long bumpSetVersion() {
        for (int attempt = 1; ; attempt++) {
            ObjectNode set = existing(CouchPatternStore.SET_ID);
            long next = Math.max(set == null ? 0 : set.path("version").asLong() + 1, System.currentTimeMillis());
            ObjectNode doc = set == null ? json.createObjectNode() : set;
            doc.put("type", "pattern-set").put("version", next);
            try {
                if (set == null) {
                    db.create(CouchPatternStore.SET_ID, doc);
                } else {
                    db.update(doc);
                }
                return next;
            } catch (UpdateConflictException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private void put(String id, ObjectNode doc) {
        db.createDatabaseIfNotExists();
        for (int attempt = 1; ; attempt++) {
            ObjectNode stored = existing(id);
            try {
                if (stored == null) {
                    db.create(id, doc);
                } else {
                    doc.put("_id", id).put("_rev", stored.path("_rev").asText());
                    db.update(doc);
                }
                return;
            } catch (UpdateConflictException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private ObjectNode existing(String id) {
        try {
            return db.get(ObjectNode.class, id);
        } catch (DocumentNotFoundException e) {
            return null;
        }
    }
}
