package io.strikeswarm.http.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The machine's own Chromium and chromedriver (Debian's packages), driven headless; shared with runtime's dashboard
 * test through http's test jar. Both paths are given to Selenium explicitly, so Selenium Manager never looks for (or
 * downloads) a browser or a driver: this machine has no internet. A fresh CI machine may lack the packages; as root
 * they are installed with apt-get, otherwise the test fails saying what to install. It never skips: a browser test
 * that quietly does not run proves nothing.
 */
public final class LocalChromium {
  static final Path BROWSER = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  // The test drives the page through WebDriver only, never DevTools; Selenium's warning that it has no DevTools
  // binding for a Chromium newer than itself is noise here. Held in a field: java.util.logging keeps loggers weakly.
  private static final Logger SELENIUM_LOG = Logger.getLogger("org.openqa.selenium");

  private LocalChromium() {}

  /** A headless Chromium window of the given size, with a throwaway profile under {@code profile}. */
  public static ChromeDriver start(Path profile, int width, int height) {
    ensureInstalled();
    SELENIUM_LOG.setLevel(Level.SEVERE);
    System.setProperty("webdriver.chrome.driver", DRIVER.toString());
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BROWSER.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--disable-extensions", "--hide-scrollbars", "--window-size=" + width + "," + height,
        "--user-data-dir=" + profile.toAbsolutePath());
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(DRIVER.toFile())
        .usingAnyFreePort()
        .withTimeout(Duration.ofSeconds(30))
        .build();
    return new ChromeDriver(service, options);
  }

  static synchronized void ensureInstalled() {
    if (Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER)) return;
    if (!isRoot()) {
      throw new IllegalStateException("The dashboard browser test needs Debian's Chromium at " + BROWSER + " and "
          + DRIVER + ". Install them with: sudo apt-get install -y chromium chromium-driver");
    }
    run(List.of("apt-get", "update"));
    run(List.of("apt-get", "install", "-y", "--no-install-recommends", "chromium", "chromium-driver"));
    if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
      throw new IllegalStateException("apt-get installed chromium and chromium-driver, but " + BROWSER + " or "
          + DRIVER + " is still missing");
    }
  }

  private static boolean isRoot() {
    try {
      Process id = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
      String uid = new String(id.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      return id.waitFor(10, TimeUnit.SECONDS) && uid.equals("0");
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static void run(List<String> command) {
    try {
      ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
      builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
      Process process = builder.start();
      if (!process.waitFor(15, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException(String.join(" ", command) + " did not finish in 15 minutes");
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed with exit code " + process.exitValue()
            + "; install chromium and chromium-driver by hand");
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + String.join(" ", command) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + String.join(" ", command), e);
    }
  }
}
