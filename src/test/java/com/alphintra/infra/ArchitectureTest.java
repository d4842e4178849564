package com.alphintra.infra;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps the layering of DESIGN.md and STYLE.md true as the code grows. */
class ArchitectureTest {

  private static final String ROOT = "com.alphintra.infra";
  private static JavaClasses classes;

  @BeforeAll
  static void importMainClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);
  }

  @Test
  void onlyExecStartsProcesses() {
    noClasses()
        .that()
        .resideOutsideOfPackage(ROOT + ".exec..")
        .should()
        .dependOnClassesThat()
        .belongToAnyOf(ProcessBuilder.class)
        .orShould()
        .callMethod(Runtime.class, "exec", String.class)
        .orShould()
        .callMethod(Runtime.class, "exec", String[].class)
        .because(
            "external programs run through exec's ProcessRunner, which has timeouts and redaction")
        .check(classes);
  }

  @Test
  void nothingDependsOnCli() {
    noClasses()
        .that()
        .resideOutsideOfPackage(ROOT + ".cli..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(ROOT + ".cli..")
        .because("commands are wiring: services must be usable without the command line")
        .check(classes);
  }

  @Test
  void parsersDependOnNothingOfOurs() {
    noClasses()
        .that()
        .resideInAPackage(ROOT + ".hcl..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(ROOT + "..")
        .andShould()
        .dependOnClassesThat()
        .resideOutsideOfPackages(ROOT + ".hcl..", "java..")
        .allowEmptyShould(true)
        .check(classes);
    noClasses()
        .that()
        .resideInAPackage(ROOT + ".manifest..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            ROOT + ".cli..",
            ROOT + ".exec..",
            ROOT + ".hcl..",
            ROOT + ".terraform..",
            ROOT + ".check..",
            ROOT + ".local..",
            ROOT + ".cloud..",
            ROOT + ".doctor..",
            ROOT + ".workspace..",
            ROOT + ".error..")
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void terraformModelDependsOnlyOnHcl() {
    noClasses()
        .that()
        .resideInAPackage(ROOT + ".terraform..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            ROOT + ".cli..",
            ROOT + ".exec..",
            ROOT + ".manifest..",
            ROOT + ".check..",
            ROOT + ".local..",
            ROOT + ".cloud..",
            ROOT + ".doctor..",
            ROOT + ".workspace..",
            ROOT + ".error..")
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void checkNeverRunsProgramsNorTouchesAClusterOrTheCloud() {
    noClasses()
        .that()
        .resideInAPackage(ROOT + ".check..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            ROOT + ".exec..",
            ROOT + ".local..",
            ROOT + ".cloud..",
            "io.fabric8.kubernetes.client..")
        .allowEmptyShould(true)
        .because("rules read the Platform view and return findings; they never act")
        .check(classes);
  }

  @Test
  void platformLoadsButNeverChecksNorPrints() {
    noClasses()
        .that()
        .resideInAPackage(ROOT + ".platform..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(ROOT + ".check..", ROOT + ".cli..")
        .allowEmptyShould(true)
        .because(
            "the Platform view is what rules read; it knows nothing of rules or of the command line")
        .check(classes);
  }

  @Test
  void parsersAndModelsKnowNothingOfThePlatformView() {
    noClasses()
        .that()
        .resideInAnyPackage(ROOT + ".hcl..", ROOT + ".manifest..", ROOT + ".terraform..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(ROOT + ".platform..")
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void onlyCliWritesToTheStandardStreams() {
    noClasses()
        .that()
        .resideOutsideOfPackage(ROOT + ".cli..")
        .should()
        .accessField(System.class, "out")
        .orShould()
        .accessField(System.class, "err")
        .check(classes);
  }

  @Test
  void onlyMainExits() {
    noClasses()
        .that()
        .doNotHaveFullyQualifiedName(ROOT + ".cli.Main")
        .should()
        .callMethod(System.class, "exit", int.class)
        .orShould()
        .callMethod(Runtime.class, "halt", int.class)
        .check(classes);
  }

  @Test
  void packagesHaveNoCycles() {
    slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(classes);
  }
}
