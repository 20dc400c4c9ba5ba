package org.tianfu.warehouse.report;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's chromium through Debian's chromedriver (both named explicitly, so Selenium never tries to
 * download a browser or a driver), headless, with a fresh profile and no background networking.
 */
final class HeadlessBrowser implements AutoCloseable {
  private final ChromeDriver driver;

  HeadlessBrowser(Path profile) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
        "--user-data-dir=" + profile, "--window-size=1000,1200");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File("/usr/bin/chromedriver")).build();
    driver = new ChromeDriver(service, options);
  }

  WebDriver open(Path page) {
    driver.get(page.toAbsolutePath().toUri().toString());
    return driver;
  }

  Object script(String js) {
    return ((JavascriptExecutor) driver).executeScript(js);
  }

  /** Console messages at SEVERE (errors, uncaught exceptions) since the last call. */
  List<String> consoleErrors() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
  }

  /** The whole page, as tall as it is, into {@code png}. */
  void screenshot(Path png) throws IOException {
    long height = (Long) script("return document.documentElement.scrollHeight");
    driver.manage().window().setSize(new Dimension(1000, (int) height));
    File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
    Files.createDirectories(png.getParent());
    Files.copy(shot.toPath(), png, StandardCopyOption.REPLACE_EXISTING);
    driver.manage().window().setSize(new Dimension(1000, 1200));
  }

  @Override
  public void close() {
    driver.quit();
  }
}
