package io.strikeswarm.swarm.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strikeswarm.bots.domain.Bar;
import io.strikeswarm.swarm.market.FlashGuardSettings;
import io.strikeswarm.swarm.market.InstrumentSeries;
import io.strikeswarm.swarm.market.LoadOptions;
import io.strikeswarm.swarm.market.MarketData;
import io.strikeswarm.swarm.market.MarketDataException;
import io.strikeswarm.swarm.market.MarketDataLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults put into real bars (the built-in Binance.US ETH-USD 5-minute set) come out of the real loader exactly as the
 * injector says: each bad row at its line and under its reason, gaps where bars went missing, flash prints counted,
 * and every other bar unchanged. A different seed puts them elsewhere; the same seed puts them in the same places.
 */
class FaultInjectorTest {
  private static InstrumentSeries clean;

  @TempDir Path dir;

  @BeforeAll
  static void loadCleanBars() {
    clean = MarketDataLoader.load(List.of(BadDataTrial.BASE),
        LoadOptions.defaults().withFlashGuard(FlashGuardSettings.parse("off"))).instruments().get(0);
  }

  private Path write(FaultInjector.Corrupted corrupted) throws IOException {
    return Files.write(dir.resolve("ethusd_5m_corrupted.csv"), corrupted.lines());
  }

  @Test
  void everyFaultIsPutInOnceAndFarFromTheOthers() {
    FaultInjector.Corrupted corrupted = FaultInjector.inject(clean.bars(), clean.period(), 11);

    assertThat(corrupted.faults()).extracting(FaultInjector.Fault::kind)
        .containsExactlyInAnyOrderElementsOf(FaultInjector.FAULTS);
    List<Long> times = corrupted.faults().stream().map(FaultInjector.Fault::barTimeMs).sorted().toList();
    for (int i = 1; i < times.size(); i++) {
      assertThat(times.get(i) - times.get(i - 1)).as("bars between faults")
          .isGreaterThanOrEqualTo((FaultInjector.SPACING - 3) * clean.period().toMillis());
    }
    assertThat(corrupted.lines().stream().filter(l -> l.contains(",NaN,"))).hasSize(1);
    assertThat(corrupted.lines().stream().filter(l -> l.contains("Infinity"))).hasSize(1);
  }

  @Test
  void theSameSeedPutsThemInTheSamePlacesAndAnotherSeedElsewhere() {
    assertThat(FaultInjector.inject(clean.bars(), clean.period(), 5).lines())
        .isEqualTo(FaultInjector.inject(clean.bars(), clean.period(), 5).lines());
    assertThat(FaultInjector.inject(clean.bars(), clean.period(), 5).faults())
        .isNotEqualTo(FaultInjector.inject(clean.bars(), clean.period(), 6).faults());
  }

  @Test
  void aStrictLoadStopsAtTheFirstBadRowWithItsReason() throws IOException {
    FaultInjector.Corrupted corrupted = FaultInjector.inject(clean.bars(), clean.period(), 11);
    Path file = write(corrupted);

    assertThatThrownBy(() -> MarketDataLoader.load(List.of(file.toString()), LoadOptions.defaults()))
        .isInstanceOfSatisfying(MarketDataException.class, e -> {
          assertThat(e.line()).isEqualTo(corrupted.firstBad().line());
          assertThat(e.reason()).isEqualTo(corrupted.firstBad().kind().rejection);
        });
  }

  @Test
  void aLoadThatSkipsBadRowsFindsExactlyWhatWasPutIn() throws IOException {
    for (long seed : new long[] {1, 2, 3, 42}) {
      FaultInjector.Corrupted corrupted = FaultInjector.inject(clean.bars(), clean.period(), seed);
      MarketData loaded = MarketDataLoader.load(List.of(write(corrupted).toString()),
          LoadOptions.defaults().withSkipBadRows(true));

      assertThat(BadDataTrial.differences(loaded, corrupted, clean)).as("seed %d", seed).isEmpty();
      assertThat(loaded.report().sources().get(0).rowsSkipped()).isEqualTo(8);
      assertThat(loaded.report().sources().get(0).flashPrintCount()).isEqualTo(3);
    }
  }

  @Test
  void aFaultTheInjectorDidNotAccountForIsReported() throws IOException {
    FaultInjector.Corrupted corrupted = FaultInjector.inject(clean.bars(), clean.period(), 11);
    // Plant one more bad row than the expectation knows of: a zero close on the last bar.
    List<String> lines = new ArrayList<>(corrupted.lines());
    int last = lines.size() - 1;
    lines.set(last, FaultInjector.withField(lines.get(last), 4, "0"));
    Path file = Files.write(dir.resolve("ethusd_5m_planted.csv"), lines);

    MarketData loaded = MarketDataLoader.load(List.of(file.toString()), LoadOptions.defaults().withSkipBadRows(true));

    assertThat(BadDataTrial.differences(loaded, corrupted, clean)).anySatisfy(p -> assertThat(p)
        .startsWith("rows skipped").contains("price <= 0=3"))
        .anySatisfy(p -> assertThat(p).isEqualTo("the bars kept are not exactly the rows that were good"));
  }

  @Test
  void tooFewBarsForTheFaultsToStandApartIsRefused() {
    List<Bar> few = clean.bars().subList(0, 100);
    assertThatThrownBy(() -> FaultInjector.inject(few, clean.period(), 1))
        .hasMessageContaining("need at least 300 bars");
  }

  @Test
  void theInjectedFileKeepsTheHeaderAndOneRowPerLine() {
    FaultInjector.Corrupted corrupted = FaultInjector.inject(clean.bars(), clean.period(), 11);
    assertThat(corrupted.lines().get(0)).isEqualTo(FaultInjector.HEADER);
    assertThat(corrupted.lines().stream().skip(1).map(l -> l.split(",", -1).length).collect(Collectors.toSet()))
        .containsExactly(6);
  }
}
