package org.tianfu.warehouse.conform;

import org.tianfu.warehouse.store.LocalStorage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tianfu.warehouse.contract.CountyReference;
import org.tianfu.warehouse.metrics.KpiCatalogue;

class TargetsReaderTest {
  @TempDir Path landing;
  private final List<String> warnings = new ArrayList<>();

  private TargetsReader reader() {
    return new TargetsReader(CountyReference.load(), KpiCatalogue.load().kpis().keySet(), warnings::add);
  }

  private void write(String file, byte[] content) throws IOException {
    Path dir = landing.resolve("targets/year=2024");
    Files.createDirectories(dir);
    Files.write(dir.resolve(file), content);
  }

  private static byte[] utf8WithBom(String text) {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[body.length + 3];
    out[0] = (byte) 0xEF;
    out[1] = (byte) 0xBB;
    out[2] = (byte) 0xBF;
    System.arraycopy(body, 0, out, 3, body.length);
    return out;
  }

  @Test
  void aGb18030FileOverridesAUtf8OneRowByRow() throws IOException {
    write("01_annual.csv", utf8WithBom("year,county_code,kpi_code,target\r\n"
        + "2024,511922,service_orders,324\r\n2024,511922,new_users,50\r\n2024,510104,postings,12.5\r\n"));
    write("02_adjust.csv", ("county_code,kpi_code,备注,target,year\n"
        + "511922,service_orders,南江县上调,400,2024\n510104,postings,\"锦江区,下调\",10,2024\n")
        .getBytes(Charset.forName("GB18030")));
    List<TargetsFile> files = reader().readAll(new LocalStorage(landing));
    Map<String, TargetRow> effective = TargetsReader.effective(files);
    assertEquals(3, effective.size());
    assertEquals(new BigDecimal("400.000000"), effective.get("2024/511922/service_orders").target());
    assertEquals("02_adjust.csv", effective.get("2024/511922/service_orders").file());
    assertEquals(new BigDecimal("50.000000"), effective.get("2024/511922/new_users").target());
    assertEquals(new BigDecimal("10.000000"), effective.get("2024/510104/postings").target());
    assertEquals(List.of(3L, 2L), files.stream().map(TargetsFile::linesRead).toList());
  }

  @Test
  void rejectedRowsHaveTheContractsReasonsAndNeverRemoveAnEarlierTarget() throws IOException {
    write("01.csv", "year,county_code,kpi_code,target\n2024,511922,service_orders,324\n".getBytes(StandardCharsets.UTF_8));
    write("02.csv", ("year,county_code,kpi_code,target\n"
        + "2024,999999,service_orders,1\n"      // line 2
        + "2024,511922,orders,1\n"              // line 3
        + "2023,511922,service_orders,1\n"      // line 4
        + "2024,511922,service_orders,abc\n"    // line 5
        + "2024,511922,service_orders,0\n"      // line 6
        + "2024,511922,service_orders,-5\n"     // line 7
        + "\n"
        + "2024,511922,service_orders\n"        // line 9: short row, no target
        + "2024,511922,service_orders,0.0000004\n"            // line 10: 0 as stored (six places)
        + "2024,511922,service_orders,1000000000000000000\n"  // line 11: 10^18 does not fit DECIMAL(24,6)
        + "2024,510104,service_orders,0.0000005\n")            // line 12: 0.000001 as stored
        .getBytes(StandardCharsets.UTF_8));
    List<TargetsFile> files = reader().readAll(new LocalStorage(landing));
    assertEquals(List.of(
            List.of(2L, "unknown_county:county_code"), List.of(3L, "bad_value:kpi_code"), List.of(4L, "bad_value:year"),
            List.of(5L, "bad_value:target"), List.of(6L, "bad_value:target"), List.of(7L, "bad_value:target"),
            List.of(9L, "bad_value:target"), List.of(10L, "bad_value:target"), List.of(11L, "bad_value:target")),
        files.get(1).rejected().stream().map(r -> List.<Object>of(r.lineNumber(), r.reason())).toList());
    assertEquals("2024,511922,orders,1", files.get(1).rejected().get(1).raw());
    assertEquals("year=2024", files.get(1).rejected().get(0).dt());
    assertEquals(new BigDecimal("324.000000"), TargetsReader.effective(files).get("2024/511922/service_orders").target());
    assertEquals(new BigDecimal("0.000001"), TargetsReader.effective(files).get("2024/510104/service_orders").target());
  }

  @Test
  void aFileWithoutATargetColumnIsQuarantinedWholeWithAWarning() throws IOException {
    write("01.csv", "year,county_code,kpi_code,goal\n2024,511922,service_orders,324\n".getBytes(StandardCharsets.UTF_8));
    TargetsFile file = reader().readAll(new LocalStorage(landing)).get(0);
    assertEquals("missing_field:target", file.rejected().get(0).reason());
    assertTrue(warnings.get(0).contains("has no column target"), warnings.toString());
  }

  @Test
  void otherFilesAndMisplacedOnesAreWarnedAboutAndNotRead() throws IOException {
    write("01.csv", "year,county_code,kpi_code,target\n2024,511922,service_orders,324\n".getBytes(StandardCharsets.UTF_8));
    write("说明.txt", "not targets".getBytes(StandardCharsets.UTF_8));
    Files.writeString(landing.resolve("targets/targets.csv"), "year,county_code,kpi_code,target\n");
    Files.createDirectories(landing.resolve("targets/year=2025"));
    Files.writeString(landing.resolve("targets/year=2025/_SUCCESS"), "");
    List<TargetsFile> files = reader().readAll(new LocalStorage(landing));
    assertEquals(List.of("01.csv"), files.stream().map(TargetsFile::file).toList());
    assertEquals(List.of("skipped targets/targets.csv: not a year=YYYY folder",
        "skipped targets/year=2024/说明.txt: not a .csv file", "skipped targets/year=2025/_SUCCESS: not a .csv file"),
        warnings.stream().sorted().toList());
  }

  @Test
  void encodingIsDecidedByBomThenUtf8ThenGb18030() {
    assertEquals("南江县", TargetsReader.decode(utf8WithBom("南江县")));
    assertEquals("南江县", TargetsReader.decode("南江县".getBytes(StandardCharsets.UTF_8)));
    assertEquals("南江县", TargetsReader.decode("南江县".getBytes(Charset.forName("GB18030"))));
  }
}
