package org.tianfu.warehouse.metrics;

import java.util.ArrayList;
import java.util.List;
import org.tianfu.warehouse.contract.County;
import org.tianfu.warehouse.contract.CountyReference;
import org.tianfu.warehouse.models.Relation;

/** The {@code counties} relation: the 183 counties of the reference with their cities. */
public final class CountiesRelation {
  private CountiesRelation() {}

  public static Relation of(CountyReference reference) {
    List<Object[]> rows = new ArrayList<>();
    for (County c : reference.all()) {
      rows.add(new Object[] {c.code(), c.name(), c.cityCode(), c.cityName()});
    }
    return new Relation("counties", Relation.columns("county_code VARCHAR",
        "county_name VARCHAR", "city_code VARCHAR", "city_name VARCHAR"), rows);
  }
}
