package io.vigil;

import static com.tngtech.archunit.lang.SimpleConditionEvent.violated;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps the modules honest: every class of Vigil belongs to a known module, a module may use another module only
 * through its {@code io.vigil.<module>.api} package, and only along the allowed, acyclic dependency graph. The
 * command-line tools ({@code io.vigil.tools}) are a module like the others; the assembly ({@code io.vigil} itself and
 * {@code io.vigil.config}) may see everything.
 */
class ModuleBoundariesTest {

    private static final Pattern MODULE = Pattern.compile("io\\.vigil\\.(\\w+)(\\..*)?");

    /** The assembly's own packages, which may use every module. */
    static final Set<String> ASSEMBLY = Set.of("io.vigil", "io.vigil.config");

    /** Which modules' api packages each module may use: what it really uses, not all it could. */
    static final Map<String, Set<String>> ALLOWED = Map.of(
            "access", Set.of("ingest"),
            "ingest", Set.of(),
            "patterns", Set.of(),
            "scoring", Set.of("ingest", "patterns"),
            "analytics", Set.of("ingest", "scoring"),
            "web", Set.of("ingest", "analytics", "access", "patterns", "scoring"),
            "tools", Set.of("ingest", "scoring", "analytics"));

    static final ArchRule MODULES_MEET_ONLY_THROUGH_API = classes()
            .that()
            .resideInAPackage("io.vigil..")
            .should(onlyUseOtherModulesThroughTheirApi())
            .because("modules talk only through Axon commands, events and queries in their api packages");

    @Test
    void modulesMeetOnlyThroughTheirApiPackages() {
        JavaClasses vigil = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.vigil");
        assertThat(vigil.stream().map(ModuleBoundariesTest::moduleName).distinct())
                .as("the check sees every module, the tools included")
                .containsAll(ALLOWED.keySet());
        MODULES_MEET_ONLY_THROUGH_API.check(vigil);
    }

    @Test
    void catchesAPackageThatBelongsToNoModule() {
        JavaClasses violating = new ClassFileImporter().importClasses(io.vigil.stray.OutsideEveryModule.class);
        assertThatThrownBy(() -> MODULES_MEET_ONLY_THROUGH_API.check(violating))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("io.vigil.stray.OutsideEveryModule is in package io.vigil.stray, which belongs"
                        + " to no module");
    }

    @Test
    void catchesAModuleThatReachesIntoAnotherModulesInternals() {
        JavaClasses violating =
                new ClassFileImporter().importClasses(io.vigil.web.archfixture.ReachesIntoAnalyticsInternals.class);
        assertThatThrownBy(() -> MODULES_MEET_ONLY_THROUGH_API.check(violating))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("web uses analytics's non-api class")
                .hasMessageContaining("io.vigil.analytics.store.ClickHouse");
    }

    @Test
    void catchesADependencyAgainstTheModuleGraph() {
        JavaClasses violating = new ClassFileImporter().importClasses(io.vigil.ingest.archfixture.UsesScoring.class);
        assertThatThrownBy(() -> MODULES_MEET_ONLY_THROUGH_API.check(violating))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("ingest may not depend on scoring");
    }

    /** The module a class belongs to; empty for the assembly and for a package of no known module. */
    static Optional<String> moduleOf(JavaClass type) {
        Matcher m = MODULE.matcher(type.getPackageName());
        return m.matches() && ALLOWED.containsKey(m.group(1)) ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static String moduleName(JavaClass type) {
        return moduleOf(type).orElse(ASSEMBLY.contains(type.getPackageName()) ? "app" : "?");
    }

    static boolean isApi(JavaClass type, String module) {
        String api = "io.vigil." + module + ".api";
        return type.getPackageName().equals(api) || type.getPackageName().startsWith(api + ".");
    }

    private static ArchCondition<JavaClass> onlyUseOtherModulesThroughTheirApi() {
        return new ArchCondition<>("only use other modules through their api package") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                Optional<String> from = moduleOf(origin);
                if (from.isEmpty()) {
                    if (!ASSEMBLY.contains(origin.getPackageName())) {
                        events.add(violated(
                                origin,
                                origin.getName() + " is in package " + origin.getPackageName()
                                        + ", which belongs to no module: put it in a module's package, or add the"
                                        + " module to " + ModuleBoundariesTest.class.getSimpleName() + ".ALLOWED"));
                    }
                    return; // the assembly may see everything
                }
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass();
                    Optional<String> to = moduleOf(target);
                    if (to.isEmpty() || to.get().equals(from.get())) {
                        continue;
                    }
                    if (!ALLOWED.get(from.get()).contains(to.get())) {
                        events.add(violated(
                                dependency,
                                from.get() + " may not depend on " + to.get() + ": " + dependency.getDescription()));
                    } else if (!isApi(target, to.get())) {
                        events.add(violated(
                                dependency,
                                from.get() + " uses " + to.get() + "'s non-api class: " + dependency.getDescription()));
                    }
                }
            }
        };
    }
}
