package org.tianfu.warehouse;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.util.List;
import java.util.stream.Stream;
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
  private static final List<String> FOUNDATIONS = List.of("contract", "landing", "models", "store", "state");
  private static final List<String> LAYERS = List.of("ingest", "conform", "metrics", "report", "serve",
      "orchestrate", "generate", "cli");

  /** ArchUnit's package patterns for these packages of the warehouse. */
  private static String[] in(List<String> packages) {
    return packages.stream().map(p -> "..warehouse." + p + "..").toArray(String[]::new);
  }

  @Test
  void layersAreUsedOneWay() {
    LayeredArchitecture architecture = layeredArchitecture().consideringOnlyDependenciesInLayers();
    for (String p : Stream.concat(FOUNDATIONS.stream(), LAYERS.stream()).toList()) {
      architecture = architecture.layer(p).definedBy(in(List.of(p)));
    }
    architecture
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
    noClasses().that().resideInAnyPackage(in(FOUNDATIONS))
        .should().dependOnClassesThat().resideInAnyPackage(in(LAYERS))
        .check(MAIN);
    noClasses().that().resideInAnyPackage(in(List.of("contract", "store", "models")))
        .should().dependOnClassesThat().resideInAnyPackage(in(List.of("state", "landing")))
        .check(MAIN);
  }

  @Test
  void theGeneratorSharesOnlyTheContractWithThePipeline() {
    List<String> pipeline = Stream.concat(FOUNDATIONS.stream(), LAYERS.stream())
        .filter(p -> !p.equals("contract") && !p.equals("generate")).toList();
    classes().that().resideInAPackage("..warehouse.generate..")
        .should().onlyDependOnClassesThat().resideOutsideOfPackages(in(pipeline))
        .check(MAIN);
  }
}
