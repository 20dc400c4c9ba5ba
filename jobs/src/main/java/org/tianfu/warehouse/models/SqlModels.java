package org.tianfu.warehouse.models;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The SQL files under {@code jobs/sql/} (in the jar as {@code /sql/}), in the subset of SQL that
 * Spark and DuckDB both run. Each file is one query whose relation is named after the file.
 */
public final class SqlModels {
  public static final String SILVER_ORDERS = "silver/orders";
  public static final String SILVER_USERS = "silver/users";
  public static final List<String> KPI_FAMILIES =
      List.of("gold/kpi_orders", "gold/kpi_users", "gold/kpi_postings", "gold/kpi_popsci");
  public static final String KPI_ACTUALS = "gold/kpi_actuals";
  public static final String KPI_COUNTY_MONTH = "gold/kpi_county_month";
  public static final String KPI_TERMS = "gold/kpi_terms";
  public static final String COUNTY_SCORES = "gold/county_scores";
  public static final String SCORE_CHANGE_PARTS = "gold/score_change_parts";
  public static final String RANK_UNCERTAINTY = "gold/rank_uncertainty";
  public static final String TARGET_FLAGS = "gold/target_flags";
  /** The models of the scores stage, in the order they read each other. */
  public static final List<String> SCORING = List.of(KPI_TERMS, COUNTY_SCORES, SCORE_CHANGE_PARTS,
      RANK_UNCERTAINTY, TARGET_FLAGS);

  private SqlModels() {}

  public static String text(String model) {
    String resource = "/sql/" + model + ".sql";
    try (InputStream in = SqlModels.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("SQL model missing from the jar: " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The relation a model defines: its file name. */
  public static String relation(String model) {
    return model.substring(model.lastIndexOf('/') + 1);
  }

  /** Defines the model as a view named after it. */
  public static void define(SqlEngine engine, String model) {
    engine.define(relation(model), text(model));
  }

  /** The gold chain over views of silver: actuals per family, then completion, then scores and their checks. */
  public static void defineGold(SqlEngine engine) {
    KPI_FAMILIES.forEach(m -> define(engine, m));
    define(engine, KPI_ACTUALS);
    define(engine, KPI_COUNTY_MONTH);
    SCORING.forEach(m -> define(engine, m));
  }
}
