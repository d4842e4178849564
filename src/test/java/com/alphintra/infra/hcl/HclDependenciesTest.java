package com.alphintra.infra.hcl;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The parser is a leaf: it depends on nothing else of ours, so every other package can use it. */
class HclDependenciesTest {

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("com.alphintra.infra");

  @Test
  void hclDependsOnNothingElseOfOurs() {
    noClasses()
        .that()
        .resideInAPackage("com.alphintra.infra.hcl..")
        .should()
        .dependOnClassesThat()
        .resideOutsideOfPackages("com.alphintra.infra.hcl..", "java..")
        .check(CLASSES);
  }
}
