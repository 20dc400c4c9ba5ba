package org.tianfu.warehouse.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
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
}
