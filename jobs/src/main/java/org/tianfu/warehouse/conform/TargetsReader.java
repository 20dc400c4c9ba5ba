package org.tianfu.warehouse.conform;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.tianfu.warehouse.contract.CountyReference;
import org.tianfu.warehouse.landing.LandingFileException;
import org.tianfu.warehouse.landing.LandingScanner;
import org.tianfu.warehouse.landing.PiiMasking;
import org.tianfu.warehouse.store.Storage;
import org.tianfu.warehouse.store.Storage.FileEntry;

/**
 * Reads the province's target spreadsheets ({@code targets/year=YYYY/*.csv}) as landing.md says:
 * UTF-8 with or without BOM, or GB18030; columns by header name; files in name order, a later row
 * for the same key overriding an earlier one; rejected rows quarantined with a reason.
 */
public final class TargetsReader {
  static final String SOURCE = "targets";
  /** Targets are stored as DECIMAL(24,6). */
  static final int PRECISION = 24;
  static final int SCALE = 6;
  private static final List<String> COLUMNS = List.of("year", "county_code", "kpi_code", "target");

  private final CountyReference counties;
  private final java.util.Set<String> kpiCodes;
  private final Consumer<String> warn;

  public TargetsReader(CountyReference counties, java.util.Set<String> kpiCodes, Consumer<String> warn) {
    this.counties = counties;
    this.kpiCodes = kpiCodes;
    this.warn = warn;
  }

  /** Every targets file under {@code landing/targets}, folders and files in name order. */
  public List<TargetsFile> readAll(Storage landing) {
    List<TargetsFile> files = new ArrayList<>();
    LandingScanner.folderFiles(landing, SOURCE, name -> name.matches("year=\\d{4}"), "a year=YYYY folder", ".csv", warn)
        .forEach((folder, entries) -> {
          entries.others().forEach(warn);
          entries.wanted().forEach(file -> files.add(read(landing, file, folder, Integer.parseInt(folder.substring(5)))));
        });
    return files;
  }

  /** The effective target per (year, county, KPI): the last accepted row wins. */
  public static Map<String, TargetRow> effective(List<TargetsFile> files) {
    Map<String, TargetRow> out = new LinkedHashMap<>();
    for (TargetsFile f : files) {
      for (TargetRow r : f.accepted()) {
        out.put(r.year() + "/" + r.countyCode() + "/" + r.kpiCode(), r);
      }
    }
    return out;
  }

  private TargetsFile read(Storage landing, FileEntry entry, String folder, int folderYear) {
    String file = entry.name();
    String path = entry.location();
    String text;
    try {
      text = decode(landing.read(entry));
    } catch (UncheckedIOException e) {
      throw new LandingFileException(e.getMessage());
    }
    String[] physical = text.split("\r?\n", -1);
    List<TargetRow> accepted = new ArrayList<>();
    List<RejectedLine> rejected = new ArrayList<>();
    long read = 0;
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
        .setIgnoreEmptyLines(true).setTrim(true).build();
    try (CSVParser parser = format.parse(new StringReader(text))) {
      List<String> missing = COLUMNS.stream().filter(c -> !parser.getHeaderMap().containsKey(c)).toList();
      if (!missing.isEmpty()) {
        warn.accept("targets/" + folder + "/" + file + " has no column " + missing.get(0) + ": every row is quarantined");
      }
      for (CSVRecord row : parser) {
        read++;
        long line = parser.getCurrentLineNumber();
        String raw = PiiMasking.maskMobiles(line >= 1 && line <= physical.length ? physical[(int) line - 1] : String.join(",", row.values()));
        String reason = missing.isEmpty() ? problem(row, folderYear) : "missing_field:" + missing.get(0);
        if (reason != null) {
          rejected.add(new RejectedLine(SOURCE, folder, file, line, reason, raw));
        } else {
          accepted.add(new TargetRow(folderYear, row.get("county_code"), row.get("kpi_code"), stored(row.get("target")), file, line));
        }
      }
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      throw new LandingFileException("cannot parse " + path + " as CSV: " + e.getMessage());
    }
    return new TargetsFile(folder, file, read, accepted, rejected);
  }

  /** The first problem of a row, in the contract's column order, or null. */
  private String problem(CSVRecord row, int folderYear) {
    if (!String.valueOf(folderYear).equals(value(row, "year"))) {
      return "bad_value:year";
    }
    if (!counties.contains(value(row, "county_code"))) {
      return "unknown_county:county_code";
    }
    if (!kpiCodes.contains(value(row, "kpi_code"))) {
      return "bad_value:kpi_code";
    }
    try {
      // Judged as stored: a target that rounds to 0 at six places would divide by zero in gold, and
      // one of 10^18 or more does not fit.
      BigDecimal target = stored(value(row, "target"));
      if (target.signum() <= 0 || target.precision() > PRECISION) {
        return "bad_value:target";
      }
    } catch (NumberFormatException e) {
      return "bad_value:target";
    }
    return null;
  }

  private static BigDecimal stored(String target) {
    return new BigDecimal(target).setScale(SCALE, RoundingMode.HALF_UP);
  }

  // A short row lacks its last cells: they count as empty.
  private static String value(CSVRecord row, String column) {
    return row.isSet(column) ? row.get(column) : "";
  }

  /** A BOM means UTF-8; otherwise UTF-8 if it decodes as UTF-8, else GB18030. */
  static String decode(byte[] bytes) {
    if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
      return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return new String(bytes, Charset.forName("GB18030"));
    }
  }

}
