package dev.warden.codec.osdp;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Verifies that the OSDP codec stays pure: java.* plus javax.crypto (AES for Secure Channel) only, no I/O, no
 * console output.
 */
@AnalyzeClasses(packages = "dev.warden.codec.osdp", importOptions = ImportOption.DoNotIncludeTests.class)
class OsdpCodecArchitectureTest {

    @ArchTest
    static final ArchRule onlyJavaAndJavaxCrypto = classes()
            .that().resideInAPackage("dev.warden.codec.osdp..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax.crypto..", "dev.warden.codec.osdp..");

    @ArchTest
    static final ArchRule noIo = noClasses()
            .that().resideInAPackage("dev.warden.codec.osdp..")
            .should().dependOnClassesThat().resideInAnyPackage("java.io..", "java.nio..", "java.net..",
                    "java.util.logging..")
            .orShould().accessField(System.class, "out")
            .orShould().accessField(System.class, "err");
}
