package io.vigil.patterns.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One registered version of a model, as its document in the pattern store describes it; the file itself is the
 * document's attachment.
 *
 * @param document the pattern store document holding this version and its file
 * @param sha256 of the model file, hex
 * @param size of the model file in bytes
 * @param trainingId the Vigil training run whose model this is; null for an imported model (and for versions
 *     registered before runs were recorded)
 */
public record ModelVersion(
        String modelId,
        int number,
        String document,
        String sha256,
        long size,
        List<String> features,
        Map<String, Double> metrics,
        Instant trainedFrom,
        Instant trainedTo,
        String trainedBy,
        ModelSource source,
        String registeredBy,
        Instant registeredAt,
        String trainingId) {

    /** The model Vigil scores with: the API and the console manage this one. */
    public static final String RISK = "risk";

    public ModelVersion {
        features = features == null ? List.of() : List.copyOf(features);
        metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
    }

    /** The document id of a version: {@code vigil-model-<model id>-v<number>}. */
    public static String documentId(String modelId, int number) {
        return "vigil-model-" + modelId + "-v" + number;
    }

    /** What scoring needs to load this version. */
    public ModelRef ref() {
        return new ModelRef(modelId, number, document, sha256, features);
    }
}
