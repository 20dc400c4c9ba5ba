package org.tianfu.warehouse.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.tianfu.warehouse.store.Directories;

/**
 * One headless Chromium for a whole report run, driven over the DevTools protocol: the report pages
 * are printed to PDF by the same engine that draws their ECharts charts, with the system's CJK
 * fonts embedded. Starting the browser once and reusing a few tabs keeps 184 PDFs within seconds.
 * The profile is a fresh temporary directory, deleted on close; the flags keep the browser from
 * calling out to the network (this machine has none) at start-up.
 *
 * <p>A report page offers {@code window.tianfuReport.show(html)}: it shows another page of the run
 * in its place (styles, body, charts redrawn) without loading ECharts again. A tab that has loaded
 * such a page shows the next ones that way — a quarter less work per PDF than loading each file —
 * and loads any other page from its file.
 */
public final class HeadlessChromium implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** A script element with no attributes: code, as opposed to the page's JSON data. */
  private static final Pattern INLINE_SCRIPT = Pattern.compile("<script>.*?</script>", Pattern.DOTALL);
  private static final Duration START = Duration.ofSeconds(30);
  private static final Duration PAGE = Duration.ofSeconds(60);
  /**
   * The width, in CSS pixels, of A4 less the 12 mm side margins of report.css's {@code @page}: pages
   * are laid out at the width they are printed at, so the charts are drawn to fit the paper.
   */
  static final int A4_CONTENT_WIDTH = 703;
  static final int A4_CONTENT_HEIGHT = 1024;

  private final Process process;
  private final Path profile;
  private final DevToolsConnection devTools;

  private HeadlessChromium(Process process, Path profile, DevToolsConnection devTools) {
    this.process = process;
    this.profile = profile;
    this.devTools = devTools;
  }

  public static HeadlessChromium start(Path executable) {
    Path profile;
    try {
      profile = Files.createTempDirectory("tianfu-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a Chromium profile directory", e);
    }
    List<String> command = new ArrayList<>(List.of(executable.toString(),
        "--headless", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-extensions", "--hide-scrollbars",
        "--mute-audio", "--user-data-dir=" + profile, "--remote-debugging-port=0"));
    if ("root".equals(System.getProperty("user.name"))) {
      command.add("--no-sandbox");   // Chromium refuses to run as root with its sandbox
    }
    command.add("about:blank");
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(profile.resolve("chromium.log").toFile()).start();
    } catch (IOException e) {
      deleteTree(profile);
      throw new IllegalArgumentException("cannot start Chromium (" + executable + "): " + e.getMessage());
    }
    try {
      return new HeadlessChromium(process, profile, new DevToolsConnection(endpoint(process, profile)));
    } catch (RuntimeException e) {
      process.destroyForcibly();
      deleteTree(profile);
      throw e;
    }
  }

  /** Chromium writes its DevTools port and browser path to the profile once it listens. */
  private static URI endpoint(Process process, Path profile) {
    Path activePort = profile.resolve("DevToolsActivePort");
    long deadline = System.nanoTime() + START.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        if (Files.exists(activePort)) {
          List<String> lines = Files.readAllLines(activePort);
          if (lines.size() >= 2) {
            return URI.create("ws://127.0.0.1:" + lines.get(0).trim() + lines.get(1).trim());
          }
        }
        if (!process.isAlive()) {
          throw new IllegalStateException("Chromium exited at start-up (status " + process.exitValue() + "): "
              + lastLines(profile.resolve("chromium.log")));
        }
        Thread.sleep(50);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while Chromium started", e);
      }
    }
    throw new IllegalStateException("Chromium did not open its DevTools port within " + START.toSeconds() + " s");
  }

  /** A tab that prints pages one after another; use one tab per thread. */
  public Tab openTab() {
    String targetId = devTools.send(null, "Target.createTarget",
        DevToolsConnection.params().put("url", "about:blank"), PAGE).path("targetId").asText();
    String sessionId = devTools.send(null, "Target.attachToTarget",
        DevToolsConnection.params().put("targetId", targetId).put("flatten", true), PAGE).path("sessionId").asText();
    return new Tab(targetId, sessionId);
  }

  public final class Tab implements AutoCloseable {
    private final String targetId;
    private final String sessionId;
    private volatile CompletableFuture<Void> loaded = new CompletableFuture<>();
    private final List<String> scriptErrors = new CopyOnWriteArrayList<>();
    private boolean showsInPlace;

    private Tab(String targetId, String sessionId) {
      this.targetId = targetId;
      this.sessionId = sessionId;
      devTools.onEvents(sessionId, this::onEvent);
      devTools.send(sessionId, "Page.enable", null, PAGE);
      devTools.send(sessionId, "Runtime.enable", null, PAGE);
      // Print media from the first layout on, so the page's scripts size their charts for paper.
      devTools.send(sessionId, "Emulation.setEmulatedMedia", DevToolsConnection.params().put("media", "print"), PAGE);
      devTools.send(sessionId, "Emulation.setDeviceMetricsOverride", DevToolsConnection.params()
          .put("width", A4_CONTENT_WIDTH).put("height", A4_CONTENT_HEIGHT).put("deviceScaleFactor", 1)
          .put("mobile", false), PAGE);
    }

    private void onEvent(JsonNode event) {
      switch (event.path("method").asText()) {
        case "Page.loadEventFired" -> loaded.complete(null);
        case "Runtime.exceptionThrown" -> scriptErrors.add(event.path("params").path("exceptionDetails")
            .path("exception").path("description").asText(event.path("params").path("exceptionDetails").path("text").asText()));
        case "Runtime.consoleAPICalled" -> {
          if ("error".equals(event.path("params").path("type").asText())) {
            scriptErrors.add(event.path("params").path("args").path(0).path("value").asText("console.error"));
          }
        }
        default -> { }
      }
    }

    /**
     * Puts the page in the tab (in place, or loaded from its file) with its scripts run — the charts
     * drawn — and prints it with the page size and margins its CSS asks for. A page whose scripts
     * failed is not printed: a report with a missing chart must not be filed as if complete.
     */
    public void printToPdf(Path html, Path pdf) {
      scriptErrors.clear();
      if (showsInPlace) {
        showInPlace(html);
      } else {
        load(html);
        showsInPlace = Boolean.TRUE.equals(evaluate(
            "typeof window.tianfuReport === 'object' && typeof window.tianfuReport.show === 'function'").asBoolean());
      }
      if (!scriptErrors.isEmpty()) {
        throw new IllegalStateException(html + ": script error, not printed: " + scriptErrors.get(0));
      }
      // Untagged: the structure tree costs a tenth of the print time; the HTML page is the accessible form.
      JsonNode result = devTools.send(sessionId, "Page.printToPDF", DevToolsConnection.params()
          .put("printBackground", true).put("preferCSSPageSize", true).put("generateTaggedPDF", false), PAGE);
      try {
        Files.write(pdf, Base64.getDecoder().decode(result.path("data").asText()));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + pdf, e);
      }
    }

    private void load(Path html) {
      loaded = new CompletableFuture<>();
      devTools.send(sessionId, "Page.navigate",
          DevToolsConnection.params().put("url", html.toAbsolutePath().toUri().toString()), PAGE);
      try {
        loaded.get(PAGE.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while loading " + html, e);
      } catch (ExecutionException | TimeoutException e) {
        throw new IllegalStateException("Chromium did not load " + html + " within " + PAGE.toSeconds() + " s", e);
      }
    }

    private void showInPlace(Path html) {
      try {
        // Without its inline scripts (ECharts is most of the file): show() would drop them anyway.
        String page = INLINE_SCRIPT.matcher(Files.readString(html, StandardCharsets.UTF_8)).replaceAll("");
        evaluate("window.tianfuReport.show(" + JSON.writeValueAsString(page) + ")");
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + html, e);
      } catch (IllegalStateException e) {
        throw new IllegalStateException(html + ": " + e.getMessage(), e);
      }
    }

    /** The value of a script run in the page; a script that throws is an error. */
    private JsonNode evaluate(String expression) {
      JsonNode result = devTools.send(sessionId, "Runtime.evaluate",
          DevToolsConnection.params().put("expression", expression).put("returnByValue", true), PAGE);
      if (result.has("exceptionDetails")) {
        JsonNode details = result.get("exceptionDetails");
        throw new IllegalStateException("script error, not printed: "
            + details.path("exception").path("description").asText(details.path("text").asText()));
      }
      return result.path("result").path("value");
    }

    @Override
    public void close() {
      devTools.forget(sessionId);
      devTools.send(null, "Target.closeTarget", DevToolsConnection.params().put("targetId", targetId), PAGE);
    }
  }

  @Override
  public void close() {
    try {
      devTools.send(null, "Browser.close", null, Duration.ofSeconds(5));
    } catch (RuntimeException ignored) {
      // The browser may already be gone; it is stopped below in any case.
    }
    devTools.close();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    deleteTree(profile);
  }

  private static String lastLines(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
    } catch (IOException e) {
      return "(no log)";
    }
  }

  private static void deleteTree(Path root) {
    try {
      Directories.deleteTree(root);
    } catch (UncheckedIOException e) {
      // A temporary profile left behind is harmless; Chromium may still hold a file open briefly.
    }
  }
}
