package dev.warden.policy;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Verifies that the policy core stays pure: java.* only, no framework, no I/O, no logging. */
@AnalyzeClasses(packages = "dev.warden.policy", importOptions = ImportOption.DoNotIncludeTests.class)
class PolicyArchitectureTest {

    @ArchTest
    static final ArchRule dependsOnlyOnJava = classes()
            .that().resideInAPackage("dev.warden.policy..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.warden.policy..")
            .because("the policy core is plain Java, built by frameworks in their own factories");

    @ArchTest
    static final ArchRule usesNoFrameworkTransportOrLogging = noClasses()
            .that().resideInAPackage("dev.warden.policy..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.micronaut..", "org.springframework..", "com.vaadin..", "org.eclipse.paho..", "io.netty..",
                    "com.fazecast..", "java.sql..", "javax.sql..", "org.slf4j..", "com.fasterxml..",
                    "java.util.logging..")
            .orShould().dependOnClassesThat().belongToAnyOf(System.Logger.class, System.LoggerFinder.class)
            .because("the policy core has no framework, transport, persistence or logging");

    @ArchTest
    static final ArchRule doesNoIo = noClasses()
            .that().resideInAPackage("dev.warden.policy..")
            .should().dependOnClassesThat().resideInAnyPackage("java.io..", "java.nio..", "java.net..")
            .orShould().accessField(System.class, "out")
            .orShould().accessField(System.class, "err")
            .because("the policy core does no I/O");
}
