package io.vigil.patterns.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.patterns.api.FeatureDefinition;
import io.vigil.patterns.api.ListEntry;
import io.vigil.patterns.api.PatternDefinition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.ektorp.CouchDbConnector;
import org.ektorp.DbAccessException;
import org.ektorp.DocumentNotFoundException;
import org.ektorp.DocumentOperationResult;
import org.ektorp.UpdateConflictException;
import org.ektorp.ViewQuery;
import org.ektorp.ViewResult;
import org.springframework.stereotype.Component;

/**
 * Writes what the patterns module publishes into the pattern store, in the document shapes {@link CouchPatternStore}
 * reads: one document per pattern, one per list entry, and the {@value CouchPatternStore#SET_ID} document whose
 * version tells every scoring node that the set changed. Writers call {@link #bumpSetVersion()} once after a change
 * of one or more documents, so a node never reloads half a change. Uses only the CouchDB document API (Apache CouchDB
 * and pouchdb-server alike): a write carries the current revision, and a conflict is retried on a fresh read. Many
 * list entries are written or removed with {@code _bulk_docs}, {@value #BULK} documents a request, their current
 * revisions read with one {@code POST _all_docs} of their ids per request.
 */
@Component
public class PatternStoreWrites {

    private static final int ATTEMPTS = 5;
    /** Documents per {@code _bulk_docs} request: a few hundred kilobytes of JSON. */
    static final int BULK = 1000;

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

    /** The document id of an analyst-defined feature (pattern ids may not start with {@code vigil-}). */
    public static String featureDocumentId(String name) {
        return "vigil-feature-" + name;
    }

    /** Writes an analyst-defined feature's document. */
    public void writeFeature(FeatureDefinition feature) {
        ObjectNode doc = json.createObjectNode()
                .put("type", "feature")
                .put("name", feature.name())
                .put("entity", feature.entity())
                .put("aggregation", feature.aggregation().wireName())
                .put("windowMinutes", feature.windowMinutes());
        if (feature.field() != null) {
            doc.put("field", feature.field());
        }
        if (feature.filter() != null) {
            doc.put("filter", feature.filter());
        }
        put(featureDocumentId(feature.name()), doc);
    }

    /** Writes a list entry document. */
    public void writeListEntry(ListEntry entry) {
        put(entry.id(), listEntryDocument(entry));
    }

    /**
     * Writes many list entry documents, creating or replacing each, in bulk requests. A document changed meanwhile
     * by someone else is written again on its fresh revision; any other refusal of the store fails the call (the
     * caller, a tracking processor, retries it).
     */
    public void writeListEntries(Collection<ListEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        db.createDatabaseIfNotExists();
        Map<String, ObjectNode> all = new LinkedHashMap<>();
        for (ListEntry entry : entries) {
            all.put(entry.id(), listEntryDocument(entry));
        }
        for (List<String> ids : chunks(all.keySet())) {
            Map<String, ObjectNode> pending = new LinkedHashMap<>();
            ids.forEach(id -> pending.put(id, all.get(id)));
            bulk(pending, false);
        }
    }

    /** Removes many documents in bulk requests; ids with no document are passed over. */
    public void deleteAll(Collection<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        for (List<String> chunk : chunks(new LinkedHashSet<>(ids))) {
            Map<String, ObjectNode> pending = new LinkedHashMap<>();
            chunk.forEach(id -> pending.put(id, json.createObjectNode()));
            bulk(pending, true);
        }
    }

    /**
     * Gives a list entry document another expiry ({@code null}: never), keeping the rest of it; nothing happens when
     * there is no such document.
     */
    public void writeListEntryExpiry(String id, Instant expiresAt) {
        for (int attempt = 1; ; attempt++) {
            ObjectNode stored = existing(id);
            if (stored == null) {
                return;
            }
            if (expiresAt == null) {
                stored.remove("expiresAt");
            } else {
                stored.put("expiresAt", expiresAt.toString());
            }
            try {
                db.update(stored);
                return;
            } catch (UpdateConflictException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private ObjectNode listEntryDocument(ListEntry entry) {
        ObjectNode doc = json.createObjectNode()
                .put("type", "list-entry")
                .put("list", entry.list())
                .put("kind", entry.kind())
                .put("value", entry.value())
                .put("reason", entry.reason());
        if (entry.expiresAt() != null) {
            doc.put("expiresAt", entry.expiresAt().toString());
        }
        return doc;
    }

    /**
     * Writes (or, with {@code delete}, removes) the pending documents with {@code _bulk_docs}, each on its current
     * revision, again for those that met a conflict.
     */
    private void bulk(Map<String, ObjectNode> pending, boolean delete) {
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            Map<String, String> revisions = currentRevisions(pending.keySet());
            List<ObjectNode> docs = new ArrayList<>(pending.size());
            pending.forEach((id, doc) -> {
                String revision = revisions.get(id);
                if (delete && revision == null) {
                    return; // nothing to remove
                }
                ObjectNode out = doc.deepCopy();
                out.put("_id", id);
                if (revision != null) {
                    out.put("_rev", revision);
                }
                if (delete) {
                    out.put("_deleted", true);
                }
                docs.add(out);
            });
            if (docs.isEmpty()) {
                return;
            }
            List<DocumentOperationResult> failed = db.executeBulk(docs);
            Set<String> conflicts = new LinkedHashSet<>();
            for (DocumentOperationResult result : failed) {
                if (!"conflict".equals(result.getError())) {
                    throw new DbAccessException("the pattern store refused document " + result.getId() + ": "
                            + result.getError() + " " + result.getReason());
                }
                conflicts.add(result.getId());
            }
            if (!conflicts.isEmpty() && attempt == ATTEMPTS) {
                throw new UpdateConflictException(conflicts.iterator().next(), "bulk");
            }
            pending.keySet().retainAll(conflicts);
        }
    }

    /** The current revision of each id that has a live document. */
    private Map<String, String> currentRevisions(Collection<String> ids) {
        ViewQuery query = new ViewQuery().allDocs().keys(ids);
        query.setIgnoreNotFound(true);
        ViewResult result = db.queryView(query);
        Map<String, String> revisions = new HashMap<>();
        for (ViewResult.Row row : result.getRows()) {
            var value = row.getValueAsNode();
            if (value != null
                    && value.hasNonNull("rev")
                    && !value.path("deleted").asBoolean(false)) {
                revisions.put(row.getId(), value.path("rev").asText());
            }
        }
        return revisions;
    }

    private static List<List<String>> chunks(Collection<String> ids) {
        List<List<String>> chunks = new ArrayList<>();
        List<String> current = new ArrayList<>(BULK);
        for (String id : ids) {
            current.add(id);
            if (current.size() == BULK) {
                chunks.add(current);
                current = new ArrayList<>(BULK);
            }
        }
        if (!current.isEmpty()) {
            chunks.add(current);
        }
        return chunks;
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

    /** Creates or replaces a document, retrying a conflict on a fresh read. */
    void put(String id, ObjectNode doc) {
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
