package dev.warden.codec.wiegand;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Verifies that the codecs stay pure: java.* (and the JDK's AES for OSDP Secure Channel) only, no I/O, no console output. */
@AnalyzeClasses(packages = "dev.warden.codec", importOptions = ImportOption.DoNotIncludeTests.class)
class CodecArchitectureTest {

    @ArchTest
    static final ArchRule dependsOnlyOnJava = classes()
            .that().resideInAPackage("dev.warden.codec..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax.crypto..", "dev.warden.codec..");

    @ArchTest
    static final ArchRule doesNoIo = noClasses()
            .that().resideInAPackage("dev.warden.codec..")
            .should().dependOnClassesThat().resideInAnyPackage("java.io..", "java.nio..", "java.net..",
                    "java.util.logging..")
            .orShould().accessField(System.class, "out")
            .orShould().accessField(System.class, "err");
}
