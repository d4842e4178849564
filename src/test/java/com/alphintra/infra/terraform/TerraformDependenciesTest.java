package com.alphintra.infra.terraform;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The configuration model is built on the parser and nothing else of ours. */
class TerraformDependenciesTest {

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("com.alphintra.infra");

  @Test
  void terraformDependsOnlyOnHcl() {
    noClasses()
        .that()
        .resideInAPackage("com.alphintra.infra.terraform..")
        .should()
        .dependOnClassesThat()
        .resideOutsideOfPackages(
            "com.alphintra.infra.terraform..", "com.alphintra.infra.hcl..", "java..")
        .check(CLASSES);
  }
}
