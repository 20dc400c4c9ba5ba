package org.tianfu.warehouse;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The packages' dependencies point one way, as docs/architecture.md draws them: the foundations
 * (contract, landing, models, store, state) use no layer; ingest → conform → metrics; report and serve
 * read what the layers wrote; orchestrate runs the layers; cli uses everything and nothing uses it.
 */
class ArchitectureTest {
  private static final JavaClasses MAIN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("org.tianfu.warehouse");

  @Test
  void layersAreUsedOneWay() {
    layeredArchitecture().consideringOnlyDependenciesInLayers()
        .layer("contract").definedBy("..warehouse.contract..")
        .layer("store").definedBy("..warehouse.store..")
        .layer("models").definedBy("..warehouse.models..")
        .layer("state").definedBy("..warehouse.state..")
        .layer("landing").definedBy("..warehouse.landing..")
        .layer("ingest").definedBy("..warehouse.ingest..")
        .layer("conform").definedBy("..warehouse.conform..")
        .layer("metrics").definedBy("..warehouse.metrics..")
        .layer("report").definedBy("..warehouse.report..")
        .layer("serve").definedBy("..warehouse.serve..")
        .layer("orchestrate").definedBy("..warehouse.orchestrate..")
        .layer("generate").definedBy("..warehouse.generate..")
        .layer("cli").definedBy("..warehouse.cli..")
        .whereLayer("cli").mayNotBeAccessedByAnyLayer()
        .whereLayer("orchestrate").mayOnlyBeAccessedByLayers("cli")
        .whereLayer("generate").mayOnlyBeAccessedByLayers("cli")
        .whereLayer("serve").mayOnlyBeAccessedByLayers("orchestrate", "cli")
        .whereLayer("report").mayOnlyBeAccessedByLayers("orchestrate", "cli")
        .whereLayer("metrics").mayOnlyBeAccessedByLayers("report", "orchestrate", "cli")
        .whereLayer("conform").mayOnlyBeAccessedByLayers("metrics", "orchestrate", "cli")
        .whereLayer("ingest").mayOnlyBeAccessedByLayers("conform", "metrics", "orchestrate", "cli")
        .check(MAIN);
  }

  @Test
  void foundationsUseNoLayer() {
    noClasses().that().resideInAnyPackage("..warehouse.contract..", "..warehouse.store..",
            "..warehouse.models..", "..warehouse.state..", "..warehouse.landing..")
        .should().dependOnClassesThat().resideInAnyPackage("..warehouse.ingest..", "..warehouse.conform..",
            "..warehouse.metrics..", "..warehouse.report..", "..warehouse.serve..",
            "..warehouse.orchestrate..", "..warehouse.generate..", "..warehouse.cli..")
        .check(MAIN);
    noClasses().that().resideInAnyPackage("..warehouse.contract..", "..warehouse.store..", "..warehouse.models..")
        .should().dependOnClassesThat().resideInAnyPackage("..warehouse.state..", "..warehouse.landing..")
        .check(MAIN);
  }

  @Test
  void theGeneratorSharesOnlyTheContractWithThePipeline() {
    classes().that().resideInAPackage("..warehouse.generate..")
        .should().onlyDependOnClassesThat().resideOutsideOfPackages("..warehouse.landing..",
            "..warehouse.store..", "..warehouse.models..", "..warehouse.state..", "..warehouse.ingest..",
            "..warehouse.conform..", "..warehouse.metrics..", "..warehouse.report..", "..warehouse.serve..",
            "..warehouse.orchestrate..", "..warehouse.cli..")
        .check(MAIN);
  }
}
