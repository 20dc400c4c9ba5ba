package org.tianfu.warehouse.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MethodologyTest {
  private static final KpiCatalogue CATALOGUE = KpiCatalogue.load();

  private static String parseError(String json) {
    return assertThrows(IllegalStateException.class,
        () -> Methodology.parse(new ObjectMapper().readTree(json), CATALOGUE, "schemas/methodology.json")).getMessage();
  }

  @Test
  void theShippedMethodologyIsTheContractsDefault() {
    Methodology m = Methodology.load(CATALOGUE);
    assertEquals(10, m.weights().size());
    assertEquals(0, new BigDecimal("0.30").compareTo(m.weights().get("service_orders")));
    assertEquals(1.2, m.kpiScoreCap());
    assertEquals(13, CATALOGUE.kpis().size());
  }

  @Test
  void unknownKpisAndWeightsThatDoNotSumToOneAreRejected() {
    String grades = ", \"grades\": [{\"grade\": \"合格\", \"min_score\": 60}, {\"grade\": \"不合格\", \"min_score\": null}]}";
    assertEquals("schemas/methodology.json: weight for unknown KPI 'service_order'", parseError(
        "{\"version\": \"x\", \"kpi_score_cap\": 1.2, \"weights\": {\"service_order\": 1.0}" + grades));
    assertEquals("schemas/methodology.json: weights must sum to 1, they sum to 0.9", parseError(
        "{\"version\": \"x\", \"kpi_score_cap\": 1.2, \"weights\": {\"service_orders\": 0.60, \"new_users\": 0.30}" + grades));
    assertEquals("schemas/methodology.json: 'version' is required", parseError(
        "{\"kpi_score_cap\": 1.2, \"weights\": {\"service_orders\": 1}" + grades));
    assertEquals("schemas/methodology.json: the last grade must have min_score null (every score gets a grade)", parseError(
        "{\"version\": \"x\", \"kpi_score_cap\": 1.2, \"weights\": {\"service_orders\": 1}, \"grades\": [{\"grade\": \"合格\", \"min_score\": 60}]}"));
  }

  @Test
  void theChecksParametersAreRangeChecked() throws Exception {
    ObjectMapper json = new ObjectMapper();
    ObjectNode shipped = (ObjectNode)
        json.readTree(MethodologyTest.class.getResourceAsStream("/schemas/methodology.json"));
    ((ObjectNode) shipped.path("rank_uncertainty")).putArray("weight_factor").add(1.25).add(0.75);
    assertEquals("schemas/methodology.json: rank_uncertainty.weight_factor must be [low, high] with 0.01 ≤ low ≤ high ≤ 100",
        assertThrows(IllegalStateException.class, () -> Methodology.parse(shipped, CATALOGUE, "schemas/methodology.json")).getMessage());
    ((ObjectNode) shipped.path("rank_uncertainty")).putArray("weight_factor").add(0.75).add(1.25);
    ((ObjectNode) shipped.path("target_plausibility")).put("from_month", 13);
    assertEquals("schemas/methodology.json: target_plausibility.from_month must be a number from 1 to 12",
        assertThrows(IllegalStateException.class, () -> Methodology.parse(shipped, CATALOGUE, "schemas/methodology.json")).getMessage());
  }

  @Test
  void theShippedDrawsAreAThousandWithRenormalisedWeightsOnTheGrid() {
    Methodology m = Methodology.load(CATALOGUE);
    assertEquals(50, m.rankUncertainty().position(m.rankUncertainty().percentileLow()));
    assertEquals(950, m.rankUncertainty().position(m.rankUncertainty().percentileHigh()));
    MonteCarloDraws draws = new MonteCarloDraws(m.rankUncertainty(), m.weights());
    assertEquals(1000, draws.caps().rows().size());
    assertEquals(10_000, draws.weights().rows().size());
    for (Object[] row : draws.weights().rows()) {
      double w = (double) row[2];
      assertEquals(w, Math.rint(w * 0x1p30) / 0x1p30);   // exactly on the 2^-30 grid
    }
    for (Object[] row : draws.caps().rows()) {
      double cap = (double) row[1];
      assertTrue(cap >= 1.1 && cap <= 1.3, "cap " + cap);
    }
  }
}
