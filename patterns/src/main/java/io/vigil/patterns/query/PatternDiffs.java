package io.vigil.patterns.query;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import io.vigil.patterns.api.PatternDiff;
import io.vigil.patterns.api.PatternDraft;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** What changed between two versions of a pattern, field by field, as unified diffs (java-diff-utils). */
final class PatternDiffs {

    /** Lines of context around each change. */
    private static final int CONTEXT = 3;

    private PatternDiffs() {}

    static PatternDiff between(String patternId, String fromLabel, PatternDraft from, String toLabel, PatternDraft to) {
        List<PatternDiff.FieldChange> changes = new ArrayList<>();
        field(changes, "name", fromLabel, from.name(), toLabel, to.name());
        field(changes, "description", fromLabel, from.description(), toLabel, to.description());
        field(changes, "expression", fromLabel, from.expression(), toLabel, to.expression());
        field(changes, "effect", fromLabel, from.effect(), toLabel, to.effect());
        return new PatternDiff(patternId, fromLabel, toLabel, changes);
    }

    private static void field(
            List<PatternDiff.FieldChange> changes,
            String field,
            String fromLabel,
            String before,
            String toLabel,
            String after) {
        if (Objects.equals(before, after)) {
            return;
        }
        List<String> original = lines(before);
        List<String> revised = lines(after);
        List<String> unified = UnifiedDiffUtils.generateUnifiedDiff(
                field + " (" + fromLabel + ")",
                field + " (" + toLabel + ")",
                original,
                DiffUtils.diff(original, revised),
                CONTEXT);
        changes.add(new PatternDiff.FieldChange(field, before, after, unified));
    }

    private static List<String> lines(String text) {
        return text == null || text.isEmpty() ? List.of() : List.of(text.split("\r?\n", -1));
    }
}
