package io.driftgate.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The pipeline's shape: model ← read ← diff ← plan ← apply ← history; the CLI on top; the providers the
 * only place that knows Testcontainers or zonky.
 */
@AnalyzeClasses(packages = "io.driftgate", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] CORE = {
            "io.driftgate.model..", "io.driftgate.sql..", "io.driftgate.read..", "io.driftgate.diff..",
            "io.driftgate.plan..", "io.driftgate.apply..", "io.driftgate.history.."};

    @ArchTest
    static final ArchRule model_depends_on_nothing_but_the_jdk = classes()
            .that().resideInAPackage("io.driftgate.model..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("io.driftgate.model..", "java..");

    @ArchTest
    static final ArchRule core_never_depends_on_the_cli = noClasses()
            .that().resideInAnyPackage(CORE)
            .should().dependOnClassesThat().resideInAPackage("io.driftgate.cli..");

    @ArchTest
    static final ArchRule core_never_depends_on_test_or_container_libraries = noClasses()
            .that().resideInAnyPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.junit..", "org.testcontainers..", "io.zonky..", "org.assertj..", "picocli..");

    @ArchTest
    static final ArchRule only_providers_know_testcontainers_and_zonky = noClasses()
            .that().resideOutsideOfPackage("io.driftgate.providers..")
            .should().dependOnClassesThat().resideInAnyPackage("org.testcontainers..", "io.zonky..");

    @ArchTest
    static final ArchRule only_the_cli_knows_picocli = noClasses()
            .that().resideOutsideOfPackage("io.driftgate.cli..")
            .should().dependOnClassesThat().resideInAPackage("picocli..");

    @ArchTest
    static final ArchRule nothing_in_main_depends_on_junit = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("org.junit..", "org.assertj..");
}
