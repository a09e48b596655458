package io.vigil.patterns.api;

/**
 * Which model versions scoring uses, as the pattern store publishes it: the live one (its probability is the score)
 * and the shadow one (scored and recorded, never used); either may be null.
 */
public record ModelChoice(ModelRef live, ModelRef shadow) {

    public static final ModelChoice NONE = new ModelChoice(null, null);
}
