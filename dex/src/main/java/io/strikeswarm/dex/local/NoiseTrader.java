package io.strikeswarm.dex.local;

import io.strikeswarm.bots.amm.PoolKey;
import io.strikeswarm.dex.UniswapV2;
import io.strikeswarm.dex.Wallet;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * Random swaps on random pools from its own (provisioned) account, so the two DEXes' prices drift apart and the AMM
 * bots have gaps to close. A seeded RNG picks the pool, the direction and the size (between {@code minBps} and
 * {@code maxBps} of the input side's reserve, capped by what the account holds): the same seed on the same chain
 * makes the same trades. {@link #step()} is one swap (for tests); {@link #start()} runs steps on an interval in a
 * daemon thread until {@link #stop()}.
 */
public final class NoiseTrader implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(NoiseTrader.class);
  private static final BigInteger GAS = BigInteger.valueOf(250_000);

  public record Settings(Duration interval, int minBps, int maxBps) {

    public Settings {
      if (minBps <= 0 || maxBps < minBps || maxBps > 5_000) throw new IllegalArgumentException("bad size range");
    }

    /** Every 250 ms, 0.05% to 1.5% of the pool. */
    public static Settings defaults() {
      return new Settings(Duration.ofMillis(250), 5, 150);
    }
  }

  /** One swap made: where, which way, how much went in, and the transaction. */
  public record Trade(PoolKey pool, String tokenIn, String tokenOut, BigInteger amountIn, String hash) {}

  private final LocalChain chain;
  private final Deployment deployment;
  private final Wallet wallet;
  private final Settings settings;
  private final Random random;
  private final List<PoolKey> pools;
  private final AtomicLong trades = new AtomicLong();
  private final AtomicReference<String> lastError = new AtomicReference<>();
  private ScheduledExecutorService loop;

  public NoiseTrader(LocalChain chain, Deployment deployment, Wallet wallet, long seed, Settings settings) {
    this.chain = chain;
    this.deployment = deployment;
    this.wallet = wallet;
    this.settings = settings;
    this.random = new Random(seed);
    this.pools = deployment.pools();
  }

  public String account() {
    return wallet.address();
  }

  /** One random swap, mined before it returns. */
  public synchronized Trade step() {
    PoolKey pool = pools.get(random.nextInt(pools.size()));
    boolean aToB = random.nextBoolean();
    int bps = settings.minBps() + random.nextInt(settings.maxBps() - settings.minBps() + 1);
    return push(pool, aToB ? pool.tokenA() : pool.tokenB(), bps);
  }

  /**
   * One chosen swap: {@code bps} of the pool's {@code tokenIn} reserve (capped by the account's balance) sold into
   * {@code pool}, which moves its price against anyone selling {@code tokenIn} after it. Mined before it returns.
   */
  public synchronized Trade push(PoolKey pool, String tokenIn, int bps) {
    Order order = order(pool, tokenIn, bps);
    TransactionReceipt receipt = chain.send(wallet, order.router(), BigInteger.ZERO, order.data(), GAS);
    trades.incrementAndGet();
    return order.trade(receipt.getTransactionHash());
  }

  /**
   * The same swap, only sent, with priority fee {@code tip}: for a test that mines blocks itself (automine off) and
   * wants this swap ordered ahead of, or behind, others in the same block. Returns before it is mined.
   */
  public synchronized Trade send(PoolKey pool, String tokenIn, int bps, BigInteger tip) {
    Order order = order(pool, tokenIn, bps);
    String hash = chain.submit(wallet, order.router(), BigInteger.ZERO, order.data(), GAS, tip);
    trades.incrementAndGet();
    return order.trade(hash);
  }

  /** A router swap ready to send, and what it trades. */
  private record Order(PoolKey pool, String tokenIn, String tokenOut, BigInteger amountIn, String router,
      String data) {

    Trade trade(String hash) {
      return new Trade(pool, tokenIn, tokenOut, amountIn, hash);
    }
  }

  private Order order(PoolKey pool, String tokenIn, int bps) {
    if (!pool.holds(tokenIn)) throw new IllegalArgumentException(pool + " does not hold " + tokenIn);
    String tokenOut = pool.tokenA().equals(tokenIn) ? pool.tokenB() : pool.tokenA();
    String in = deployment.token(tokenIn).address();
    String out = deployment.token(tokenOut).address();
    String pair = deployment.pair(pool);
    UniswapV2.Reserves r = chain.reserves(pair);
    boolean inIsToken0 = chain.token0(pair).equalsIgnoreCase(in);
    BigInteger reserveIn = inIsToken0 ? r.reserve0() : r.reserve1();
    BigInteger amountIn = reserveIn.multiply(BigInteger.valueOf(bps)).divide(BigInteger.valueOf(10_000));
    BigInteger held = chain.tokenBalance(in, wallet.address());
    if (amountIn.compareTo(held) > 0) amountIn = held.divide(BigInteger.TWO);
    if (amountIn.signum() <= 0) {
      throw new IllegalStateException("noise trader " + wallet.address() + " holds no " + tokenIn + ": provision it");
    }
    String router = deployment.dex(pool.dex()).router();
    long deadline = chain.chainTime() + 600;
    return new Order(pool, tokenIn, tokenOut, amountIn, router,
        UniswapV2.swapExactTokensForTokens(amountIn, BigInteger.ZERO, in, out, wallet.address(), deadline));
  }

  /** Steps every {@link Settings#interval()} until {@link #stop()}; a failed step is logged and counted, not fatal. */
  public synchronized void start() {
    if (loop != null) return;
    loop = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "noise-trader-" + wallet.address().substring(0, 8));
      t.setDaemon(true);
      return t;
    });
    long ms = settings.interval().toMillis();
    loop.scheduleWithFixedDelay(() -> {
      try {
        step();
      } catch (RuntimeException e) {
        lastError.set(e.getMessage());
        LOG.warn("noise trade failed: {}", e.getMessage());
      }
    }, 0, ms, TimeUnit.MILLISECONDS);
  }

  /** Stops the loop; a step under way finishes first. */
  public void stop() {
    ScheduledExecutorService l;
    synchronized (this) {
      l = loop;
      loop = null;
    }
    if (l == null) return;
    l.shutdown();
    try {
      l.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public boolean isRunning() {
    return loop != null;
  }

  /** Swaps made so far. */
  public long trades() {
    return trades.get();
  }

  public String lastError() {
    return lastError.get();
  }

  @Override
  public void close() {
    stop();
  }
}
