package dev.warden.config;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Verifies that the configuration reader prints and logs nothing (a message may only travel in a {@link ConfigError}),
 * that SnakeYAML stays behind {@link StrictYaml}, and that it knows none of the programs that use it.
 */
@AnalyzeClasses(packages = "dev.warden.config", importOptions = ImportOption.DoNotIncludeTests.class)
class ConfigArchitectureTest {

    @ArchTest
    static final ArchRule noStandardStreams = NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;

    @ArchTest
    static final ArchRule noLogging = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("java.util.logging..", "org.slf4j..")
            .because("a problem is reported to the loader as a ConfigError, never logged here (it may be about a secret)");

    @ArchTest
    static final ArchRule snakeYamlOnlyInStrictYaml = noClasses()
            .that().doNotHaveFullyQualifiedName("dev.warden.config.StrictYaml")
            .should().dependOnClassesThat().resideInAPackage("org.yaml.snakeyaml..")
            .because("only the parser reads SnakeYAML's error marks");

    @ArchTest
    static final ArchRule knowsNoUser = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage(
                    "dev.warden.agent..", "dev.warden.sim..", "dev.warden.codec..", "dev.warden.controller..")
            .because("the agent and the simulator use this module, not the other way round");
}
