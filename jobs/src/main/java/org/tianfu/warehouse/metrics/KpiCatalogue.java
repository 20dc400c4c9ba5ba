package org.tianfu.warehouse.metrics;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.tianfu.warehouse.models.Relation;

/** The KPIs of kpis.md, from {@code schemas/kpis.csv}: code, Chinese name, family, unit. */
public record KpiCatalogue(Map<String, Kpi> kpis) {
  public record Kpi(String code, String nameZh, String family, String unit) {}

  public static KpiCatalogue load() {
    try (InputStream in = KpiCatalogue.class.getResourceAsStream("/schemas/kpis.csv")) {
      if (in == null) {
        throw new IllegalStateException("KPI catalogue missing from the jar: /schemas/kpis.csv");
      }
      Map<String, Kpi> kpis = new LinkedHashMap<>();
      CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build();
      for (CSVRecord r : format.parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        Kpi kpi = new Kpi(r.get("kpi_code"), r.get("name_zh"), r.get("family"), r.get("unit"));
        if (kpis.put(kpi.code(), kpi) != null) {
          throw new IllegalStateException("schemas/kpis.csv: kpi_code " + kpi.code() + " listed twice");
        }
      }
      return new KpiCatalogue(kpis);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public boolean contains(String code) {
    return kpis.containsKey(code);
  }

  public Relation relation() {
    List<Object[]> rows = new ArrayList<>();
    kpis.values().forEach(k -> rows.add(new Object[] {k.code(), k.nameZh(), k.family(), k.unit()}));
    return new Relation("kpi_catalogue", Relation.columns("kpi_code VARCHAR",
        "name_zh VARCHAR", "family VARCHAR", "unit VARCHAR"), rows);
  }
}
