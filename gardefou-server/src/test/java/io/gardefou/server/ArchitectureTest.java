package io.gardefou.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The module and package dependencies of DESIGN.md, checked on the compiled classes. */
class ArchitectureTest {
  private static final String[] CORE = {
    "io.gardefou.model..", "io.gardefou.screen..", "io.gardefou.policy..", "io.gardefou.text..",
    "io.gardefou.eval..", "io.gardefou.hash..", "io.gardefou.image..", "io.gardefou.gateway..",
    "io.gardefou.audit..", "io.gardefou.account..", "io.gardefou.bank..", "io.gardefou.actor..",
    "io.gardefou.vault..", "io.gardefou.report.."
  };
  private static final String[] OUTSIDE_CORE = {"io.gardefou.ledger..", "io.gardefou.store..", "io.gardefou.server.."};
  private static final JavaClasses GARDEFOU = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("io.gardefou");

  @Test
  void modulesDependOnlyInward() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .withOptionalLayers(true)
        .layer("ledger").definedBy("io.gardefou.ledger..")
        .layer("core").definedBy(CORE)
        .layer("store").definedBy("io.gardefou.store..")
        .layer("server").definedBy("io.gardefou.server..")
        .whereLayer("server").mayNotBeAccessedByAnyLayer()
        .whereLayer("store").mayOnlyBeAccessedByLayers("server")
        .whereLayer("core").mayOnlyBeAccessedByLayers("store", "server")
        .whereLayer("ledger").mayOnlyBeAccessedByLayers("core", "store", "server")
        .check(GARDEFOU);
  }

  @Test
  void everyPackageBelongsToAModule() {
    classes().should().resideInAnyPackage(java.util.stream.Stream.concat(
            java.util.Arrays.stream(CORE), java.util.Arrays.stream(OUTSIDE_CORE)).toArray(String[]::new))
        .as("every package is placed in a module's layer above (add a new core package to CORE)")
        .check(GARDEFOU);
  }

  @Test
  void theModelDependsOnNothingElseOfOurs() {
    noClasses().that().resideInAPackage("io.gardefou.model..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "io.gardefou.screen..", "io.gardefou.policy..", "io.gardefou.text..", "io.gardefou.store..", "io.gardefou.server..")
        .check(GARDEFOU);
  }

  @Test
  void coreKnowsNeitherHttpNorSql() {
    noClasses().that().resideInAnyPackage(CORE)
        .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "jakarta.servlet..", "java.sql..", "org.jdbi..")
        .check(GARDEFOU);
  }

  @Test
  void noJavalinBelowTheServer() {
    noClasses().that().resideOutsideOfPackage("io.gardefou.server..")
        .should().dependOnClassesThat().resideInAPackage("io.javalin..")
        .check(GARDEFOU);
  }

  @Test
  void policyDecisionsArePure() {
    // The two front doors read pack and case files once, at start; what they build decides without I/O.
    noClasses().that().resideInAPackage("io.gardefou.policy..")
        .and().doNotHaveFullyQualifiedName("io.gardefou.policy.PolicyPacks")
        .and().doNotHaveFullyQualifiedName("io.gardefou.policy.PolicyTests")
        .should().dependOnClassesThat().resideInAnyPackage("java.io..", "java.nio.file..", "java.net..", "io.gardefou.screen..")
        .check(GARDEFOU);
  }
}
