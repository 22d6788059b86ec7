package io.strikeswarm.dex;

import io.strikeswarm.bots.amm.ChainPort;
import io.strikeswarm.bots.amm.ChainSnapshot;
import io.strikeswarm.bots.amm.PoolKey;
import io.strikeswarm.bots.amm.PoolState;
import io.strikeswarm.bots.amm.SignedTx;
import io.strikeswarm.bots.amm.SwapLeg;
import io.strikeswarm.bots.amm.TransactionRejected;
import io.strikeswarm.bots.amm.TxOutcome;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * {@link ChainPort} over JSON-RPC with web3j, for any chain with Uniswap-V2-compatible DEXes.
 *
 * <ul>
 *   <li>Pools: a pool's pair address comes from its factory's {@code getPair} and its token0 from the pair (both
 *       cached: pairs never move). A snapshot reads the latest block, then every pool's {@code getReserves()} at that
 *       block number, in one JSON-RPC batch, so all reserves belong to one block.
 *   <li>Swaps are EIP-1559 (type 2) router {@code swapExactTokensForTokens} transactions, signed locally with the
 *       account's {@link Wallet} for the configured chain id; signing does no I/O and is deterministic.
 *   <li>Broadcasting is idempotent: the node already knowing the transaction, or reporting its nonce as used while
 *       the receipt of this very hash exists, counts as sent.
 *   <li>Outcomes come from the receipt: amounts from the ERC-20 {@code Transfer} logs to and from the account (or the
 *       pair's {@code Swap} event), gas from {@code gasUsed × effectiveGasPrice}, a revert's reason from replaying
 *       the call at the parent block (or at its own block, when it was front-run inside it).
 * </ul>
 *
 * <p>All I/O runs on the {@link Rpc}'s own threads; no method blocks its caller or throws from a stage-returning
 * method. Failures complete the stage with a {@link ChainException} (or {@link IllegalArgumentException} for a
 * request naming an unknown DEX, token or account).
 */
public final class Web3jChain implements ChainPort, AutoCloseable {

  private final ChainConfig config;
  private final Wallets wallets;
  private final Rpc rpc;
  private final ConcurrentMap<PoolKey, Pair> pairs = new ConcurrentHashMap<>();

  /** A pool's pair contract and whether the pool key's tokenA is the pair's token0. */
  private record Pair(String address, boolean aIsToken0) {}

  private record Head(long number, long timestamp, BigInteger baseFee) {}

  private Web3jChain(ChainConfig config, Wallets wallets, Rpc rpc) {
    this.config = config;
    this.wallets = wallets;
    this.rpc = rpc;
  }

  /** A client for the chain's node (no I/O until the first call). */
  public static Web3jChain connect(ChainConfig config, Wallets wallets, RpcSettings settings) {
    if (config.rpcUrl() == null || config.rpcUrl().isBlank()) {
      throw new IllegalArgumentException("chain " + config.name() + " has no rpc-url: set " + ChainsConfig.PATH + "."
          + config.name() + ".rpc-url (or STRIKESWARM_RPC_" + config.name().toUpperCase(Locale.ROOT).replace('-', '_')
          + ")");
    }
    return new Web3jChain(config, wallets, new Rpc(config.rpcUrl(), settings));
  }

  public static Web3jChain connect(ChainConfig config, Wallets wallets) {
    return connect(config, wallets, RpcSettings.defaults());
  }

  /**
   * The chain {@code name} of {@code root} ({@code strikeswarm.dex.chains}), with the wallets of
   * {@code strikeswarm.dex.wallets} and the timeouts of {@code strikeswarm.dex.rpc}. {@code root} is typically
   * {@link ChainsConfig#defaultConfig()} or an application config that includes {@code chains.conf}.
   */
  public static Web3jChain configured(com.typesafe.config.Config root, String name) {
    return connect(ChainsConfig.from(root).chain(name), Wallets.load(root), RpcSettings.from(root));
  }

  @Override
  public String chain() {
    return config.name();
  }

  public ChainConfig config() {
    return config;
  }

  public Rpc rpc() {
    return rpc;
  }

  // ---- reading ------------------------------------------------------------------------------------------------

  @Override
  public CompletionStage<ChainSnapshot> snapshot(Collection<PoolKey> pools) {
    return guarded(() -> {
      List<PoolKey> keys = List.copyOf(new LinkedHashSet<>(pools));
      for (PoolKey k : keys) {
        config.dex(k.dex());
        config.token(k.tokenA());
        config.token(k.tokenB());
      }
      return head().thenCompose(head -> pairs(keys, head.number())
          .thenCompose(resolved -> reserves(keys, resolved, head.number()))
          .thenApply(states -> new ChainSnapshot(head.number(), head.timestamp(),
              head.baseFee().add(config.priorityFeeWei()), states)));
    });
  }

  @Override
  public CompletionStage<Long> transactionCount(String account) {
    return guarded(() -> {
      String who = account(account);
      return rpc.send(rpc.web3j().ethGetTransactionCount(who, DefaultBlockParameterName.LATEST))
          .thenApply(r -> r.getTransactionCount().longValueExact());
    });
  }

  @Override
  public CompletionStage<Map<String, BigInteger>> balances(String account, Collection<String> tokens) {
    return guarded(() -> {
      String who = account(account);
      List<String> erc20 = new ArrayList<>();
      List<String> natives = new ArrayList<>();
      for (String symbol : new LinkedHashSet<>(tokens)) {
        if (symbol.equals(NATIVE) || symbol.equals(config.nativeSymbol())) {
          natives.add(symbol);
        } else {
          config.token(symbol);
          erc20.add(symbol);
        }
      }
      return rpc.send(rpc.web3j().ethBlockNumber()).thenCompose(bn -> {
        DefaultBlockParameter at = DefaultBlockParameter.valueOf(bn.getBlockNumber());
        CompletableFuture<BigInteger> eth = rpc.send(rpc.web3j().ethGetBalance(who, at)).thenApply(b -> b.getBalance());
        List<? extends Request<?, EthCall>> calls = erc20.stream()
            .map(s -> rpc.web3j().ethCall(call(who, config.token(s).address(), UniswapV2.balanceOf(who)), at))
            .toList();
        CompletableFuture<List<EthCall>> answers = rpc.batch("balanceOf", calls);
        return eth.thenCombine(answers, (native_, results) -> {
          Map<String, BigInteger> out = new LinkedHashMap<>();
          out.put(NATIVE, native_);
          for (String s : natives) out.put(s, native_);
          for (int i = 0; i < erc20.size(); i++) {
            EthCall r = results.get(i);
            String symbol = erc20.get(i);
            if (r.hasError()) {
              throw new ChainException("balanceOf(" + who + ") on " + symbol + " at block " + bn.getBlockNumber()
                  + " rejected by " + rpc.shown() + ": " + Rpc.errorText(r.getError()));
            }
            out.put(symbol, decode(() -> UniswapV2.decodeUint(r.getValue()), "balanceOf on " + symbol + " ("
                + config.token(symbol).address() + ")"));
          }
          return Collections.unmodifiableMap(out);
        });
      });
    });
  }

  // ---- signing and sending ------------------------------------------------------------------------------------

  @Override
  public SignedTx signSwap(String account, SwapLeg leg, long nonce, BigInteger gasLimit, BigInteger maxFeePerGasWei) {
    Wallet wallet = wallets.find(account)
        .orElseThrow(() -> new IllegalArgumentException("no wallet for account " + account + " on chain " + chain()));
    DexSpec dex = config.dex(leg.dex());
    TokenSpec in = config.token(leg.tokenIn());
    TokenSpec out = config.token(leg.tokenOut());
    if (in.equals(out)) throw new IllegalArgumentException("a swap needs two different tokens, got " + in.symbol());
    if (nonce < 0) throw new IllegalArgumentException("negative nonce " + nonce);
    if (leg.amountIn().signum() <= 0) throw new IllegalArgumentException("amountIn must be positive: " + leg);
    if (leg.amountOutMin().signum() < 0) throw new IllegalArgumentException("amountOutMin is negative: " + leg);
    if (gasLimit.signum() <= 0 || maxFeePerGasWei.signum() < 0) {
      throw new IllegalArgumentException("gas limit must be positive and max fee non-negative");
    }
    BigInteger tip = config.priorityFeeWei().min(maxFeePerGasWei);
    String data = UniswapV2.swapExactTokensForTokens(leg.amountIn(), leg.amountOutMin(), in.address(), out.address(),
        wallet.address(), leg.deadlineSec());
    RawTransaction raw = RawTransaction.createTransaction(config.chainId(), BigInteger.valueOf(nonce), gasLimit,
        dex.router(), BigInteger.ZERO, data, tip, maxFeePerGasWei);
    String hex = Numeric.toHexString(wallet.sign(raw, config.chainId()));
    return new SignedTx(Hash.sha3(hex), hex, wallet.address(), nonce, gasLimit);
  }

  @Override
  public CompletionStage<String> broadcast(SignedTx tx) {
    return guarded(() -> rpc.sendAllowingError(rpc.web3j().ethSendRawTransaction(tx.raw())).thenCompose(r -> {
      if (!r.hasError()) {
        String hash = r.getTransactionHash();
        if (hash != null && !hash.equalsIgnoreCase(tx.hash())) {
          throw new ChainException("eth_sendRawTransaction: " + rpc.shown() + " reports hash " + hash + " for "
              + tx.hash());
        }
        return CompletableFuture.completedFuture(tx.hash());
      }
      String message = String.valueOf(r.getError().getMessage()).toLowerCase(Locale.ROOT);
      if (message.contains("already known") || message.contains("known transaction")
          || message.contains("already imported") || message.contains("already in the mempool")) {
        return CompletableFuture.completedFuture(tx.hash());
      }
      // a definite refusal (the node answered with an error): the bot may free the nonce once it sees it unused
      TransactionRejected refusal = new TransactionRejected("eth_sendRawTransaction of " + tx.hash() + " (nonce "
          + tx.nonce() + " of " + tx.from() + ") rejected by " + rpc.shown() + ": " + Rpc.errorText(r.getError()));
      if (message.contains("nonce too low") || message.contains("nonce is too low") || message.contains("old nonce")) {
        // the nonce is used: by this very transaction (a re-broadcast after it was mined) or by another one
        return known(tx.hash()).thenApply(known -> {
          if (known) return tx.hash();
          throw refusal;
        });
      }
      throw refusal;
    }));
  }

  /** Whether the node has a receipt for this hash, or holds it as pending. */
  private CompletableFuture<Boolean> known(String hash) {
    return rpc.send(rpc.web3j().ethGetTransactionReceipt(hash)).thenCompose(r -> {
      if (r.getTransactionReceipt().isPresent()) return CompletableFuture.completedFuture(true);
      return rpc.send(rpc.web3j().ethGetTransactionByHash(hash)).thenApply(t -> t.getTransaction().isPresent());
    });
  }

  @Override
  public CompletionStage<Optional<TxOutcome>> outcome(SignedTx tx, SwapLeg leg) {
    return guarded(() -> {
      TokenSpec in = config.token(leg.tokenIn());
      TokenSpec out = config.token(leg.tokenOut());
      return rpc.send(rpc.web3j().ethGetTransactionReceipt(tx.hash())).thenCompose(r -> {
        Optional<TransactionReceipt> receipt = r.getTransactionReceipt();
        if (receipt.isEmpty() || receipt.get().getBlockNumberRaw() == null) {
          return CompletableFuture.completedFuture(Optional.<TxOutcome>empty());
        }
        TransactionReceipt rc = receipt.get();
        return effectiveGasPrice(rc).thenCompose(price -> {
          long block = rc.getBlockNumber().longValueExact();
          String status = rc.getStatus();
          if ("0x1".equals(status)) {
            BigInteger[] amounts = swapAmounts(rc, tx.from(), in, out);
            return CompletableFuture.completedFuture(Optional.<TxOutcome>of(new TxOutcome.Swapped(tx.hash(), block,
                rc.getGasUsed(), price, amounts[0], amounts[1])));
          }
          if ("0x0".equals(status)) {
            return revertReason(tx.hash(), block).thenApply(reason -> Optional.<TxOutcome>of(
                new TxOutcome.Reverted(tx.hash(), block, rc.getGasUsed(), price, reason)));
          }
          throw new ChainException("receipt of " + tx.hash() + " from " + rpc.shown() + " has no status (" + status
              + "): a pre-Byzantium chain is not supported");
        });
      });
    });
  }

  // ---- pools --------------------------------------------------------------------------------------------------

  private CompletableFuture<Head> head() {
    return rpc.send(rpc.web3j().ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false)).thenCompose(r -> {
      EthBlock.Block b = r.getBlock();
      if (b == null) throw new ChainException("eth_getBlockByNumber(latest): " + rpc.shown() + " returned no block");
      long number = b.getNumber().longValueExact();
      long time = b.getTimestamp().longValueExact();
      if (b.getBaseFeePerGasRaw() != null) {
        return CompletableFuture.completedFuture(new Head(number, time, b.getBaseFeePerGas()));
      }
      // a chain without EIP-1559 base fee: the node's gas price stands in for it
      return rpc.send(rpc.web3j().ethGasPrice()).thenApply(g -> new Head(number, time, g.getGasPrice()));
    });
  }

  private CompletableFuture<Map<PoolKey, Pair>> pairs(List<PoolKey> keys, long blockNumber) {
    List<PoolKey> missing = keys.stream().filter(k -> !pairs.containsKey(k)).toList();
    if (missing.isEmpty()) return CompletableFuture.completedFuture(cached(keys));
    DefaultBlockParameter at = DefaultBlockParameter.valueOf(BigInteger.valueOf(blockNumber));
    List<? extends Request<?, EthCall>> getPair = missing.stream().map(k -> rpc.web3j().ethCall(call(null,
        config.dex(k.dex()).factory(), UniswapV2.getPair(config.token(k.tokenA()).address(),
            config.token(k.tokenB()).address())), at)).toList();
    return rpc.batch("getPair", getPair).thenCompose(answers -> {
      List<String> addresses = new ArrayList<>();
      for (int i = 0; i < missing.size(); i++) {
        PoolKey k = missing.get(i);
        EthCall a = answers.get(i);
        if (a.hasError()) {
          throw new ChainException("getPair for " + k + " on factory " + config.dex(k.dex()).factory()
              + " rejected by " + rpc.shown() + ": " + Rpc.errorText(a.getError()));
        }
        String pair = decode(() -> UniswapV2.decodeAddress(a.getValue()), "getPair for " + k + " (factory "
            + config.dex(k.dex()).factory() + ")");
        if (pair.equals(Addresses.ZERO)) {
          throw new ChainException("no pool " + k + " on chain " + chain() + ": factory "
              + config.dex(k.dex()).factory() + " has no pair for " + k.tokenA() + "/" + k.tokenB());
        }
        addresses.add(pair);
      }
      List<? extends Request<?, EthCall>> token0 = addresses.stream()
          .map(p -> rpc.web3j().ethCall(call(null, p, UniswapV2.token0()), at)).toList();
      return rpc.batch("token0", token0).thenApply(t0 -> {
        for (int i = 0; i < missing.size(); i++) {
          PoolKey k = missing.get(i);
          EthCall a = t0.get(i);
          if (a.hasError()) {
            throw new ChainException("token0 of pair " + addresses.get(i) + " (" + k + ") rejected by " + rpc.shown()
                + ": " + Rpc.errorText(a.getError()));
          }
          String token0Address = decode(() -> UniswapV2.decodeAddress(a.getValue()), "token0 of " + k);
          String addressA = config.token(k.tokenA()).address();
          String addressB = config.token(k.tokenB()).address();
          if (!Addresses.same(token0Address, addressA) && !Addresses.same(token0Address, addressB)) {
            throw new ChainException("pair " + addresses.get(i) + " for " + k + " holds token " + token0Address
                + ", which is neither " + k.tokenA() + " nor " + k.tokenB());
          }
          pairs.putIfAbsent(k, new Pair(addresses.get(i), Addresses.same(token0Address, addressA)));
        }
        return cached(keys);
      });
    });
  }

  private Map<PoolKey, Pair> cached(List<PoolKey> keys) {
    Map<PoolKey, Pair> out = new LinkedHashMap<>();
    for (PoolKey k : keys) out.put(k, pairs.get(k));
    return out;
  }

  private CompletableFuture<List<PoolState>> reserves(List<PoolKey> keys, Map<PoolKey, Pair> resolved, long block) {
    DefaultBlockParameter at = DefaultBlockParameter.valueOf(BigInteger.valueOf(block));
    List<? extends Request<?, EthCall>> calls = keys.stream()
        .map(k -> rpc.web3j().ethCall(call(null, resolved.get(k).address(), UniswapV2.getReserves()), at)).toList();
    return rpc.batch("getReserves", calls).thenApply(answers -> {
      List<PoolState> states = new ArrayList<>(keys.size());
      for (int i = 0; i < keys.size(); i++) {
        PoolKey k = keys.get(i);
        Pair p = resolved.get(k);
        EthCall a = answers.get(i);
        if (a.hasError()) {
          throw new ChainException("getReserves of " + k + " (pair " + p.address() + ") at block " + block
              + " rejected by " + rpc.shown() + ": " + Rpc.errorText(a.getError()));
        }
        UniswapV2.Reserves r = decode(() -> UniswapV2.decodeReserves(a.getValue()), "getReserves of " + k);
        int feeBps = config.dex(k.dex()).feeBps();
        states.add(p.aIsToken0()
            ? new PoolState(k, p.address(), r.reserve0(), r.reserve1(), feeBps)
            : new PoolState(k, p.address(), r.reserve1(), r.reserve0(), feeBps));
      }
      return states;
    });
  }

  // ---- receipts -----------------------------------------------------------------------------------------------

  private CompletableFuture<BigInteger> effectiveGasPrice(TransactionReceipt rc) {
    if (rc.getEffectiveGasPrice() != null) {
      return CompletableFuture.completedFuture(Numeric.decodeQuantity(rc.getEffectiveGasPrice()));
    }
    return rpc.send(rpc.web3j().ethGetTransactionByHash(rc.getTransactionHash())).thenApply(t -> t.getTransaction()
        .map(org.web3j.protocol.core.methods.response.Transaction::getGasPrice)
        .orElseThrow(() -> new ChainException("receipt of " + rc.getTransactionHash()
            + " has no effectiveGasPrice and the node does not know the transaction")));
  }

  /** amountIn and amountOut of the account's swap, read from the receipt's logs. */
  private BigInteger[] swapAmounts(TransactionReceipt rc, String account, TokenSpec in, TokenSpec out) {
    BigInteger amountIn = BigInteger.ZERO;
    BigInteger amountOut = BigInteger.ZERO;
    boolean sawIn = false;
    boolean sawOut = false;
    for (Log log : rc.getLogs()) {
      List<String> topics = log.getTopics();
      if (topics.size() != 3 || !topics.get(0).equalsIgnoreCase(UniswapV2.TRANSFER_TOPIC)) continue;
      String from = UniswapV2.topicAddress(topics.get(1));
      String to = UniswapV2.topicAddress(topics.get(2));
      BigInteger value = UniswapV2.word(log.getData(), 0);
      if (Addresses.same(log.getAddress(), in.address()) && Addresses.same(from, account)) {
        amountIn = amountIn.add(value);
        sawIn = true;
      }
      if (Addresses.same(log.getAddress(), out.address()) && Addresses.same(to, account)) {
        amountOut = amountOut.add(value);
        sawOut = true;
      }
    }
    if (sawIn && sawOut) return new BigInteger[] {amountIn, amountOut};
    // tokens that emit no Transfer: the pair's own Swap event (to = the account) says the same
    boolean inIsToken0 = Addresses.sortsBefore(in.address(), out.address());
    for (Log log : rc.getLogs()) {
      List<String> topics = log.getTopics();
      if (topics.size() != 3 || !topics.get(0).equalsIgnoreCase(UniswapV2.SWAP_TOPIC)) continue;
      if (!Addresses.same(UniswapV2.topicAddress(topics.get(2)), account)) continue;
      BigInteger in0 = UniswapV2.word(log.getData(), 0);
      BigInteger in1 = UniswapV2.word(log.getData(), 1);
      BigInteger out0 = UniswapV2.word(log.getData(), 2);
      BigInteger out1 = UniswapV2.word(log.getData(), 3);
      return new BigInteger[] {inIsToken0 ? in0 : in1, inIsToken0 ? out1 : out0};
    }
    throw new ChainException("receipt of " + rc.getTransactionHash() + " succeeded but shows no transfer of "
        + in.symbol() + " from " + account + " and " + out.symbol() + " to it (not this leg's swap?)");
  }

  /**
   * The revert reason, from replaying the transaction as a call: first at its parent block, which is exact unless an
   * earlier transaction of the same block changed what it touched (a front-run). That replay then succeeds, so it is
   * replayed again at its own block, whose state includes the front-run (and whatever came after it in the block:
   * close enough to name why it failed). "reverted" if neither replay gives a reason.
   */
  private CompletableFuture<String> revertReason(String hash, long block) {
    return rpc.send(rpc.web3j().ethGetTransactionByHash(hash)).thenCompose(t -> {
      if (t.getTransaction().isEmpty()) return CompletableFuture.completedFuture("reverted");
      org.web3j.protocol.core.methods.response.Transaction tx = t.getTransaction().get();
      Transaction replay = Transaction.createFunctionCallTransaction(tx.getFrom(), null, null, tx.getGas(), tx.getTo(),
          tx.getValue(), tx.getInput());
      return replayedReason(replay, Math.max(0, block - 1)).thenCompose(before -> before.isPresent()
          ? CompletableFuture.completedFuture(before.get())
          : replayedReason(replay, block).thenApply(after -> after.orElse("reverted")));
    });
  }

  /** Why the call fails at that block's state; empty if it succeeds (or the node cannot say). */
  private CompletableFuture<Optional<String>> replayedReason(Transaction replay, long block) {
    return rpc.sendAllowingError(rpc.web3j().ethCall(replay, DefaultBlockParameter.valueOf(BigInteger.valueOf(block))))
        .handle((r, e) -> {
          if (e != null || r == null || !r.hasError()) return Optional.empty();
          String reason = Rpc.revertReason(r.getError().getData());
          if (reason != null) return Optional.of(reason);
          String message = r.getError().getMessage();
          if (message == null || message.isBlank()) return Optional.of("reverted");
          return Optional.of(message.startsWith("execution reverted: ")
              ? message.substring("execution reverted: ".length()) : message);
        });
  }

  // ---- helpers ------------------------------------------------------------------------------------------------

  private static Transaction call(String from, String to, String data) {
    return Transaction.createEthCallTransaction(from, to, data);
  }

  private <T> T decode(Supplier<T> decoder, String what) {
    try {
      return decoder.get();
    } catch (RuntimeException e) {
      throw new ChainException(what + " at " + rpc.shown() + ": " + e.getMessage());
    }
  }

  private static String account(String account) {
    String problem = Addresses.problem(account);
    if (problem != null) throw new IllegalArgumentException("account " + problem);
    return Addresses.checksummed(account);
  }

  /** Runs {@code body}; anything it throws, or its stage fails with, comes back as the bare failure of the stage. */
  private static <T> CompletionStage<T> guarded(Supplier<CompletableFuture<T>> body) {
    try {
      return Rpc.unwrapped(body.get());
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public void close() {
    rpc.close();
  }

  @Override
  public String toString() {
    return "Web3jChain[" + config.name() + " at " + rpc.shown() + "]";
  }
}
