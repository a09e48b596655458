package io.vigil.scoring.decision;

import dev.cel.runtime.CelRuntime;
import io.vigil.patterns.api.PatternDefinition;
import java.util.List;

/**
 * A pattern whose expression was compiled and type-checked once, ready to evaluate.
 *
 * @param customFeatures the analyst features it reads ({@code features.custom.<name>}): it is evaluated only once
 *     every one of them is backfilled on this node
 */
record CompiledPattern(
        PatternDefinition definition, CelRuntime.Program program, PatternEffect effect, List<String> customFeatures) {

    CompiledPattern {
        customFeatures = List.copyOf(customFeatures);
    }
}
