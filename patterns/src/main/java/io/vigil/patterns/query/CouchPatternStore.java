package io.vigil.patterns.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.patterns.api.FeatureAggregation;
import io.vigil.patterns.api.FeatureDefinition;
import io.vigil.patterns.api.ListEntry;
import io.vigil.patterns.api.ModelChoice;
import io.vigil.patterns.api.PatternDefinition;
import io.vigil.patterns.api.PatternMode;
import io.vigil.patterns.api.PatternSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.ektorp.CouchDbConnector;
import org.ektorp.UpdateConflictException;
import org.ektorp.ViewQuery;
import org.ektorp.ViewResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Patterns and lists as CouchDB documents: one document per pattern ({@code "type": "pattern"}, id = pattern id),
 * one per list entry ({@code "type": "list-entry"}, with {@code list}, {@code kind}, {@code value}, optional
 * {@code expiresAt} and {@code reason}) and one per
 * analyst-defined feature ({@code "type": "feature"}), the {@value ModelStoreWrites#CHOICE_ID} document naming the live
 * and shadow model versions (each version a document of its own with the model file attached), one {@value #SET_ID} document whose {@code version} changes with every published change. Uses only what Apache CouchDB
 * and pouchdb-server both do the same way: documents with ids we choose and {@code _all_docs} (and, in
 * {@link CouchChangeFeed}, the {@code _changes} long-poll).
 */
@Component
class CouchPatternStore {

    static final String SET_ID = "vigil-pattern-set";
    static final Set<String> LISTS = Set.of("allow", "block");
    static final Set<String> LIST_KINDS = Set.of("card", "card_bin", "email", "device", "ip", "customer");
    private static final Logger log = LoggerFactory.getLogger(CouchPatternStore.class);

    private final CouchDbConnector db;
    private final ObjectMapper json = new ObjectMapper();
    private volatile boolean ready;
    private volatile PatternSet cached;
    /** Every document read, by id in id order (the order scoring evaluates patterns in, as {@code _all_docs} lists). */
    private final Map<String, Read> documents = new TreeMap<>();

    private static final int FETCH_CHUNK = 1_000;

    CouchPatternStore(CouchDbConnector patternDatabase) {
        this.db = patternDatabase;
    }

    /**
     * Reads every pattern that is not off, creating the database (with the set's document) on first use. Polling is
     * cheap: one small document is read, and the patterns only when its version changed.
     */
    PatternSet load() {
        ensureReady();
        long version = db.get(ObjectNode.class, SET_ID).path("version").asLong();
        PatternSet known = cached;
        if (known != null && known.version() == version) {
            return known;
        }
        return reload(version);
    }

    /**
     * Reads the set again, fetching only the documents whose revision changed since the last read: the index of ids
     * and revisions is one small request, and a change of one pattern does not read every list entry again (with
     * thousands of entries, reading every document took most of the second a change has to reach scoring).
     */
    private synchronized PatternSet reload(long version) {
        PatternSet known = cached;
        if (known != null && known.version() == version) {
            return known;
        }
        Map<String, String> revisions = new HashMap<>();
        for (ViewResult.Row row : db.queryView(new ViewQuery().allDocs()).getRows()) {
            revisions.put(row.getId(), row.getValueAsNode().path("rev").asText());
        }
        documents.keySet().retainAll(revisions.keySet());
        List<String> changed = revisions.entrySet().stream()
                .filter(e -> !documents.containsKey(e.getKey())
                        || !documents.get(e.getKey()).revision().equals(e.getValue()))
                .map(Map.Entry::getKey)
                .toList();
        for (int from = 0; from < changed.size(); from += FETCH_CHUNK) {
            List<String> chunk = changed.subList(from, Math.min(changed.size(), from + FETCH_CHUNK));
            for (ViewResult.Row row : db.queryView(
                            new ViewQuery().allDocs().includeDocs(true).keys(chunk))
                    .getRows()) {
                JsonNode doc = row.getDocAsNode();
                if (doc == null) {
                    documents.remove(row.getId()); // deleted between the index and this read
                } else {
                    documents.put(row.getId(), new Read(doc.path("_rev").asText(), parse(doc)));
                }
            }
        }
        // labelled with the version read before the documents, never with a later one read among them: documents
        // newer than the label are possible, a label newer than its documents is not (the next change reloads)
        List<PatternDefinition> patterns = new ArrayList<>();
        List<ListEntry> lists = new ArrayList<>();
        List<FeatureDefinition> features = new ArrayList<>();
        ModelChoice models = ModelChoice.NONE;
        for (Read read : documents.values()) {
            if (read.value() instanceof PatternDefinition pattern && pattern.mode() != PatternMode.OFF) {
                patterns.add(pattern);
            } else if (read.value() instanceof ListEntry entry) {
                lists.add(entry);
            } else if (read.value() instanceof FeatureDefinition feature) {
                features.add(feature);
            } else if (read.value() instanceof ModelChoice choice) {
                models = choice;
            }
        }
        cached = new PatternSet(version, patterns, lists, features, models);
        return cached;
    }

    /** What a document is to scoring: a pattern, a list entry, or null for anything else (the set's own too). */
    private static Object parse(JsonNode doc) {
        return switch (doc.path("type").asText()) {
            case "pattern" -> toPattern(doc);
            case "list-entry" -> toListEntry(doc).orElse(null);
            case "feature" -> toFeature(doc).orElse(null);
            case ModelStoreWrites.CHOICE_TYPE -> ModelStoreWrites.toChoice(doc);
            default -> null;
        };
    }

    /** A document as last read: its revision and what it is to scoring. */
    private record Read(String revision, Object value) {}

    /** Once per process; the change feed's first load and scoring's first refresh may come at the same moment. */
    private synchronized void ensureReady() {
        if (ready) {
            return;
        }
        db.createDatabaseIfNotExists();
        if (!db.contains(SET_ID)) {
            seed();
        }
        ready = true;
    }

    /**
     * A new database starts with the set's document alone. The patterns Vigil ships with reach it like any other,
     * published through the lifecycle ({@link DefaultPatterns}).
     */
    private void seed() {
        try {
            db.create(SET_ID, json.createObjectNode().put("type", "pattern-set").put("version", 1));
            log.info("Created the pattern set document in a new pattern store");
        } catch (UpdateConflictException alreadySeeded) {
            log.debug("Pattern store was seeded concurrently");
        }
    }

    /**
     * The ids of every pattern document as last read (mode {@code off} included), in id order; empty before the
     * first read.
     */
    synchronized List<String> patternDocumentIds() {
        return documents.entrySet().stream()
                .filter(e -> e.getValue().value() instanceof PatternDefinition)
                .map(Map.Entry::getKey)
                .toList();
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

    /** A list entry, or nothing (with a warning) when the document is not one Vigil can use. */
    private static Optional<ListEntry> toListEntry(JsonNode doc) {
        String id = doc.path("_id").asText();
        String list = doc.path("list").asText();
        String kind = doc.path("kind").asText();
        String value = doc.path("value").asText();
        if (!LISTS.contains(list) || !LIST_KINDS.contains(kind) || value.isEmpty()) {
            log.warn(
                    "List entry {} is ignored: list must be allow or block, kind one of {}, value non-empty",
                    id,
                    LIST_KINDS);
            return Optional.empty();
        }
        Instant expiresAt = null;
        if (doc.hasNonNull("expiresAt")) {
            try {
                expiresAt = OffsetDateTime.parse(doc.path("expiresAt").asText()).toInstant();
            } catch (DateTimeParseException e) {
                log.warn("List entry {} is ignored: expiresAt is not an ISO-8601 instant", id);
                return Optional.empty();
            }
        }
        return Optional.of(new ListEntry(
                id, list, kind, value, expiresAt, doc.path("reason").asText("")));
    }

    /** An analyst-defined feature, or nothing (with a warning) when the document does not define one fully. */
    private static Optional<FeatureDefinition> toFeature(JsonNode doc) {
        FeatureDefinition feature = new FeatureDefinition(
                doc.path("name").asText(),
                doc.path("entity").asText(),
                FeatureAggregation.parse(doc.path("aggregation").asText()),
                doc.path("field").asText(null),
                doc.path("windowMinutes").asInt(0),
                doc.path("filter").asText(null));
        List<String> problems = feature.problems();
        if (!problems.isEmpty()) {
            log.warn("Feature document {} is ignored: {}", doc.path("_id").asText(), String.join("; ", problems));
            return Optional.empty();
        }
        return Optional.of(feature);
    }

    private static PatternMode parseMode(String mode) {
        try {
            return PatternMode.valueOf(mode.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return PatternMode.OFF;
        }
    }
}
