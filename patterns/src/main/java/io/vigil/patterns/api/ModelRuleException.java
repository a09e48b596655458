package io.vigil.patterns.api;

/**
 * A model command breaks a lifecycle rule: approving one's own model, promoting a candidate, rolling back with no
 * earlier live version. Nothing was changed; the REST API answers 409.
 */
public class ModelRuleException extends RuntimeException {

    public ModelRuleException(String modelId, String problem) {
        super("model " + modelId + ": " + problem);
    }
}
