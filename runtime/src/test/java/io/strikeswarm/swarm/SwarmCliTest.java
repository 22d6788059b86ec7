package io.strikeswarm.swarm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SwarmCliTest {
  @TempDir Path tmp;

  record Run(int exit, String out, String err) {}

  private Run swarm(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = SwarmCli.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(exit, out.toString(), err.toString());
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(delimiter = '|', value = {
      "swarm.capital.total | -5 | swarm.capital.total: must be > 0",
      "swarm.capital.reserve | 1.0 | swarm.capital.reserve: must be in [0, 1)",
      "swarm.diamonds.long-strike.weight | 0.30 | weights must sum to 1, got 1.05",
      "swarm.diamonds.short-strike.bots | -1 | swarm.diamonds.short-strike.bots: must be >= 0",
      "swarm.templates.directional.0.strategy | moon | unknown strategy 'moon'",
      "swarm.bots.snapshot-every | -3 | swarm.bots.snapshot-every: must be >= 0"})
  void invalidConfigurationStopsStartUpWithOneMessageNamingTheSettingAndWritesNothing(String key, String value,
      String message) throws Exception {
    Path config = tmp.resolve("bad.conf");
    String body = key.equals("swarm.templates.directional.0.strategy")
        ? "swarm.templates.directional = [{ strategy = \"" + value + "\", parameters {}, instrument = \"BTC-USD\", "
            + "venue = \"paper\", fee-bps = 10, slippage-bps = 5 }]"
        : key + " = " + value;
    Files.writeString(config, body);
    Path data = tmp.resolve("data");

    Run run = swarm("--data-dir", data.toString(), "--config", config.toString(), "roster");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("configuration error").contains(message)
        .contains("nothing was started and nothing was written");
    assertThat(run.err().lines().filter(l -> l.contains("configuration error")).count()).isEqualTo(1);
    assertThat(data).doesNotExist();
  }

  @Test
  void rosterCreatesTheDefaultSwarmOnFirstRunAndReadsTheSameTreeFromTheJournalAfterwards() {
    Path data = tmp.resolve("data");

    Run first = swarm("--data-dir", data.toString(), "roster");
    Run second = swarm("--data-dir", data.toString(), "roster");

    assertThat(first.exit()).as(first.err()).isZero();
    assertThat(first.out()).contains("master  capital 800,000.00  reserve 40,000.00  unallocated 380,000.00")
        .contains("long-strike   funded 190,000.00  pool 0.00  bots 25")
        .contains("short-strike  funded 190,000.00  pool 0.00  bots 25")
        .contains("amm           funded 0.00  pool 0.00  bots 0")
        .doesNotContain("DO NOT BALANCE");
    assertThat(first.out().lines().filter(l -> l.matches(".*(long|short)-\\d\\d .*ACTIVE.*capital +7,600\\.00.*events +2"))
        .count()).isEqualTo(50);
    assertThat(second.out()).isEqualTo(first.out());
    assertThat(data.resolve("journal/strikeswarm.mv.db")).exists();
  }

  @Test
  void aCommandForAnUnknownBotIsRefusedWithAClearMessage() {
    Run run = swarm("--data-dir", tmp.resolve("data").toString(), "pause", "long-99");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("unknown bot long-99 in long-strike");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "--leverage 7 | --leverage must be in [1, 5], got 7",
      "--fill sometime | fill must be close or next-open, got 'sometime'",
      "--bots long=3,middle=2 | --bots: unknown diamond 'middle'",
      "--risk some | --risk must be default or none",
      "--bar 7m | unsupported bar '7m'",
      "--strategy moon | unknown strategy 'moon'",
      "--strategy sma-cross:short=40 | strategy 'sma-cross': parameter 'long' must be a whole number greater than short (40)",
      "--fees-bps -1 | --fees-bps must be in [0, 1000], got -1",
      "--data builtin:nope | builtin:nope",
      "--flash-guard drop | --flash-guard: mode must be off, flag or hold, got 'drop'",
      "--flash-guard hold:range=0.5 | --flash-guard range: must be > 1, got 0.5"})
  void aBadBacktestOptionStopsBeforeAnythingIsWrittenNamingIt(String options, String message) {
    Path data = tmp.resolve("data");
    java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("--data-dir", data.toString(), "backtest"));
    args.addAll(java.util.List.of(options.split(" ")));
    Run run = swarm(args.toArray(String[]::new));
    assertThat(run.exit()).as(run.err()).isEqualTo(2);
    assertThat(run.err()).contains(message).contains("nothing was started and nothing was written");
    assertThat(data.resolve("backtest")).doesNotExist();
  }

  @Test
  void aMalformedDataRowStopsTheBacktestNamingFileAndLine() throws java.io.IOException {
    Path csv = java.nio.file.Files.writeString(tmp.resolve("btcusd.csv"), """
        open_time_ms,open,high,low,close,volume
        1700000000000,100,101,99,100.5,3
        1700000060000,100.5,99,101,100,2
        """);
    Run run = swarm("--data-dir", tmp.resolve("data").toString(), "backtest", "--data", csv.toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains(csv + ":3: high < low");
    assertThat(tmp.resolve("data").resolve("backtest")).doesNotExist();
  }
}
