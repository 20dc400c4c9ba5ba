package org.tianfu.warehouse.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The county reference shipped in {@code schemas/reference/sichuan_counties.csv}, loaded from the
 * classpath so the jar carries it to every executor. Validated at load: 6-digit codes, no duplicates.
 */
public final class CountyReference implements Serializable {
  private static final String RESOURCE = "/schemas/reference/sichuan_counties.csv";

  private final Map<String, County> byCode;

  private CountyReference(Map<String, County> byCode) {
    this.byCode = Collections.unmodifiableMap(byCode);
  }

  public static CountyReference load() {
    try (InputStream in = CountyReference.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("county reference missing from the jar: " + RESOURCE);
      }
      return parse(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static CountyReference parse(Reader reader) throws IOException {
    Map<String, County> counties = new LinkedHashMap<>();
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build();
    for (CSVRecord row : format.parse(reader)) {
      County county = new County(row.get("county_code"), row.get("county_name"),
          row.get("city_code"), row.get("city_name"));
      if (!county.code().matches("\\d{6}") || !county.cityCode().matches("\\d{6}")) {
        throw new IllegalStateException("county reference line " + row.getRecordNumber()
            + ": codes must be 6 digits: " + county);
      }
      if (counties.put(county.code(), county) != null) {
        throw new IllegalStateException("county reference: duplicate code " + county.code());
      }
    }
    return new CountyReference(counties);
  }

  public boolean contains(String code) {
    return byCode.containsKey(code);
  }

  public County get(String code) {
    return byCode.get(code);
  }

  /** All counties in reference order (by code, as GB/T 2260 lists them). */
  public List<County> all() {
    return new ArrayList<>(byCode.values());
  }

  public int size() {
    return byCode.size();
  }
}
