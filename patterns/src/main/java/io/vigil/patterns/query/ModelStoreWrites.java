package io.vigil.patterns.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.patterns.api.FindModelFileQuery;
import io.vigil.patterns.api.ModelChoice;
import io.vigil.patterns.api.ModelFile;
import io.vigil.patterns.api.ModelFiles;
import io.vigil.patterns.api.ModelRef;
import io.vigil.patterns.api.ModelVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.ektorp.AttachmentInputStream;
import org.ektorp.CouchDbConnector;
import org.springframework.stereotype.Component;

/**
 * Model versions in the pattern store: each version a document ({@code "type": "model"}, id
 * {@code vigil-model-<model>-v<n>}) with its metadata (features in input order, metrics, training window, trainer,
 * source, checksum) and the model file as its attachment {@value #ATTACHMENT}; and one {@value #CHOICE_ID} document
 * naming the live and shadow versions, which is part of the pattern set: writing it and raising the set's version
 * makes every node's change follower load the set, and scoring the models it names. Only the document API is used
 * (an inline base64 attachment on write, {@code GET <doc>/<attachment>} on read), which Apache CouchDB and
 * pouchdb-server serve alike.
 */
@Component
class ModelStoreWrites implements ModelFiles {

    static final String CHOICE_ID = "vigil-model-choice";
    static final String CHOICE_TYPE = "model-choice";
    static final String ATTACHMENT = "model.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PatternStoreWrites store;
    private final CouchDbConnector db;

    ModelStoreWrites(PatternStoreWrites store, CouchDbConnector patternDatabase) {
        this.store = store;
        this.db = patternDatabase;
    }

    @Override
    public void store(ModelVersion version, byte[] file) {
        ObjectNode doc = JSON.createObjectNode()
                .put("type", "model")
                .put("modelId", version.modelId())
                .put("version", version.number())
                .put("sha256", version.sha256())
                .put("size", version.size())
                .put("trainedBy", version.trainedBy())
                .put("source", version.source().wireName())
                .put("registeredBy", version.registeredBy())
                .put("registeredAt", version.registeredAt().toString());
        if (version.trainedFrom() != null) {
            doc.put("trainedFrom", version.trainedFrom().toString());
        }
        if (version.trainedTo() != null) {
            doc.put("trainedTo", version.trainedTo().toString());
        }
        ArrayNode features = doc.putArray("features");
        version.features().forEach(features::add);
        ObjectNode metrics = doc.putObject("metrics");
        version.metrics().forEach(metrics::put);
        doc.putObject("_attachments")
                .putObject(ATTACHMENT)
                .put("content_type", "application/json")
                .put("data", Base64.getEncoder().encodeToString(file));
        store.put(version.document(), doc);
    }

    /** Names the live and shadow versions (either may be null) and raises the set's version; returns it. */
    long writeChoice(ModelVersion live, ModelVersion shadow) {
        ObjectNode doc = JSON.createObjectNode().put("type", CHOICE_TYPE);
        if (live != null) {
            doc.set("live", ref(live.ref()));
        }
        if (shadow != null) {
            doc.set("shadow", ref(shadow.ref()));
        }
        store.put(CHOICE_ID, doc);
        return store.bumpSetVersion();
    }

    @QueryHandler
    ModelFile handle(FindModelFileQuery query) {
        try (AttachmentInputStream in = db.getAttachment(query.document(), ATTACHMENT)) {
            return new ModelFile(query.document(), in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("model file of " + query.document() + " could not be read", e);
        }
    }

    private static ObjectNode ref(ModelRef ref) {
        ObjectNode node = JSON.createObjectNode()
                .put("modelId", ref.modelId())
                .put("version", ref.version())
                .put("document", ref.document())
                .put("sha256", ref.sha256());
        ArrayNode features = node.putArray("features");
        ref.features().forEach(features::add);
        return node;
    }

    /** The choice document as scoring reads it. */
    static ModelChoice toChoice(JsonNode doc) {
        return new ModelChoice(toRef(doc.path("live")), toRef(doc.path("shadow")));
    }

    private static ModelRef toRef(JsonNode node) {
        if (!node.isObject()) {
            return null;
        }
        List<String> features = new ArrayList<>();
        node.path("features").forEach(f -> features.add(f.asText()));
        return new ModelRef(
                node.path("modelId").asText(),
                node.path("version").asInt(),
                node.path("document").asText(),
                node.path("sha256").asText(),
                features);
    }
}
