package io.strikeswarm.swarm.metrics;

import io.strikeswarm.bots.domain.TradingState;
import io.strikeswarm.http.metrics.SwarmMetrics;
import io.strikeswarm.master.capital.DiamondKind;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import kamon.Kamon;
import kamon.metric.Counter;
import kamon.metric.Gauge;
import kamon.metric.Metric;
import kamon.metric.Timer;
import kamon.tag.TagSet;

/**
 * The swarm's metrics as Kamon instruments. Kamon names are already Prometheus names: the Prometheus reporter adds
 * {@code _total} to counters and {@code _seconds} to timers, so {@code swarm_fills} is scraped as
 * {@code swarm_fills_total} and {@code http_request} as {@code http_request_seconds_bucket/_sum/_count}.
 *
 * <p>Tagged instruments are cached per tag values: Kamon would otherwise build a tag set and look the instrument up
 * on every call, and the HTTP and journal paths call this for every request and step. The per-diamond counters are
 * created up front at zero, so {@code rate()} sees a diamond's first fill instead of a series appearing mid-way.
 */
public final class KamonMetrics implements SwarmMetrics {
  public static final String BARS_PROCESSED = "swarm_bars_processed";
  public static final String SIGNALS = "swarm_signals";
  public static final String ORDERS = "swarm_orders";
  public static final String FILLS = "swarm_fills";
  public static final String REJECTS = "swarm_rejects";
  public static final String EQUITY = "swarm_equity";
  public static final String PNL = "swarm_pnl";
  public static final String TRADING_STATE = "swarm_trading_state";
  public static final String TRADING_STATE_CURRENT = "swarm_trading_state_current";
  public static final String JOURNAL_COMMIT = "swarm_journal_commit";
  public static final String HTTP_REQUEST = "http_request";

  /** The {@code diamond} tag of the swarm-wide equity and P&L, beside the diamonds' own ids. */
  public static final String SWARM = "swarm";

  private final Counter barsProcessed;
  private final Metric.Counter signals;
  private final Metric.Counter orders;
  private final Metric.Counter fills;
  private final Metric.Counter rejects;
  private final Metric.Gauge equity;
  private final Metric.Gauge pnl;
  private final Metric.Gauge tradingState;
  private final Metric.Gauge stateFlags;
  private final Timer journalCommit;
  private final Metric.Timer httpRequests;

  private final Map<String, Counter> signalsByDiamond = new ConcurrentHashMap<>();
  private final Map<Labels, Counter> ordersByLabels = new ConcurrentHashMap<>();
  private final Map<String, Counter> fillsByDiamond = new ConcurrentHashMap<>();
  private final Map<Labels, Counter> rejectsByLabels = new ConcurrentHashMap<>();
  private final Map<String, Gauge> equityByDiamond = new ConcurrentHashMap<>();
  private final Map<String, Gauge> pnlByDiamond = new ConcurrentHashMap<>();
  private final Map<HttpKey, Timer> httpByKey = new ConcurrentHashMap<>();

  private record Labels(String diamond, String reason) {}

  private record HttpKey(String method, String route, int status) {}

  public KamonMetrics() {
    barsProcessed = Kamon.counter(BARS_PROCESSED, "Bot-bars committed by the lockstep steps").withoutTags();
    signals = Kamon.counter(SIGNALS, "Strategy signals seen in the bots' journals");
    orders = Kamon.counter(ORDERS, "Orders placed, by the reason the bot placed them");
    fills = Kamon.counter(FILLS, "Orders filled");
    rejects = Kamon.counter(REJECTS, "Entries or orders refused by a risk rule");
    equity = Kamon.gauge(EQUITY, "Equity in USD; diamond=\"swarm\" is the whole swarm");
    pnl = Kamon.gauge(PNL, "Profit and loss in USD; diamond=\"swarm\" is the whole swarm");
    tradingState = Kamon.gauge(TRADING_STATE, "Swarm trading state: 0 active, 1 reducing, 2 halted");
    stateFlags = Kamon.gauge(TRADING_STATE_CURRENT, "1 for the swarm's current trading state, 0 for the others");
    journalCommit = Kamon.timer(JOURNAL_COMMIT, "One lockstep step's commit round trip").withoutTags();
    httpRequests = Kamon.timer(HTTP_REQUEST, "HTTP requests by method, route template and status");
    for (DiamondKind kind : DiamondKind.values()) {
      signalCounter(kind.id());
      fillCounter(kind.id());
    }
  }

  @Override
  public void barsProcessed(long botBars) {
    barsProcessed.increment(botBars);
  }

  @Override
  public void signal(String diamond) {
    signalCounter(diamond).increment();
  }

  @Override
  public void order(String diamond, String reason) {
    ordersByLabels.computeIfAbsent(new Labels(diamond, reason), this::newOrderCounter).increment();
  }

  @Override
  public void fill(String diamond) {
    fillCounter(diamond).increment();
  }

  @Override
  public void reject(String diamond, String reason) {
    rejectsByLabels.computeIfAbsent(new Labels(diamond, reason), this::newRejectCounter).increment();
  }

  @Override
  public void diamondEquity(String diamond, BigDecimal equity, BigDecimal pnl) {
    record(diamond, equity, pnl);
  }

  @Override
  public void swarmEquity(BigDecimal equity, BigDecimal pnl) {
    record(SWARM, equity, pnl);
  }

  /**
   * Instruments looked up per call (state changes are rare) and so created by the first report: a gauge created
   * up front would read 0, "active", before the master has said anything.
   */
  @Override
  public void tradingState(TradingState state) {
    tradingState.withoutTags().update(code(state));
    for (TradingState s : TradingState.values()) {
      stateFlags.withTag("state", s.name().toLowerCase(Locale.ROOT)).update(s == state ? 1 : 0);
    }
  }

  @Override
  public void journalCommit(long nanos) {
    journalCommit.record(nanos);
  }

  @Override
  public void httpRequest(String method, String route, int status, long nanos) {
    httpByKey.computeIfAbsent(new HttpKey(method, route, status), this::newHttpTimer).record(nanos);
  }

  /** The exported code, pinned here rather than taken from the enum's order, which dashboards must not depend on. */
  static int code(TradingState state) {
    return switch (state) {
      case ACTIVE -> 0;
      case REDUCING -> 1;
      case HALTED -> 2;
    };
  }

  private void record(String diamond, BigDecimal equityUsd, BigDecimal pnlUsd) {
    // Doubles are fine here: a gauge is a reading for a chart, never a balance anything is computed from.
    equityByDiamond.computeIfAbsent(diamond, d -> equity.withTag("diamond", d)).update(equityUsd.doubleValue());
    pnlByDiamond.computeIfAbsent(diamond, d -> pnl.withTag("diamond", d)).update(pnlUsd.doubleValue());
  }

  private Counter signalCounter(String diamond) {
    return signalsByDiamond.computeIfAbsent(diamond, d -> signals.withTag("diamond", d));
  }

  private Counter fillCounter(String diamond) {
    return fillsByDiamond.computeIfAbsent(diamond, d -> fills.withTag("diamond", d));
  }

  private Counter newOrderCounter(Labels labels) {
    return orders.withTags(TagSet.of("diamond", labels.diamond()).withTag("reason", labels.reason()));
  }

  private Counter newRejectCounter(Labels labels) {
    return rejects.withTags(TagSet.of("diamond", labels.diamond()).withTag("reason", labels.reason()));
  }

  private Timer newHttpTimer(HttpKey key) {
    return httpRequests.withTags(TagSet.of("method", key.method()).withTag("route", key.route())
        .withTag("status", Integer.toString(key.status())));
  }
}
