package org.tianfu.warehouse.metrics;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.tianfu.warehouse.contract.CountyReference;
import org.tianfu.warehouse.models.Relation;
import org.tianfu.warehouse.models.SqlModels;
import org.tianfu.warehouse.models.DuckDbEngine;

/** Hand-written silver rows for the gold SQL, run on DuckDB. Only the columns the models read. */
final class GoldFixture {
  private final List<Object[]> orders = new ArrayList<>();
  private final List<Object[]> users = new ArrayList<>();
  private final List<Object[]> postings = new ArrayList<>();
  private final List<Object[]> activities = new ArrayList<>();
  private final List<Object[]> deliveries = new ArrayList<>();
  private final List<Object[]> targets = new ArrayList<>();
  private final List<YearMonth> months = new ArrayList<>();
  private int ids;

  GoldFixture months(String first, String last) {
    months.addAll(Periods.between(YearMonth.parse(first), YearMonth.parse(last)));
    return this;
  }

  /** {@code count} orders in their current state. */
  GoldFixture orders(int count, String status, String category, String supplier, String demander,
      String facilitator, String amountYuan, String completedPeriod) {
    for (int i = 0; i < count; i++) {
      orders.add(new Object[] {"O" + ids++, status, category, supplier, demander, facilitator,
          amountYuan == null ? null : new BigDecimal(amountYuan), completedPeriod});
    }
    return this;
  }

  GoldFixture user(String firstPeriod, String county, String type) {
    users.add(new Object[] {"U" + ids++, firstPeriod, county, type});
    return this;
  }

  GoldFixture postings(int count, String county, String period) {
    for (int i = 0; i < count; i++) {
      postings.add(new Object[] {"P" + ids++, county, period});
    }
    return this;
  }

  GoldFixture activity(String county, String period, long participants) {
    activities.add(new Object[] {"A" + ids++, county, period, participants});
    return this;
  }

  GoldFixture deliveries(int count, String county, String period) {
    for (int i = 0; i < count; i++) {
      deliveries.add(new Object[] {"D" + ids++, county, period});
    }
    return this;
  }

  GoldFixture target(int year, String county, String kpi, String target) {
    targets.add(new Object[] {year, county, kpi, new BigDecimal(target)});
    return this;
  }

  /** Loads everything into a fresh DuckDB and defines the gold chain over it. */
  DuckDbEngine run() {
    DuckDbEngine db = new DuckDbEngine();
    KpiCatalogue catalogue = KpiCatalogue.load();
    db.register(catalogue.relation());
    Methodology.load(catalogue).relations().forEach(db::register);
    db.register(CountiesRelation.of(CountyReference.load()));
    db.register(Periods.relation(months));
    db.register(new Relation("orders", Relation.columns("order_id VARCHAR", "status VARCHAR", "category VARCHAR",
        "supplier_county VARCHAR", "demander_county VARCHAR", "facilitator_county VARCHAR",
        "amount_yuan DECIMAL(24,6)", "completed_period VARCHAR"), orders));
    db.register(new Relation("users", Relation.columns("user_id VARCHAR", "first_register_period VARCHAR",
        "first_register_county VARCHAR", "first_register_type VARCHAR"), users));
    db.register(new Relation("postings", Relation.columns("posting_id VARCHAR", "county_code VARCHAR", "period VARCHAR"), postings));
    db.register(new Relation("science_base_activity", Relation.columns("activity_id VARCHAR", "county_code VARCHAR",
        "period VARCHAR", "participants BIGINT"), activities));
    db.register(new Relation("popsci_deliveries", Relation.columns("delivery_id VARCHAR", "county_code VARCHAR",
        "period VARCHAR"), deliveries));
    db.register(new Relation("targets", Relation.columns("year INT", "county_code VARCHAR", "kpi_code VARCHAR",
        "target DECIMAL(24,6)"), targets));
    SqlModels.defineGold(db);
    return db;
  }
}
