package org.tianfu.warehouse.generate;

import org.tianfu.warehouse.contract.County;

/**
 * The annual actual a county can expect for a KPI, from the very rates the generators use, so
 * that the province's targets are the right size for the generated data (before bad lines and
 * refunds are taken out).
 */
final class KpiExpectations {
  private final DailyVolume volume;
  private final CountyActivity counties;

  KpiExpectations(DailyVolume volume, CountyActivity counties) {
    this.volume = volume;
    this.counties = counties;
  }

  double annual(TargetKpi kpi, County county, int daysInYear) {
    double completed = perYear(LandingSource.ORDERS, daysInYear) * OrderLifecycle.COMPLETED_SHARE;
    double asSupplier = counties.supplierShare(county);
    double asCounty = counties.share(county);
    return switch (kpi) {
      case SERVICE_ORDERS -> completed * OrderLifecycle.FACILITATED_SHARE
          * (OrderLifecycle.FACILITATOR_AT_DEMANDER * asCounty + (1 - OrderLifecycle.FACILITATOR_AT_DEMANDER) * asSupplier);
      case SERVICES_PROVIDED -> completed * category("service") * asSupplier;
      case ACHIEVEMENTS_TRANSFERRED -> completed * category("achievement") * asSupplier;
      case PROJECTS_UNDERTAKEN -> completed * category("project") * asSupplier;
      case SERVICES_OBTAINED -> completed * category("service") * asCounty;
      case ACHIEVEMENTS_INTRODUCED -> completed * category("achievement") * asCounty;
      case PROBLEMS_COMMISSIONED -> completed * category("project") * asCounty;
      case DEAL_AMOUNT_WAN -> completed * asSupplier * meanOrderAmountYuan() / 10_000;
      case NEW_USERS -> perYear(LandingSource.REGISTRATIONS, daysInYear) * UserDirectory.NEW_USER_SHARE
          * (1 - UserDirectory.TYPES.share("public")) * asCounty;
      case POSTINGS -> perYear(LandingSource.POSTINGS, daysInYear) * asCounty;
      case POPSCI_ACTIVITIES -> perYear(LandingSource.SCIENCE_BASE_ACTIVITY, daysInYear) * asCounty;
      case POPSCI_PARTICIPANTS -> perYear(LandingSource.SCIENCE_BASE_ACTIVITY, daysInYear) * asCounty
          * ActivityKind.meanParticipants();
      case POPSCI_REACH -> perYear(LandingSource.POPSCI_DELIVERIES, daysInYear) * asCounty;
    };
  }

  private double perYear(LandingSource source, int days) {
    return volume.expectedPerDay(source) * days;
  }

  private static double category(String category) {
    return OrderLifecycle.CATEGORIES.share(category);
  }

  private static double meanOrderAmountYuan() {
    return OrderLifecycle.CATEGORIES.values().stream()
        .mapToDouble(c -> category(c) * OrderLifecycle.AMOUNTS.get(c).meanYuan())
        .sum();
  }
}
