package dev.warden.ui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Verifies that the console holds no policy and shares no code with the back end: it talks to the controller only
 * over REST and the event stream. It logs through SLF4J only.
 */
@AnalyzeClasses(packages = "dev.warden.ui", importOptions = ImportOption.DoNotIncludeTests.class)
class ConsoleArchitectureTest {

    @ArchTest
    static final ArchRule talksToTheControllerOnlyOverRest = noClasses()
            .that().resideInAPackage("dev.warden.ui..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "dev.warden.controller..", "dev.warden.policy..", "dev.warden.contract..",
                    "dev.warden.agent..", "dev.warden.codec..", "dev.warden.sim..")
            .because("the console talks only to the controller's API and holds no policy of its own");

    @ArchTest
    static final ArchRule noStandardStreams = NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;

    /** Stricter than GeneralCodingRules' JUL rule, which only sees fields of a java.util.logging type. */
    @ArchTest
    static final ArchRule noJavaUtilLogging = noClasses()
            .should().dependOnClassesThat().resideInAPackage("java.util.logging..")
            .because("all logging goes through SLF4J");
}
