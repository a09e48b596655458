package io.vigil.web.patterns;

import io.vigil.patterns.api.PatternDraft;
import io.vigil.patterns.api.PatternRules;
import java.util.Locale;

/**
 * The editor as the page posts it. It goes back into the page as it was typed when a save fails, so nothing typed is
 * lost.
 *
 * @param id the new pattern's id; blank takes one from the name ({@code p-} and the name's words)
 * @param comment why, kept in the pattern's history with the change
 */
record PatternForm(String id, String name, String description, String expression, String effect, String comment) {

    static final PatternForm EMPTY = new PatternForm("", "", "", "", "", "");

    /** The editor filled with a draft or a version, to change it. */
    static PatternForm of(String id, PatternDraft draft) {
        return new PatternForm(id, draft.name(), draft.description(), draft.expression(), draft.effect(), "");
    }

    PatternDraft draft() {
        return new PatternDraft(name, description, expression, effect);
    }

    /**
     * The id of the pattern this form creates: the typed one, else one made of the name's letters and digits.
     *
     * @throws IllegalArgumentException saying why the id cannot be a pattern's
     */
    String newId() {
        String chosen = id == null || id.isBlank() ? fromName() : id.strip();
        if (chosen.equals("new") || chosen.equals("check")) {
            throw new IllegalArgumentException("id " + chosen + " is taken by the console's own pages");
        }
        String problem = PatternRules.idProblem(chosen);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return chosen;
    }

    private String fromName() {
        String words = name == null
                ? ""
                : name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        if (words.isEmpty()) {
            throw new IllegalArgumentException("type an id, or a name to make it from");
        }
        String id = "p-" + words;
        return id.length() > 64 ? id.substring(0, 64).replaceAll("-$", "") : id;
    }

    PatternForm withId(String patternId) {
        return new PatternForm(patternId, name, description, expression, effect, comment);
    }
}
