package org.tianfu.warehouse.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * What every report page inlines, read once from the jar: the stylesheet, Apache ECharts (vendored
 * from the npm registry at build time) and the page script that draws the charts. Inlined, so a
 * page is one file that works offline — from a USB stick, an e-mail attachment, a file share.
 */
record ReportAssets(String css, String echarts, String script) {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String ECHARTS = "/report/vendor/echarts/echarts.common.min.js";

  static ReportAssets load() {
    return new ReportAssets(resource("/report/report.css"), inlined(ECHARTS), inlined("/report/report.js"));
  }

  /** A script to inline into a page: it must not hold the text that would end its element. */
  private static String inlined(String name) {
    String text = resource(name);
    if (text.toLowerCase(java.util.Locale.ROOT).contains("</script")) {
      throw new IllegalStateException(name + " contains </script and cannot be inlined");
    }
    return text;
  }

  static String resource(String name) {
    try (InputStream in = ReportAssets.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing from the jar: " + name
            + (name.equals(ECHARTS) ? " (the build vendors it with npm ci: rebuild with 'mvn package')" : ""));
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** JSON for a {@code <script type="application/json">}: '<' escaped, so no string can close the element. */
  static String json(JsonNode node) {
    return node.toString().replace("<", "\\u003c");
  }
}
