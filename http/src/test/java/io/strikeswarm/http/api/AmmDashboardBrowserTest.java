package io.strikeswarm.http.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.strikeswarm.http.support.ApiTestServer;
import io.strikeswarm.http.support.LocalChromium;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard on AMM bots in a real browser (Debian's Chromium, headless) against the API over the H2 journal of
 * {@link ApiTestServer}: an operator reads an AMM bot as what it is — round trips, reverted and refused swaps, gas,
 * token books — never as trades won and lost, and travels back through its journal. Screenshots go to
 * target/dashboard-amm-*.png.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class AmmDashboardBrowserTest {
  @TempDir Path dataDir;
  @TempDir Path browserProfile;

  private ChromeDriver browser;
  private WebDriverWait wait;

  @Test
  void anOperatorReadsAnAmmBotInItsOwnTerms() throws Exception {
    try (ApiTestServer api = new ApiTestServer(dataDir)) {
      browser = LocalChromium.start(browserProfile, 1280, 800);
      wait = new WebDriverWait(browser, Duration.ofSeconds(20), Duration.ofMillis(100));
      wait.ignoring(StaleElementReferenceException.class);
      try {
        browser.get(api.base());
        visible("token-input").sendKeys(api.token());
        visible("sign-in").click();
        awaitText("bot-state-amm-07", "PAUSED");

        amongDirectionalBotsAnAmmBotCountsRoundTripsAndHasNoDrawdown();
        theAmmDiamondHasColumnsOfItsOwn();
        itsPageShowsTokenBooksAndItsJournalInWholeTokens();
        timeTravelShowsTheSwapThatWasInFlight();
      } finally {
        browser.quit();
      }
    }
  }

  private void amongDirectionalBotsAnAmmBotCountsRoundTripsAndHasNoDrawdown() {
    awaitText("cell-trades-amm-07", "1 rt");
    assertThat(visible("cell-trades-amm-07").getAttribute("title"))
        .contains("1 completed of 4 started", "reverted 2, refused 1");
    awaitText("cell-drawdown-amm-07", "—");
    awaitText("cell-position-amm-07", "—");
    awaitText("cell-pnl-amm-08", "—");
    awaitText("cell-trades-long-01", "0");
  }

  private void theAmmDiamondHasColumnsOfItsOwn() throws IOException {
    new Select(visible("diamond-filter")).selectByValue("amm");
    wait.until(d -> rowIds().equals(List.of("amm-07", "amm-08")));
    List<String> headers = browser.findElements(By.cssSelector("[data-testid='bot-grid'] thead th")).stream()
        .map(th -> th.getDomProperty("textContent").replaceAll("[▲▼]", "").trim()).toList();
    assertThat(headers).contains("Round trips", "Reverted", "Refused", "Gas", "P&L (USD)")
        .doesNotContain("Trades", "Max DD", "Position");
    awaitText("cell-round-trips-amm-07", "1 / 4");
    awaitText("cell-reverted-amm-07", "2");
    awaitText("cell-refused-amm-07", "1");
    awaitText("cell-gas-amm-07", "0.000960 ETH");
    awaitText("cell-pnl-amm-07", "+6.08");
    screenshot("table");
  }

  private void itsPageShowsTokenBooksAndItsJournalInWholeTokens() throws IOException {
    visible("bot-link-amm-07").click();
    awaitText("bot-page-id", "amm-07");
    awaitText("bot-trades", "1 / 4");
    awaitText("amm-failed-swaps", "2 / 1");
    awaitText("bot-pnl", "+6.08");
    wait.until(d -> text("amm-token-USDC").contains("+8.0000"));
    wait.until(d -> text("event-row-7").contains("sell #1 mined in block 102: 0.5000 WETH → 1,012.0000 USDC"));
    assertThat(text("event-row-11")).contains("reverted in block 105: UniswapV2Router: INSUFFICIENT_OUTPUT_AMOUNT");
    screenshot("bot");
  }

  private void timeTravelShowsTheSwapThatWasInFlight() throws IOException {
    visible("event-row-6").click();
    wait.until(d -> "6".equals(visible("time-travel-banner").getAttribute("data-seq")));
    awaitText("amm-in-flight", "sell leg of round trip 1");
    awaitText("bot-pnl", "—");
    assertThat(text("time-travel-banner")).contains("no USD values");
    screenshot("time-travel");
    visible("time-travel-live").click();
    awaitText("amm-in-flight", "none");
  }

  private List<String> rowIds() {
    return browser.findElements(By.cssSelector("[data-testid^='bot-row-']")).stream()
        .map(row -> row.getAttribute("data-testid").substring("bot-row-".length())).toList();
  }

  private WebElement visible(String testId) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid='" + testId + "']")));
  }

  private String text(String testId) {
    return visible(testId).getText().trim();
  }

  private void awaitText(String testId, String expected) {
    wait.withMessage(() -> testId + " should read '" + expected + "'").until(d -> expected.equals(text(testId)));
  }

  private void screenshot(String name) throws IOException {
    Path target = Path.of(System.getProperty("basedir", ".")).resolve("target/dashboard-amm-" + name + ".png");
    Files.createDirectories(target.getParent());
    Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
  }
}
