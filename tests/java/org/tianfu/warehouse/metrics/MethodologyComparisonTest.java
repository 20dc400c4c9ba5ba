package org.tianfu.warehouse.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tianfu.warehouse.metrics.MethodologyComparison.County;
import org.tianfu.warehouse.metrics.MethodologyComparison.Standing;

class MethodologyComparisonTest {
  private static Standing standing(double score, int rank, String grade) {
    return new Standing(score, BigDecimal.valueOf(score).setScale(2, RoundingMode.HALF_UP), rank, grade);
  }

  /** Counties 510101… with these published and proposed scores, ranked highest first (ties share a rank) and graded. */
  private static MethodologyComparison comparison(double[] published, double[] proposed) {
    List<County> counties = new ArrayList<>();
    for (int i = 0; i < published.length; i++) {
      counties.add(new County(String.valueOf(510101 + i), "县" + i, "市", standing(published[i], rank(published, i),
          grade(published[i])), standing(proposed[i], rank(proposed, i), grade(proposed[i]))));
    }
    return new MethodologyComparison(counties);
  }

  private static int rank(double[] scores, int i) {
    int higher = 0;
    for (double s : scores) {
      higher += s > scores[i] ? 1 : 0;
    }
    return higher + 1;
  }

  private static String grade(double score) {
    return score >= 90 ? "优秀" : score >= 80 ? "良好" : "合格";
  }

  @Test
  void theSameScoresCorrelateExactlyOneAndChangeNothing() {
    double[] scores = {91.5, 70.25, 85, 85, 60.125};
    MethodologyComparison same = comparison(scores, scores);
    assertEquals(1.0, same.spearman());
    assertEquals(5, same.scoredInBoth());
    assertEquals(List.of(0, 0, 0, 0, 0), same.counties().stream().map(County::rankChange).toList());
    assertEquals(List.of(), same.gradeChanges());
  }

  @Test
  void reversedScoresCorrelateExactlyMinusOne() {
    assertEquals(-1.0, comparison(new double[] {10, 20, 30, 40, 50}, new double[] {50, 40, 30, 20, 10}).spearman());
  }

  @Test
  void withoutTiesRhoIsOneMinusSixSumOfSquaredRankDifferences() {
    // Rank differences 1, 1, 1, 1, 0: ρ = 1 − 6·4 / (5·(25 − 1)) = 0.8.
    assertEquals(0.8, comparison(new double[] {1, 2, 3, 4, 5}, new double[] {2, 1, 4, 3, 5}).spearman(), 1e-15);
  }

  @Test
  void tiedScoresShareTheAverageOfTheirRanks() {
    // Published ranks 1, 2.5, 2.5, 4 against 1, 2, 3, 4: deviations ∓1.5, 0, 0 and ∓1.5, ∓0.5;
    // ρ = 4.5 / √(4.5 · 5) = 3 / √10.
    assertArrayEquals(new long[] {2, 5, 5, 8}, MethodologyComparison.doubledRanks(List.of(10.0, 20.0, 20.0, 40.0)));
    assertEquals(3 / Math.sqrt(10), comparison(new double[] {10, 20, 20, 40}, new double[] {1, 2, 3, 4}).spearman(), 1e-15);
  }

  @Test
  void rankChangesAreOrderedByTheProposalAndGradeChangesListed() {
    MethodologyComparison c = comparison(new double[] {95, 85, 75}, new double[] {78, 92, 88});
    assertEquals(List.of("510102", "510103", "510101"), c.counties().stream().map(County::code).toList());
    // 510102 from 2nd to 1st: +1; 510103 3rd to 2nd: +1; 510101 1st to 3rd: −2.
    assertEquals(List.of(1, 1, -2), c.counties().stream().map(County::rankChange).toList());
    assertEquals(List.of("510102 良好→优秀", "510103 合格→良好", "510101 优秀→合格"), c.gradeChanges().stream()
        .map(x -> x.code() + " " + x.published().grade() + "→" + x.proposed().grade()).toList());
    assertEquals(-0.5, c.spearman(), 1e-15);
  }

  @Test
  void aCountyUnscoredUnderOneMethodologyLosesItsGradeAndIsLeftOutOfRho() {
    County lost = new County("510104", "县", "市", standing(81, 1, "良好"), Standing.UNSCORED);
    County kept = new County("510105", "县", "市", standing(70, 2, "合格"), standing(75, 1, "合格"));
    MethodologyComparison c = new MethodologyComparison(List.of(lost, kept));
    assertEquals(List.of(kept, lost), c.counties());
    assertNull(lost.rankChange());
    assertEquals(List.of(lost), c.gradeChanges());
    assertEquals(1, c.scoredInBoth());
    assertNull(c.spearman(), "one county has no order to correlate");
  }
}
