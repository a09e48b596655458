package io.vigil.patterns.api;

import java.util.regex.Pattern;

/** The rules of pattern ids and comments that the aggregate, the REST API and the console share. */
public final class PatternRules {

    /**
     * A pattern id: it is also the id of the pattern's CouchDB document, so it may not start with an underscore, and
     * the ids the store uses for itself ({@code vigil-pattern-set}, {@code list-…}) are taken.
     */
    public static final Pattern PATTERN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

    public static final int MAX_COMMENT = 2_000;

    private PatternRules() {}

    /** Why this id cannot be a pattern's, or null when it can. */
    public static String idProblem(String patternId) {
        if (patternId == null || !PATTERN_ID.matcher(patternId).matches()) {
            return "id must be 1-64 characters of letters, digits and . _ : -, starting with a letter or digit";
        }
        if (patternId.startsWith("vigil-") || patternId.startsWith("list-")) {
            return "id " + patternId + " is reserved for the pattern store";
        }
        return null;
    }

    /** Why this comment cannot be kept, or null when it can ({@code required}: it may not be empty). */
    public static String commentProblem(String comment, boolean required) {
        if (comment != null && comment.length() > MAX_COMMENT) {
            return "comment must be at most " + MAX_COMMENT + " characters";
        }
        if (required && (comment == null || comment.isBlank())) {
            return "comment is required: say why";
        }
        return null;
    }
}
