package io.vigil.scoring.decision;

import dev.cel.runtime.CelRuntime;
import io.vigil.patterns.api.PatternDefinition;

/** A pattern whose expression was compiled and type-checked once, ready to evaluate. */
record CompiledPattern(PatternDefinition definition, CelRuntime.Program program, PatternEffect effect) {}
