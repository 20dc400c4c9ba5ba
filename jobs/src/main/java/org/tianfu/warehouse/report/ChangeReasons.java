package org.tianfu.warehouse.report;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

/**
 * "变化原因": the three KPIs whose parts moved a county's score most, and the renormalisation when
 * the set of scored KPIs changed. Parts that round to 0.00 are left out: they moved nothing a reader
 * can see.
 */
public record ChangeReasons(List<ChangePart> kpis, ChangePart renormalisation) {
  static final int SHOWN = 3;
  private static final BigDecimal VISIBLE = new BigDecimal("0.005");

  static ChangeReasons of(List<ChangePart> parts) {
    List<ChangePart> kpis = parts.stream().filter(p -> !p.renormalisation() && visible(p))
        .sorted(Comparator.comparing((ChangePart p) -> p.contribution().abs()).reversed()
            .thenComparing(ChangePart::component))
        .limit(SHOWN).toList();
    ChangePart renormalisation = parts.stream().filter(p -> p.renormalisation() && visible(p)).findFirst().orElse(null);
    return new ChangeReasons(kpis, renormalisation);
  }

  private static boolean visible(ChangePart p) {
    return p.contribution().abs().compareTo(VISIBLE) >= 0;
  }
}
