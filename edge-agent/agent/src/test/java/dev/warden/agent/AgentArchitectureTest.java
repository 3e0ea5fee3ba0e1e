package dev.warden.agent;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Verifies that the edge agent logs through SLF4J only and that Paho stays inside its MQTT adapter package
 * ({@code dev.warden.agent.mqtt}), so doors, events and the store never see a transport type.
 */
@AnalyzeClasses(packages = "dev.warden.agent", importOptions = ImportOption.DoNotIncludeTests.class)
class AgentArchitectureTest {

    @ArchTest
    static final ArchRule noStandardStreams = NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;

    /** Stricter than GeneralCodingRules' JUL rule, which only sees fields of a java.util.logging type. */
    @ArchTest
    static final ArchRule noJavaUtilLogging = noClasses()
            .should().dependOnClassesThat().resideInAPackage("java.util.logging..")
            .because("all logging goes through SLF4J");

    @ArchTest
    static final ArchRule pahoOnlyInTheMqttAdapter = noClasses()
            .that().resideOutsideOfPackage("dev.warden.agent.mqtt..")
            .should().dependOnClassesThat().resideInAPackage("org.eclipse.paho..")
            .because("only the MQTT adapter talks Paho; the rest of the agent sees plain Java ports");
}
