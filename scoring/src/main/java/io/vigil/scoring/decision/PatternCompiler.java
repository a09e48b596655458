package io.vigil.scoring.decision;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.CelType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerBuilder;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import io.vigil.ingest.api.TransactionDetails;
import io.vigil.patterns.api.FeatureDefinition;
import io.vigil.patterns.api.PatternDefinition;
import io.vigil.patterns.api.PatternMode;
import io.vigil.patterns.api.PatternSet;
import io.vigil.scoring.features.FeatureSchema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiles pattern expressions with CEL against the declared schema of every transaction field ({@code tx.*}) and
 * feature ({@code features.<entity>.<name>}): side-effect free, no I/O, no reflection, no calls outside the
 * language, bounded in size, nesting and macro iterations, and type-checked to yield a boolean. A pattern that
 * fails is left out of the set, with the compiler's message in the log.
 */
public final class PatternCompiler {

    private static final Logger log = LoggerFactory.getLogger(PatternCompiler.class);

    /**
     * The live risk model's score, 0 to 100 (its probability of fraud × 100); 0 when no model is live, so a pattern
     * such as {@code model.score >= 70} matches nothing then.
     */
    public static final String MODEL_SCORE = "model.score";

    /** The {@code tx} fields patterns may read, with their types. */
    static final Map<String, CelType> TRANSACTION_FIELDS = transactionFields();

    static final int MAX_EXPRESSION_LENGTH = 4_096;
    static final int MAX_NESTING = 32;
    static final int MAX_MACRO_ITERATIONS = 1_000;

    private final CelOptions options = CelOptions.current()
            .enableHeterogeneousNumericComparisons(true)
            .maxExpressionCodePointSize(MAX_EXPRESSION_LENGTH)
            .maxParseRecursionDepth(MAX_NESTING)
            .comprehensionMaxIterations(MAX_MACRO_ITERATIONS)
            .maxRegexProgramSize(200)
            .build();
    private final List<FeatureDefinition> custom;
    private final Map<String, CelType> features;
    private final CelCompiler compiler;
    private final CelCompiler filterCompiler;
    private final CelRuntime runtime =
            CelRuntimeFactory.standardCelRuntimeBuilder().setOptions(options).build();

    /** A compiler of the built-in fields and features only. */
    public PatternCompiler() {
        this(List.of());
    }

    /** A compiler that also declares these analyst-defined features, as {@code features.custom.<name>}. */
    public PatternCompiler(List<FeatureDefinition> custom) {
        this.custom = List.copyOf(custom);
        Map<String, CelType> declared = new LinkedHashMap<>(FeatureSchema.types());
        for (FeatureDefinition feature : this.custom) {
            declared.put(
                    feature.qualifiedName(), feature.aggregation().integral() ? SimpleType.INT : SimpleType.DOUBLE);
        }
        this.features = Collections.unmodifiableMap(declared);
        this.compiler = compiler(options, features);
        this.filterCompiler = compiler(options, Map.of());
    }

    /** The analyst-defined features this compiler declares. */
    public List<FeatureDefinition> customFeatures() {
        return custom;
    }

    private static Map<String, CelType> transactionFields() {
        Map<String, CelType> fields = new LinkedHashMap<>();
        fields.put("tx.id", SimpleType.STRING);
        fields.put("tx.amount", SimpleType.DOUBLE);
        for (String text : List.of(
                "currency",
                "merchantId",
                "customerId",
                "cardFingerprint",
                "cardBin",
                "deviceId",
                "ip",
                "email",
                "country",
                "paymentMethod",
                "channel",
                "browser",
                "deviceType")) {
            fields.put("tx." + text, SimpleType.STRING);
        }
        fields.put("tx.hour", SimpleType.INT);
        fields.put("tx.attributes", MapType.create(SimpleType.STRING, SimpleType.STRING));
        return Collections.unmodifiableMap(fields);
    }

    private static CelCompiler compiler(CelOptions options, Map<String, CelType> features) {
        CelCompilerBuilder builder = CelCompilerFactory.standardCelCompilerBuilder()
                .setOptions(options)
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .setResultType(SimpleType.BOOL);
        TRANSACTION_FIELDS.forEach(builder::addVar);
        features.forEach(builder::addVar);
        builder.addVar(MODEL_SCORE, SimpleType.DOUBLE);
        return builder.build();
    }

    private static final Pattern CUSTOM_NAME = Pattern.compile("features\\.custom\\.([a-z][a-z0-9_]*)");

    /** The analyst features an expression names, as {@code features.custom.<name>}. */
    static List<String> customFeaturesOf(String expression) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = CUSTOM_NAME.matcher(expression);
        while (m.find()) {
            names.add(m.group());
        }
        return List.copyOf(names);
    }

    /**
     * Compiles an analyst feature's filter, a boolean expression over {@code tx.*} alone (features are not available
     * to filters: a backfill could not see them as they were), or throws {@link IllegalArgumentException}.
     */
    public Predicate<TransactionDetails> compileFilter(String filter) {
        try {
            CelRuntime.Program program =
                    runtime.createProgram(filterCompiler.compile(filter).getAst());
            return tx -> {
                try {
                    return Boolean.TRUE.equals(program.eval(new PatternVariables(tx, null)));
                } catch (CelEvaluationException e) {
                    return false;
                }
            };
        } catch (CelValidationException | CelEvaluationException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** Why this filter would be refused, each a readable message; empty when it compiles or is blank. */
    public List<String> filterProblems(String filter) {
        if (filter == null || filter.isBlank()) {
            return List.of();
        }
        try {
            compileFilter(filter);
            return List.of();
        } catch (IllegalArgumentException e) {
            List<String> problems = new ArrayList<>();
            if (filter.contains("features.")) {
                problems.add("a filter reads the transaction (tx.*) only, not features");
            }
            problems.addAll(unknownNames(filter, Set.of()).stream()
                    .filter(p -> p.startsWith("tx."))
                    .toList());
            problems.add(e.getMessage());
            return problems;
        }
    }

    /** Compiles one pattern, or throws {@link IllegalArgumentException} with the reason it cannot be used. */
    CompiledPattern compile(PatternDefinition pattern) {
        PatternEffect effect = PatternEffect.parse(pattern.effect());
        if (pattern.expression() == null || pattern.expression().isBlank()) {
            throw new IllegalArgumentException("expression is required");
        }
        try {
            CelAbstractSyntaxTree ast = compiler.compile(pattern.expression()).getAst();
            return new CompiledPattern(
                    pattern, runtime.createProgram(ast), effect, customFeaturesOf(pattern.expression()));
        } catch (CelValidationException | CelEvaluationException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /**
     * Why a pattern with this expression and effect would be refused when scoring loads it, each problem a readable
     * message; empty when it compiles. Nothing is kept.
     */
    public List<String> problems(String expression, String effect) {
        try {
            compile(new PatternDefinition("check", "check", "", expression, effect, PatternMode.ACTIVE, 0));
            return List.of();
        } catch (IllegalArgumentException e) {
            List<String> problems = new ArrayList<>(unknownNames(expression, features.keySet()));
            problems.add(e.getMessage());
            return problems;
        }
    }

    private static final Pattern DOTTED_NAME =
            Pattern.compile("(?<![\\w.'\"])(tx|features)((?:\\.[A-Za-z_][A-Za-z0-9_]*)+)");

    /**
     * The {@code tx.*} and {@code features.*} names of an expression that are not declared, each with the closest
     * declared name: CEL reports {@code tx.amout} as an undeclared reference to {@code tx}, which does not say which
     * name is wrong.
     */
    static List<String> unknownNames(String expression) {
        return unknownNames(expression, FeatureSchema.types().keySet());
    }

    private static List<String> unknownNames(String expression, Set<String> features) {
        if (expression == null) {
            return List.of();
        }
        Set<String> unknown = new LinkedHashSet<>();
        Matcher names = DOTTED_NAME.matcher(expression);
        while (names.find()) {
            String[] parts = (names.group(1) + names.group(2)).split("\\.");
            boolean tx = parts[0].equals("tx");
            int length = tx ? 2 : 3;
            if (parts.length < length) {
                continue;
            }
            String name = String.join(".", Arrays.copyOf(parts, length));
            Set<String> declared = tx ? TRANSACTION_FIELDS.keySet() : features;
            if (!declared.contains(name)) {
                unknown.add(closest(name, declared)
                        .map(near -> name + " is not a " + (tx ? "transaction field" : "feature") + "; did you mean "
                                + near + "?")
                        .orElse(name + " is not a " + (tx ? "transaction field" : "feature")
                                + " (docs/patterns.md lists them)"));
            }
        }
        return List.copyOf(unknown);
    }

    /** The declared name fewest edits away, if it is at most three edits away. */
    private static Optional<String> closest(String name, Set<String> declared) {
        return declared.stream()
                .map(candidate -> Map.entry(candidate, edits(name, candidate)))
                .filter(e -> e.getValue() <= 3)
                .min(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey);
    }

    /** Levenshtein distance: insertions, deletions and substitutions. */
    private static int edits(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    public CompiledPatternSet compile(PatternSet set) {
        List<CompiledPattern> compiled = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        for (PatternDefinition pattern : set.patterns()) {
            try {
                compiled.add(compile(pattern));
            } catch (IllegalArgumentException e) {
                rejected.add(pattern.id());
                log.error("Pattern {} is left out of scoring: {}", pattern.id(), e.getMessage());
            }
        }
        return new CompiledPatternSet(set.version(), compiled, rejected, new ListIndex(set.lists()));
    }
}
