package dev.warden.serial;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Verifies that the transports log through SLF4J only, and that each native or network library stays inside the
 * classes of its own carrier (drivers see {@link SerialLink} and plain Java types only).
 */
@AnalyzeClasses(packages = "dev.warden.serial", importOptions = ImportOption.DoNotIncludeTests.class)
class SerialArchitectureTest {

    @ArchTest
    static final ArchRule noStandardStreams = NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;

    /** Stricter than GeneralCodingRules' JUL rule, which only sees fields of a java.util.logging type. */
    @ArchTest
    static final ArchRule noJavaUtilLogging = noClasses()
            .should().dependOnClassesThat().resideInAPackage("java.util.logging..")
            .because("all logging goes through SLF4J");

    @ArchTest
    static final ArchRule jSerialCommOnlyInTheSerialPortCarrier = noClasses()
            .that().haveNameNotMatching("dev\\.warden\\.serial\\.(SerialPorts|JSerialCommLink)(\\$.*)?")
            .should().dependOnClassesThat().resideInAPackage("com.fazecast..")
            .because("only the local serial port carrier talks jSerialComm");

    @ArchTest
    static final ArchRule nettyOnlyInTheTcpCarrier = noClasses()
            .that().haveNameNotMatching("dev\\.warden\\.serial\\.(Tcp|Netty)\\w*(\\$.*)?")
            .should().dependOnClassesThat().resideInAPackage("io.netty..")
            .because("only the TCP carrier talks Netty");

    @ArchTest
    static final ArchRule jnaOnlyBehindPosix = noClasses()
            .that().haveNameNotMatching("dev\\.warden\\.serial\\.(Posix|PtyMasterLink)(\\$.*)?")
            .should().dependOnClassesThat().resideInAPackage("com.sun.jna..")
            .because("libc calls go through the Posix helper");
}
