package io.strikeswarm.swarm.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard as an operator sees it, addressed by its {@code data-testid}s: what the test does in words
 * ("pause long-07") rather than in selectors. Every read waits for the page, which updates itself from a live
 * stream, instead of sleeping.
 */
final class DashboardPage {
  private static final Duration PATIENCE = Duration.ofSeconds(20);

  private final WebDriver driver;
  private final WebDriverWait wait;
  private final Path screenshots;

  DashboardPage(WebDriver driver, Path screenshots) {
    this.driver = driver;
    this.wait = new WebDriverWait(driver, PATIENCE, Duration.ofMillis(100));
    this.wait.ignoring(StaleElementReferenceException.class);
    this.screenshots = screenshots;
  }

  static By testId(String id) {
    return By.cssSelector("[data-testid='" + id + "']");
  }

  void open(String baseUrl) {
    driver.get(baseUrl);
  }

  WebElement visible(String id) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(testId(id)));
  }

  boolean isShown(String id) {
    List<WebElement> found = driver.findElements(testId(id));
    return !found.isEmpty() && found.get(0).isDisplayed();
  }

  String text(String id) {
    return visible(id).getText().trim();
  }

  /** Waits until the element's text is exactly {@code expected}; returns it. */
  String awaitText(String id, String expected) {
    wait.withMessage(() -> id + " should read '" + expected + "' but reads '" + textOrNothing(id) + "'")
        .until(d -> expected.equals(textOrNothing(id)));
    return expected;
  }

  /** Waits until the element's text passes {@code check}; returns that text. */
  String awaitText(String id, String description, Predicate<String> check) {
    wait.withMessage(() -> id + " should " + description + " but reads '" + textOrNothing(id) + "'")
        .until(d -> check.test(textOrNothing(id)));
    return textOrNothing(id);
  }

  /** Waits for a condition that spans the page and the API (both move while the swarm trades). */
  void await(String description, BooleanSupplier condition) {
    wait.withMessage(description).until(d -> condition.getAsBoolean());
  }

  private String textOrNothing(String id) {
    List<WebElement> found = driver.findElements(testId(id));
    return found.isEmpty() ? "(absent)" : found.get(0).getText().trim();
  }

  void signIn(String token) {
    WebElement input = visible("token-input");
    input.clear();
    input.sendKeys(token);
    visible("sign-in").click();
  }

  /** The ids of the bot rows the table shows, once it shows at least {@code atLeast} of them. */
  List<String> awaitBotRows(int atLeast) {
    wait.withMessage(() -> "the bot table should show " + atLeast + " rows").until(d -> botRowIds().size() >= atLeast);
    return botRowIds();
  }

  List<String> botRowIds() {
    return driver.findElements(By.cssSelector("[data-testid^='bot-row-']")).stream()
        .map(row -> row.getAttribute("data-testid").substring("bot-row-".length())).toList();
  }

  String botState(String botId) {
    return text("bot-state-" + botId);
  }

  void click(String id) {
    wait.until(ExpectedConditions.elementToBeClickable(testId(id))).click();
  }

  void type(String id, String text) {
    WebElement input = visible(id);
    input.clear();
    input.sendKeys(text);
  }

  /** Moves the time-travel slider with the keyboard: Home to the first event, then {@code steps} to the right. */
  void slideToEvent(int steps) {
    WebElement slider = visible("time-travel-slider");
    slider.click();
    slider.sendKeys(Keys.HOME);
    for (int i = 0; i < steps; i++) slider.sendKeys(Keys.ARROW_RIGHT);
  }

  String sessionToken() {
    return (String) ((JavascriptExecutor) driver).executeScript(
        "return window.sessionStorage.getItem('strikeswarm.token');");
  }

  void replaceSessionToken(String token) {
    ((JavascriptExecutor) driver).executeScript(
        "window.sessionStorage.setItem('strikeswarm.token', arguments[0]);", token);
  }

  String currentUrl() {
    return driver.getCurrentUrl();
  }

  /**
   * Makes the page itself (not the window around it) {@code width} x {@code height}: even headless, Chromium's
   * window size includes room for its own frame, so the difference is measured and added.
   */
  void viewport(int width, int height) {
    JavascriptExecutor js = (JavascriptExecutor) driver;
    for (int attempt = 0; attempt < 3; attempt++) {
      long innerWidth = (Long) js.executeScript("return window.innerWidth;");
      long innerHeight = (Long) js.executeScript("return window.innerHeight;");
      if (innerWidth == width && innerHeight == height) return;
      Dimension outer = driver.manage().window().getSize();
      driver.manage().window().setSize(new Dimension(outer.getWidth() + (int) (width - innerWidth),
          outer.getHeight() + (int) (height - innerHeight)));
    }
  }

  int count(String css) {
    return driver.findElements(By.cssSelector(css)).size();
  }

  /** Saves what the browser shows now as {@code dashboard-NAME.png}; returns the file. */
  Path screenshot(String name) {
    try {
      Path file = screenshots.resolve("dashboard-" + name + ".png");
      Files.createDirectories(screenshots);
      return Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
