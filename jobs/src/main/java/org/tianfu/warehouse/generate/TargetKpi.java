package org.tianfu.warehouse.generate;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The KPI codes of kpis.md, in its order; weighted ones count towards a county's score. */
enum TargetKpi {
  SERVICE_ORDERS(true),
  SERVICES_PROVIDED(true),
  ACHIEVEMENTS_TRANSFERRED(true),
  PROJECTS_UNDERTAKEN(true),
  SERVICES_OBTAINED(true),
  ACHIEVEMENTS_INTRODUCED(true),
  PROBLEMS_COMMISSIONED(true),
  DEAL_AMOUNT_WAN(false),
  NEW_USERS(true),
  POSTINGS(false),
  POPSCI_ACTIVITIES(true),
  POPSCI_PARTICIPANTS(false),
  POPSCI_REACH(true);

  final boolean weighted;

  TargetKpi(boolean weighted) {
    this.weighted = weighted;
  }

  String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  static List<TargetKpi> weightedOnes() {
    return Arrays.stream(values()).filter(k -> k.weighted).toList();
  }

  static List<TargetKpi> unweightedOnes() {
    return Arrays.stream(values()).filter(k -> !k.weighted).toList();
  }
}
