package com.coachway.testkit.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import java.util.List;
import java.util.Optional;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The structure every service keeps (ARCHITECTURE.md, "Inside a service"), as ArchUnit rules over a
 * service's base package, e.g. {@code com.coachway.charter}. A feature folder is a direct
 * subpackage of the base ({@code charters}, {@code quotes}); classes in the base package itself
 * (the service's main, which wires everything) belong to no feature.
 */
public final class ServiceArchitecture {
    public static final String COMMON = "com.coachway.common";
    public static final String TESTKIT = "com.coachway.testkit";
    /** The local stand-in for Kong: testkit runs it, and it is no service of ours. */
    public static final String GATEWAY = "com.coachway.gateway";
    /** Where the jOOQ classes of every schema are generated, one subpackage per schema. */
    public static final String GENERATED = "com.coachway.db";

    private static final String HANDLER = ".*Handler(\\$.*)?";
    private static final String ACTIONS_STORES_RULES = ".*(Actions|Store|Rules|Rule)(\\$.*)?";

    private ServiceArchitecture() {
    }

    /** The service's own production classes (test classes left out). */
    public static JavaClasses mainClassesOf(String basePackage) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
    }

    /** Every rule of a service, for a test that checks them all at once. */
    public static List<ArchRule> rulesFor(String basePackage, String schema) {
        return List.of(
                featureFoldersAreFreeOfCycles(basePackage),
                featuresDoNotImportEachOthersHandlers(basePackage),
                usesOnlyItsOwnSchema(basePackage, schema),
                handlersUseNoJooq(basePackage),
                actionsStoresAndRulesUseNoJavalin(basePackage));
    }

    /** No feature folder depends on another that depends back on it, however indirectly. */
    public static ArchRule featureFoldersAreFreeOfCycles(String basePackage) {
        return slices().matching(basePackage + ".(*)..").namingSlices("feature '$1'")
                .should().beFreeOfCycles()
                .as("feature folders of " + basePackage + " are free of cycles");
    }

    /** A handler is the HTTP edge of its own feature: another feature uses that feature's actions or store, never its handler. */
    public static ArchRule featuresDoNotImportEachOthersHandlers(String basePackage) {
        return classes().that(inAFeatureOf(basePackage))
                .should(new ArchCondition<>("not depend on another feature's …Handler") {
                    @Override
                    public void check(JavaClass origin, ConditionEvents events) {
                        String own = featureOf(basePackage, origin).orElseThrow();
                        for (Dependency d : origin.getDirectDependenciesFromSelf()) {
                            JavaClass target = d.getTargetClass().getBaseComponentType();
                            var theirs = featureOf(basePackage, target);
                            if (theirs.isPresent() && !theirs.get().equals(own) && target.getName().matches(HANDLER)) {
                                events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                            }
                        }
                    }
                })
                .as("feature folders of " + basePackage + " do not import each other's handlers");
    }

    /** A service reads and writes its own schema only; another service's data is reached through its API. */
    public static ArchRule usesOnlyItsOwnSchema(String basePackage, String schema) {
        String own = GENERATED + "." + schema;
        return noClasses().that().resideInAPackage(basePackage + "..")
                .should().dependOnClassesThat(resideInAPackage(GENERATED + "..").and(not(resideInAPackage(own + ".."))))
                .as(basePackage + " uses no generated classes but its own " + own);
    }

    /** Handlers do HTTP only; queries live in stores. */
    public static ArchRule handlersUseNoJooq(String basePackage) {
        return noClasses().that().resideInAPackage(basePackage + "..").and().haveNameMatching(HANDLER)
                .should().dependOnClassesThat().resideInAPackage("org.jooq..")
                .as("handlers of " + basePackage + " use no jOOQ");
    }

    /** Use cases, queries and domain rules know nothing of HTTP, so they are tested and reused without it. */
    public static ArchRule actionsStoresAndRulesUseNoJavalin(String basePackage) {
        return noClasses().that().resideInAPackage(basePackage + "..").and().haveNameMatching(ACTIONS_STORES_RULES)
                .should().dependOnClassesThat().resideInAPackage("io.javalin..")
                .as("…Actions, …Store and …Rule(s) classes of " + basePackage + " use no Javalin");
    }

    /** common and testkit serve every service, so they know none of them (nor any schema's generated classes). */
    public static ArchRule commonAndTestkitImportNoService() {
        return librariesImportOnly(List.of(COMMON, TESTKIT), List.of(COMMON, TESTKIT, GATEWAY));
    }

    /**
     * Classes of {@code libraries} depend on no {@code com.coachway} class outside {@code allowed}:
     * a list of what may be used rather than of services, so the next service is covered unnamed.
     */
    public static ArchRule librariesImportOnly(List<String> libraries, List<String> allowed) {
        return noClasses().that().resideInAnyPackage(subpackages(libraries))
                .should().dependOnClassesThat(resideInAPackage("com.coachway..").and(not(resideInAnyPackage(subpackages(allowed)))))
                .as(String.join(" and ", libraries) + " import no service (only " + String.join(", ", allowed) + ")");
    }

    private static String[] subpackages(List<String> packages) {
        return packages.stream().map(p -> p + "..").toArray(String[]::new);
    }

    private static DescribedPredicate<JavaClass> inAFeatureOf(String basePackage) {
        return DescribedPredicate.describe("are in a feature folder of " + basePackage, c -> featureOf(basePackage, c).isPresent());
    }

    /** The feature folder a class is in: the first package segment below the base, if any. */
    private static Optional<String> featureOf(String basePackage, JavaClass c) {
        String pkg = c.getPackageName();
        if (!pkg.startsWith(basePackage + ".")) return Optional.empty();
        String rest = pkg.substring(basePackage.length() + 1);
        int dot = rest.indexOf('.');
        return Optional.of(dot < 0 ? rest : rest.substring(0, dot));
    }
}
