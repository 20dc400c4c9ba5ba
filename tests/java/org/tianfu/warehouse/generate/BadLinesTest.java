package org.tianfu.warehouse.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tianfu.warehouse.contract.SourceSpec;
import org.tianfu.warehouse.generate.BadLineInjector.Kind;

/** Five days at scale 0.02 with 5% bad lines, checked with the test's own reading of the contract. */
class BadLinesTest {
  private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

  @TempDir
  static Path landing;
  @TempDir
  static Path clean;
  static GenerationSummary summary;
  static Map<String, List<LandingFiles.Record>> records = new HashMap<>();
  static Map<String, List<LandingFiles.Record>> cleanRecords = new HashMap<>();

  @BeforeAll
  static void generate() throws IOException {
    summary = LandingFiles.generate(landing, "2024-03-01", "2024-03-05", 0.02, 5, 0.05);
    LandingFiles.generate(clean, "2024-03-01", "2024-03-03", 0.02, 5, 0);
    for (String source : LandingFiles.SOURCES) {
      records.put(source, LandingFiles.records(landing, source));
      cleanRecords.put(source, LandingFiles.records(clean, source));
    }
  }

  private static Map<Kind, Integer> kinds(List<LandingFiles.Record> lines) {
    Map<Kind, Integer> found = new EnumMap<>(Kind.class);
    for (LandingFiles.Record r : lines) {
      if (!r.valid()) {
        found.merge(r.reading().kind(), 1, Integer::sum);
      }
    }
    return found;
  }

  @Test
  void everyKindOfBadLineOccurs() {
    Set<Kind> all = EnumSet.noneOf(Kind.class);
    for (String source : LandingFiles.SOURCES) {
      all.addAll(kinds(records.get(source)).keySet());
    }
    assertEquals(EnumSet.allOf(Kind.class), all);
  }

  @Test
  void theBusySourceShowsEveryKindItsFieldsAllow() {
    Set<Kind> expected = EnumSet.copyOf(new BadLineInjector(SourceSpec.load("popsci_deliveries")).kinds());
    assertEquals(expected, kinds(records.get("popsci_deliveries")).keySet());
    assertTrue(expected.containsAll(EnumSet.of(Kind.BAD_ENCODING, Kind.WRONG_TYPE, Kind.UNKNOWN_COUNTY)));
  }

  @Test
  void theShareOfBadLinesIsTheOneAskedFor() {
    List<LandingFiles.Record> lines = records.get("popsci_deliveries");
    int bad = kinds(lines).values().stream().mapToInt(Integer::intValue).sum();
    double share = (double) bad / lines.size();
    assertTrue(share > 0.04 && share < 0.06, "bad share " + share);
    assertEquals(bad, summary.badLinesBySource().get("popsci_deliveries"));
  }

  @Test
  void withNoBadShareEveryLineIsValid() {
    for (String source : LandingFiles.SOURCES) {
      assertEquals(Map.of(), kinds(cleanRecords.get(source)), source);
      assertTrue(cleanRecords.get(source).size() > 0, source);
    }
  }

  @Test
  void someBadRegistrationLinesCarryAPhoneNumber() {
    long withPhone = records.get("registrations").stream()
        .filter(r -> !r.valid())
        .filter(r -> MOBILE.matcher(new String(r.line().bytes(), StandardCharsets.ISO_8859_1)).find())
        .count();
    assertTrue(withPhone >= 3, "bad registration lines with a phone: " + withPhone);
  }

  @Test
  void someBadLinesAreFollowedByAValidLineWithTheSameId() {
    Set<String> quarantinedIds = new HashSet<>();
    int resentAfterBad = 0;
    for (LandingFiles.Record r : records.get("popsci_deliveries")) {
      JsonNode node = r.node();
      String id = node != null && node.path("delivery_id").isTextual() ? node.get("delivery_id").asText() : null;
      if (!r.valid()) {
        if (id != null) {
          quarantinedIds.add(id);
        }
      } else if (quarantinedIds.remove(id)) {
        resentAfterBad++;
      }
    }
    assertTrue(resentAfterBad >= 10, "valid re-sends after a bad line: " + resentAfterBad);
  }
}
