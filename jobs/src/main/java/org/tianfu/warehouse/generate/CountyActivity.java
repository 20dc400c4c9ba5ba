package org.tianfu.warehouse.generate;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.tianfu.warehouse.contract.County;

/**
 * How busy each county is on the platform. Chengdu's districts lead, the larger prefecture cities
 * follow, and the counties of Aba, Ganzi and Liangshan are quiet; every county gets a jitter of
 * its own (from the seed) so counties of one city do not tie. Suppliers of orders are concentrated
 * where the universities and institutes are: Chengdu and Mianyang.
 */
final class CountyActivity {
  static final String CHENGDU = "510100";
  static final String MIANYANG = "510700";

  private static final Map<String, Double> CITY_WEIGHT = Map.ofEntries(
      Map.entry(CHENGDU, 10.0),
      Map.entry(MIANYANG, 3.0),
      Map.entry("510600", 2.5),  // 德阳
      Map.entry("511500", 2.5),  // 宜宾
      Map.entry("511300", 2.0),  // 南充
      Map.entry("510500", 2.0),  // 泸州
      Map.entry("511100", 2.0),  // 乐山
      Map.entry("513200", 0.2),  // 阿坝
      Map.entry("513300", 0.2),  // 甘孜
      Map.entry("513400", 0.2)); // 凉山
  private static final double OTHER_CITY_WEIGHT = 1.2;
  private static final double DISTRICT_FACTOR = 1.5;
  private static final double JITTER_SIGMA = 0.35;
  private static final Map<String, Double> SUPPLIER_BOOST = Map.of(CHENGDU, 3.0, MIANYANG, 4.0);
  private static final double OTHER_SUPPLIER_BOOST = 0.5;

  private final List<County> counties;
  private final WeightedChoice<County> general;
  private final WeightedChoice<County> suppliers;

  CountyActivity(List<County> counties, Seeds seeds) {
    this.counties = List.copyOf(counties);
    double[] weights = new double[counties.size()];
    double[] supplierWeights = new double[counties.size()];
    for (int i = 0; i < counties.size(); i++) {
      County c = counties.get(i);
      double jitter = Math.exp(JITTER_SIGMA * seeds.random("county-jitter", Long.parseLong(c.code())).nextGaussian());
      // Urban districts (区) host more of the platform's users and firms than rural counties.
      double district = c.name().endsWith("区") ? DISTRICT_FACTOR : 1;
      weights[i] = CITY_WEIGHT.getOrDefault(c.cityCode(), OTHER_CITY_WEIGHT) * district * jitter;
      supplierWeights[i] = weights[i] * SUPPLIER_BOOST.getOrDefault(c.cityCode(), OTHER_SUPPLIER_BOOST);
    }
    this.general = new WeightedChoice<>(this.counties, weights);
    this.suppliers = new WeightedChoice<>(this.counties, supplierWeights);
  }

  List<County> counties() {
    return counties;
  }

  /** A county for users, postings, activities, pushes and demanders. */
  County pick(SplittableRandom r) {
    return general.pick(r);
  }

  County pickSupplier(SplittableRandom r) {
    return suppliers.pick(r);
  }

  double share(County county) {
    return general.share(county);
  }

  double supplierShare(County county) {
    return suppliers.share(county);
  }

  /** Relative busyness; 1 is an average county outside Chengdu. */
  double weight(County county) {
    return general.share(county) * counties.size();
  }

  static boolean isMinorityPrefecture(County county) {
    return county.cityCode().startsWith("513");
  }
}
