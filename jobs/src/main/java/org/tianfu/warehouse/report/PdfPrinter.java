package org.tianfu.warehouse.report;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Prints report pages to A4 PDFs with one headless Chromium and a tab per core. Chromium draws the
 * ECharts charts as the browser does and embeds the CJK font it rendered with (from the system's
 * fontconfig: Debian's fonts-noto-cjk), so a PDF is the page a county office sees, on paper.
 */
public final class PdfPrinter {
  /** Browsers tried on the PATH when none is named: Debian's, then other distributions' names. */
  private static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome-stable", "google-chrome");

  public record Page(Path html, Path pdf) {}

  private final Path chromium;

  private PdfPrinter(Path chromium) {
    this.chromium = chromium;
  }

  /**
   * The printer, if it can print Chinese: Chromium from {@code explicit}, else {@code WAREHOUSE_CHROMIUM},
   * else the PATH; and a Chinese font known to fontconfig.
   *
   * @throws IllegalArgumentException saying what to install when either is missing
   */
  public static PdfPrinter locate(Path explicit, Map<String, String> env) {
    Path browser = Optional.ofNullable(explicit)
        .or(() -> Optional.ofNullable(env.get("WAREHOUSE_CHROMIUM")).filter(s -> !s.isBlank()).map(Path::of))
        .or(() -> onPath(env.getOrDefault("PATH", "")))
        .orElseThrow(() -> new IllegalArgumentException("the PDFs are printed by headless Chromium, which was not found:"
            + " install it (Debian: apt-get install chromium fonts-noto-cjk), name it with --chromium or"
            + " WAREHOUSE_CHROMIUM, or pass --no-pdf"));
    if (!Files.isExecutable(browser)) {
      throw new IllegalArgumentException("Chromium " + browser + ": not an executable file");
    }
    if (!chineseFontInstalled()) {
      throw new IllegalArgumentException("no Chinese font is installed, so the PDFs would show empty boxes:"
          + " install one (Debian: apt-get install fonts-noto-cjk), or pass --no-pdf");
    }
    return new PdfPrinter(browser);
  }

  private static Optional<Path> onPath(String path) {
    for (String name : NAMES) {
      for (String dir : path.split(File.pathSeparator)) {
        Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
        if (Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  /** fontconfig's answer, the one Chromium gets; without fc-list there is no asking, and no refusing. */
  private static boolean chineseFontInstalled() {
    try {
      Process fcList = new ProcessBuilder("fc-list", ":lang=zh", "family").redirectErrorStream(true).start();
      String fonts = new String(fcList.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return !fcList.waitFor(30, TimeUnit.SECONDS) || fcList.exitValue() != 0 || !fonts.isBlank();
    } catch (IOException e) {
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    }
  }

  /** Prints every page, {@code tabs} at a time; the first failure stops the run. */
  public void print(List<Page> pages, int tabs) {
    Queue<Page> queue = new ConcurrentLinkedQueue<>(pages);
    try (HeadlessChromium browser = HeadlessChromium.start(chromium)) {
      ExecutorService pool = Executors.newFixedThreadPool(tabs);
      try {
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < tabs; t++) {
          workers.add(pool.submit(() -> {
            try (HeadlessChromium.Tab tab = browser.openTab()) {
              for (Page page = queue.poll(); page != null; page = queue.poll()) {
                tab.printToPdf(page.html(), page.pdf());
              }
            } catch (RuntimeException e) {
              queue.clear();   // the other tabs stop after their current page
              throw e;
            }
            return null;
          }));
        }
        for (Future<?> worker : workers) {
          worker.get();
        }
      } catch (ExecutionException e) {
        throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while printing PDFs", e);
      } finally {
        queue.clear();
        pool.shutdownNow();
      }
    }
  }
}
