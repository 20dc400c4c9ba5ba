package org.tianfu.warehouse.report;

import java.math.BigDecimal;

/**
 * Another county as a county's report may show it: name, score, grade and rank, nothing more
 * (the report's privacy rule). {@code self} marks the report's own county in the list.
 */
public record Peer(String name, BigDecimal score, String grade, Integer rankCity, Integer rankProvince, boolean self) {

  static Peer of(CountyScore s, boolean self) {
    return new Peer(s.countyName(), s.score2dp(), s.grade(), s.rankCity(), s.rankProvince(), self);
  }
}
