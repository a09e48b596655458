package io.vigil.patterns.rest;

import io.vigil.patterns.api.ModelOverview;
import io.vigil.patterns.api.ModelVersion;
import io.vigil.patterns.api.ModelVersionState;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The models API's answers, with lower-case states and sources as the rest of the API spells them. */
final class ModelResponses {

    private ModelResponses() {}

    /** A model: its live and shadow version numbers (null when none) and every version, newest first. */
    record Model(String modelId, Integer live, Integer shadow, List<Version> versions) {

        static Model of(ModelOverview overview) {
            return new Model(
                    overview.modelId(),
                    overview.live(),
                    overview.shadow(),
                    overview.versions().stream().map(Version::of).toList());
        }
    }

    /**
     * One version: {@code state} candidate, approved, live, shadow or retired; {@code source} trained or imported;
     * {@code document} the pattern store document whose attachment is the model file.
     */
    record Version(
            String modelId,
            int number,
            String state,
            String source,
            List<String> features,
            Map<String, Double> metrics,
            Instant trainedFrom,
            Instant trainedTo,
            String trainedBy,
            String registeredBy,
            Instant registeredAt,
            String approvedBy,
            Instant approvedAt,
            String document,
            String sha256,
            long size) {

        static Version of(ModelVersionState state) {
            ModelVersion v = state.version();
            return new Version(
                    v.modelId(),
                    v.number(),
                    state.state().wireName(),
                    v.source().wireName(),
                    v.features(),
                    v.metrics(),
                    v.trainedFrom(),
                    v.trainedTo(),
                    v.trainedBy(),
                    v.registeredBy(),
                    v.registeredAt(),
                    state.approvedBy(),
                    state.approvedAt(),
                    v.document(),
                    v.sha256(),
                    v.size());
        }
    }
}
