package dev.warden.contract;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Verifies that the edge/device contract stays a plain library that every side can embed: it depends on java.* and
 * Jackson only, and writes nothing to the console.
 */
@AnalyzeClasses(packages = "dev.warden.contract", importOptions = ImportOption.DoNotIncludeTests.class)
class ContractArchitectureTest {

    @ArchTest
    static final ArchRule dependsOnlyOnJavaAndJackson = classes()
            .that().resideInAPackage("dev.warden.contract..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "java..", "javax.net..", "com.fasterxml.jackson..", "dev.warden.contract..")
            .because("the controller, the edge agent, MQTT devices and the simulator all embed the contract");

    @ArchTest
    static final ArchRule noStandardStreams = NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;

    /** Stricter than GeneralCodingRules' JUL rule, which only sees fields of a java.util.logging type. */
    @ArchTest
    static final ArchRule noJavaUtilLogging = noClasses()
            .should().dependOnClassesThat().resideInAPackage("java.util.logging..")
            .because("all logging goes through SLF4J");
}
