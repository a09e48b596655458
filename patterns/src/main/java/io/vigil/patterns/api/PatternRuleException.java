package io.vigil.patterns.api;

/**
 * A pattern command breaks a lifecycle rule: approving one's own draft, publishing what is not approved, changing an
 * archived pattern, a step that does not fit the pattern's state. Nothing was changed; the REST API answers 409.
 */
public class PatternRuleException extends RuntimeException {

    public PatternRuleException(String patternId, String problem) {
        super("pattern " + patternId + ": " + problem);
    }
}
