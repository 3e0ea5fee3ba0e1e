package dev.warden.controller;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Verifies that the controller logs through SLF4J only, and that the MQTT client library and the embedded broker stay
 * inside the adapters that own them (ports and services speak plain Java types).
 */
@AnalyzeClasses(packages = "dev.warden.controller", importOptions = ImportOption.DoNotIncludeTests.class)
class ControllerArchitectureTest {

    @ArchTest
    static final ArchRule noStandardStreams = NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;

    /** Stricter than GeneralCodingRules' JUL rule, which only sees fields of a java.util.logging type. */
    @ArchTest
    static final ArchRule noJavaUtilLogging = noClasses()
            .should().dependOnClassesThat().resideInAPackage("java.util.logging..")
            .because("all logging goes through SLF4J");

    @ArchTest
    static final ArchRule pahoOnlyInTheMqttAdapter = noClasses()
            .that().resideOutsideOfPackage("dev.warden.controller.mqtt..")
            .should().dependOnClassesThat().resideInAPackage("org.eclipse.paho..")
            .because("only the MQTT adapter talks Paho; everything else sees plain Java ports");

    @ArchTest
    static final ArchRule hivemqOnlyInTheBrokerPackage = noClasses()
            .that().resideOutsideOfPackage("dev.warden.controller.broker..")
            .should().dependOnClassesThat().resideInAPackage("com.hivemq..")
            .because("the embedded broker is wired in one place and can be replaced by an external one");
}
