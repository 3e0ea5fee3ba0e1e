package dev.warden.sim;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Verifies that the simulator is written independently of what it stands in front of: its main code never uses the
 * edge agent or the agent's device codecs (a shared bug would then pass every test), nor the controller. It logs
 * through SLF4J only, and Paho stays in its MQTT package.
 */
@AnalyzeClasses(packages = "dev.warden.sim", importOptions = ImportOption.DoNotIncludeTests.class)
class SimArchitectureTest {

    @ArchTest
    static final ArchRule independentOfAgentCodecsAndController = noClasses()
            .that().resideInAPackage("dev.warden.sim..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "dev.warden.agent..", "dev.warden.codec..", "dev.warden.controller..", "dev.warden.policy..")
            .because("the simulator encodes frames itself, so it can catch the agent's and the codecs' mistakes");

    @ArchTest
    static final ArchRule noStandardStreams = NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;

    /** Stricter than GeneralCodingRules' JUL rule, which only sees fields of a java.util.logging type. */
    @ArchTest
    static final ArchRule noJavaUtilLogging = noClasses()
            .should().dependOnClassesThat().resideInAPackage("java.util.logging..")
            .because("all logging goes through SLF4J");

    @ArchTest
    static final ArchRule pahoOnlyInTheMqttPackage = noClasses()
            .that().resideOutsideOfPackage("dev.warden.sim.mqtt..")
            .should().dependOnClassesThat().resideInAPackage("org.eclipse.paho..")
            .because("simulated devices publish through one MQTT network class, not through Paho directly");
}
