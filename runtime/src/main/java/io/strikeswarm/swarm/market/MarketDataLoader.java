package io.strikeswarm.swarm.market;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;

/**
 * Loads backtest market data from operator-given sources: {@code builtin:NAME} or a file path (CSV bars, CSV trades,
 * or ta4j JSON bars when the name ends in {@code .json}), each optionally suffixed {@code @SYMBOL}. Every row is
 * validated; real data is never repaired, so gaps stay gaps and extreme but consistent prints pass unchanged. Flash
 * prints are screened per instrument ({@link FlashPrintGuard}): counted, and traded on or held back as the options say.
 */
public final class MarketDataLoader {
  private MarketDataLoader() {}

  /**
   * @throws MarketDataException      naming the source, line (or JSON bar) and reason of the first problem
   * @throws IllegalArgumentException when no source is given
   */
  public static MarketData load(List<String> specs, LoadOptions options) {
    if (specs.isEmpty()) throw new IllegalArgumentException("no market data source given");
    List<ParsedSource> parsed = new ArrayList<>();
    List<InstrumentSeries> all = new ArrayList<>();
    Map<String, String> sourceOfInstrument = new HashMap<>();
    Map<String, SortedMap<String, Long>> flashPrints = new HashMap<>();
    for (String text : specs) {
      SourceSpec spec = SourceSpec.parse(text);
      ParsedSource source = named(spec, read(spec, options));
      parsed.add(source);
      for (RawSeries raw : source.series()) {
        String earlier = sourceOfInstrument.putIfAbsent(raw.instrument(), source.source());
        if (earlier != null) {
          // Two histories of one instrument cannot both be replayed; silently picking one would hide the mistake.
          throw MarketDataException.ofSource(source.source(),
              "instrument " + raw.instrument() + " is already loaded from " + earlier);
        }
        InstrumentSeries built = SeriesBuilder.build(source.source(), raw, options.bar());
        // Screened on the final bars (after resampling): those are what the bots would trade on.
        FlashPrintGuard.Screened screened = FlashPrintGuard.screen(built.bars(), options.flashGuard());
        flashPrints.put(built.instrument(), screened.counts());
        all.add(new InstrumentSeries(built.instrument(), built.source(), built.period(), screened.bars()));
      }
    }
    List<InstrumentSeries> kept = keepSymbol(all, options);
    List<SourceReport> reports = new ArrayList<>();
    for (ParsedSource source : parsed) {
      List<InstrumentSeries> fromSource = kept.stream().filter(s -> s.source().equals(source.source())).toList();
      if (!fromSource.isEmpty()) {
        reports.add(SourceReport.of(source, fromSource, flashPrints, options.flashGuard().mode()));
      }
    }
    return MarketData.of(kept, new LoadReport(reports));
  }

  /** The built-in data sets, usable as {@code builtin:NAME}. */
  public static List<BuiltinSet> builtins() {
    return Builtins.sets();
  }

  private static ParsedSource read(SourceSpec spec, LoadOptions options) {
    return spec.isBuiltin() ? readBuiltin(spec, options) : readFile(spec, options);
  }

  private static ParsedSource readBuiltin(SourceSpec spec, LoadOptions options) {
    String source = spec.location();
    Builtins.Entry entry = Builtins.named(spec.builtinName()).orElseThrow(() -> MarketDataException.ofSource(source,
        "unknown builtin '" + spec.builtinName() + "'; known: " + Builtins.knownNames()));
    InputStream in = MarketDataLoader.class.getClassLoader().getResourceAsStream(entry.resource());
    if (in == null) {
      throw MarketDataException.ofSource(source, "resource " + entry.resource()
          + " is not on the classpath (it ships in org.ta4j:ta4j-examples)");
    }
    try (in) {
      String instrument = entry.set().instrument();
      return switch (entry.format()) {
        case TRADES_CSV -> CsvSourceParser.parse(source, in, instrument, tradeBar(options), options.skipBadRows());
        case OHLC_JSON -> JsonOhlcParser.parse(source, in, instrument, options.bar(), options.skipBadRows());
      };
    } catch (IOException e) {
      throw MarketDataException.ofSource(source, "cannot read: " + e.getMessage());
    }
  }

  private static ParsedSource readFile(SourceSpec spec, LoadOptions options) {
    String source = spec.location();
    Path path = Path.of(source);
    if (!Files.isRegularFile(path)) throw MarketDataException.ofSource(source, "no such file");
    String fileName = path.getFileName().toString();
    String instrument = InstrumentNames.fromFileName(fileName);
    try (InputStream in = Files.newInputStream(path)) {
      if (fileName.toLowerCase(Locale.ROOT).endsWith(".json")) {
        return JsonOhlcParser.parse(source, in, instrument, options.bar(), options.skipBadRows());
      }
      return CsvSourceParser.parse(source, in, instrument, tradeBar(options), options.skipBadRows());
    } catch (IOException e) {
      throw MarketDataException.ofSource(source, "cannot read: " + e.getMessage());
    }
  }

  private static Duration tradeBar(LoadOptions options) {
    return options.bar().orElse(LoadOptions.DEFAULT_TRADE_BAR);
  }

  /** Applies {@code @SYMBOL}, which outranks any name the source gives, but can only name a single instrument. */
  private static ParsedSource named(SourceSpec spec, ParsedSource source) {
    if (spec.symbol().isEmpty()) return source;
    String symbol = spec.symbol().get();
    if (source.series().size() > 1) {
      throw MarketDataException.ofSource(source.source(), "@" + symbol + " cannot name the "
          + source.series().size() + " instruments the source holds ("
          + String.join(", ", source.series().stream().map(RawSeries::instrument).sorted().toList())
          + "); use --symbol to pick one");
    }
    return new ParsedSource(source.source(), source.rowsRead(), source.skipped(),
        List.of(source.series().get(0).renamed(symbol)));
  }

  private static List<InstrumentSeries> keepSymbol(List<InstrumentSeries> all, LoadOptions options) {
    if (options.symbol().isEmpty()) return all;
    String symbol = options.symbol().get();
    List<InstrumentSeries> kept = all.stream().filter(s -> s.instrument().equalsIgnoreCase(symbol)).toList();
    if (kept.isEmpty()) {
      throw MarketDataException.ofSource("--symbol", "no instrument " + symbol + " in the data; available: "
          + String.join(", ", all.stream().map(InstrumentSeries::instrument).sorted().toList()));
    }
    return kept;
  }
}
