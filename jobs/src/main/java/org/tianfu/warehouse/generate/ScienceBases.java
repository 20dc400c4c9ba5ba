package org.tianfu.warehouse.generate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.tianfu.warehouse.contract.County;

/** The science-popularisation bases (科普基地) of each county: busier counties have more; stable across days. */
final class ScienceBases {
  private static final int MAX_PER_COUNTY = 8;

  record Base(String id, String name) {}

  private final Map<String, List<Base>> byCounty = new HashMap<>();

  ScienceBases(CountyActivity counties, Seeds seeds) {
    for (County county : counties.counties()) {
      int n = (int) Math.max(1, Math.min(MAX_PER_COUNTY, Math.round(counties.weight(county) * 0.5)));
      Base[] bases = new Base[n];
      for (int i = 0; i < n; i++) {
        SplittableRandom r = seeds.random("science-base", Long.parseLong(county.code()) * 100 + i);
        bases[i] = new Base("B" + county.code() + "-" + Ids.padded(i + 1, 2), ChineseNames.scienceBase(county, i, r));
      }
      byCounty.put(county.code(), List.of(bases));
    }
  }

  Base pick(County county, SplittableRandom r) {
    List<Base> bases = byCounty.get(county.code());
    return bases.get(r.nextInt(bases.size()));
  }
}
