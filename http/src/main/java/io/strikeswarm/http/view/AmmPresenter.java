package io.strikeswarm.http.view;

import io.strikeswarm.bots.amm.AmmBotConfig;
import io.strikeswarm.bots.amm.AmmBotView;
import io.strikeswarm.bots.amm.AmmStats;
import io.strikeswarm.bots.amm.ArbRoute;
import io.strikeswarm.bots.amm.ArbRules;
import io.strikeswarm.bots.amm.ChainPort;
import io.strikeswarm.bots.amm.InFlightSwap;
import io.strikeswarm.bots.amm.Stranded;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * An AMM arbitrage bot in the API's read shapes, in its own terms: round trips, swaps and gas, books in exact token
 * units. Directional terms (bars, fills, wins, drawdown) do not apply to it and are never filled in for it. Token
 * amounts are smallest units and gas is wei ({@link BigInteger}, written as strings); USD figures are valued
 * through the pools of the last block the bot saw, and null when there is no such block (a state replayed from the
 * journal: past reserves are not in it).
 */
public final class AmmPresenter {
  private AmmPresenter() {}

  /**
   * What the bot table shows of an AMM bot. {@code swapsReverted} and {@code swapsRefused} count swaps of any leg;
   * {@code swapInFlight} is the leg signed and not yet settled (buy, sell, unwind) and {@code legToSellBack} says a
   * failed sell leg left tokens that the bot sells back before it starts anything new.
   */
  public record Summary(long roundTripsStarted, long roundTripsCompleted, long exactAsPredicted, long swapsReverted,
      long swapsRefused, BigInteger gasSpentWei, BigDecimal budgetUsd, BigDecimal pnlUsd, Long valuedAtBlock,
      String swapInFlight, boolean legToSellBack, String nativeSymbol) {}

  /** One token the bot holds or trades: what the chain showed at start, what its book says now, the change. */
  public record TokenBook(String token, Integer decimals, BigInteger baseline, BigInteger book, BigInteger change) {}

  /** The swap signed and not yet settled. */
  public record Swap(long arbId, String leg, long decidedAtBlock, String dex, String tokenIn, BigInteger amountIn,
      String tokenOut, BigInteger amountOutMin, long nonce, String txHash) {}

  /** What a failed sell leg left: {@code amount} of {@code token}, to be sold back to {@code home}. */
  public record LegToSellBack(long arbId, String token, BigInteger amount, String home, List<String> dexes) {}

  /** The bot's page: configuration, books, the swap under way, and why it is not trading if it is not. */
  public record Detail(String chain, String account, List<ArbRoute> routes, String usdToken, String wrappedNative,
      String valuationDex, ArbRules rules, BigDecimal budgetUsd, BigDecimal equityUsd, BigDecimal pnlUsd,
      Long valuedAtBlock, List<TokenBook> tokens, Swap inFlight, LegToSellBack legToSellBack, long nextNonce,
      long gasEstimatePerSwap, String lastSkip, String chainError, String haltReason, String nativeSymbol) {}

  public static Summary summary(AmmBotView v) {
    AmmStats s = v.stats();
    return new Summary(s.started(), s.completed(), s.exactAsPredicted(), s.reverted(), s.refused(), s.gasSpentWei(),
        v.budgetUsd(), v.pnlUsd(), valuedAt(v), v.inFlight() == null ? null : leg(v.inFlight().leg()),
        v.stranded() != null, nativeSymbol(v.config()));
  }

  public static Detail detail(AmmBotView v) {
    AmmBotConfig c = v.config();
    return new Detail(c == null ? null : c.chain(), c == null ? null : c.account(),
        c == null ? List.of() : c.routes(), c == null ? null : c.usdToken(), c == null ? null : c.wrappedNative(),
        c == null ? null : c.valuationDex(), c == null ? null : c.rules(), v.budgetUsd(), v.equityUsd(), v.pnlUsd(),
        valuedAt(v), tokens(v), swap(v.inFlight()), legToSellBack(v.stranded()), v.nextNonce(), v.gasEstimate(),
        v.lastSkip(), v.chainError(), v.haltReason(), nativeSymbol(c));
  }

  /** The symbol operators know the chain's native coin by. */
  public static String nativeSymbol(AmmBotConfig config) {
    return config == null ? AmmBotConfig.NATIVE_BEFORE_RECORDED : config.nativeSymbol();
  }

  public static String leg(InFlightSwap.Leg leg) {
    return leg.name().toLowerCase();
  }

  /** The decimals of a token as the bot's config has them (the native coin has 18), or null if unknown. */
  public static Integer decimals(AmmBotConfig config, String token) {
    if (token.equals(ChainPort.NATIVE)) return 18;
    return config == null ? null : config.decimals().get(token);
  }

  private static Long valuedAt(AmmBotView v) {
    return v.valuedAtBlock() < 0 ? null : v.valuedAtBlock();
  }

  private static List<TokenBook> tokens(AmmBotView v) {
    TreeSet<String> names = new TreeSet<>(v.book().keySet());
    names.addAll(v.baseline().keySet());
    List<TokenBook> out = new ArrayList<>();
    for (String token : names) {
      BigInteger baseline = v.baseline().getOrDefault(token, BigInteger.ZERO);
      BigInteger book = v.book().getOrDefault(token, BigInteger.ZERO);
      // The native coin under its chain's own name (the book keys it the same on every chain).
      String shown = token.equals(ChainPort.NATIVE) ? nativeSymbol(v.config()) : token;
      out.add(new TokenBook(shown, decimals(v.config(), token), baseline, book, book.subtract(baseline)));
    }
    return out;
  }

  private static Swap swap(InFlightSwap f) {
    if (f == null) return null;
    return new Swap(f.arbId(), leg(f.leg()), f.plan().block(), f.swap().dex(), f.swap().tokenIn(),
        f.swap().amountIn(), f.swap().tokenOut(), f.swap().amountOutMin(), f.tx().nonce(), f.tx().hash());
  }

  private static LegToSellBack legToSellBack(Stranded s) {
    if (s == null) return null;
    return new LegToSellBack(s.arbId(), s.route().other(), s.amount(), s.route().home(), s.route().dexes());
  }
}
