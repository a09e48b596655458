package io.vigil.patterns.api;

/** Whether a pattern takes part in decisions. */
public enum PatternMode {
    /** Matches change the decision. */
    ACTIVE,
    /** Matches are recorded but never change the decision: for trying a pattern on live traffic. */
    SHADOW,
    /** Not evaluated. */
    OFF
}
