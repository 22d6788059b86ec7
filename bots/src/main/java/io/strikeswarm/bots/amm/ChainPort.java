package io.strikeswarm.bots.amm;

import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * What an AMM bot needs from one EVM chain: read pools, sign and send its swaps, read their outcome. The bot keeps no
 * key: it names its account (an address) and the chain side signs with the wallet loaded for it. Implemented with
 * web3j in the {@code dex} module; every failure (node down, timeout, unknown account, RPC error) completes the stage
 * exceptionally with a message that names it, and never throws from a {@code CompletionStage}-returning method.
 */
public interface ChainPort {

  /** The configured chain name ("anvil", "ethereum", ...). */
  String chain();

  /** Reserves of these pools (all at the same block), the block's number and time, and the gas price to pay. */
  CompletionStage<ChainSnapshot> snapshot(Collection<PoolKey> pools);

  /** The account's mined transaction count: the next nonce once nothing of it is pending. */
  CompletionStage<Long> transactionCount(String account);

  /** Balances in smallest units: each token by symbol, and the native coin under {@link #NATIVE}. */
  CompletionStage<Map<String, BigInteger>> balances(String account, Collection<String> tokens);

  /**
   * Signs (no I/O) a router swap for the account with this nonce, gas limit and gas price (maxFeePerGas; the tip is
   * the chain's configured priority fee). Deterministic: the same arguments give the same hash and bytes.
   *
   * @throws IllegalArgumentException for an account with no wallet, an unknown DEX or token
   */
  SignedTx signSwap(String account, SwapLeg leg, long nonce, BigInteger gasLimit, BigInteger maxFeePerGasWei);

  /**
   * Sends the raw transaction. Idempotent: a node that already knows it, or has already mined it, counts as success.
   * Fails for a real rejection (nonce too low for another transaction, insufficient funds for gas, ...).
   */
  CompletionStage<String> broadcast(SignedTx tx);

  /** The receipt's outcome; empty while the transaction is not mined (pending or unknown to the node). */
  CompletionStage<Optional<TxOutcome>> outcome(SignedTx tx, SwapLeg leg);

  /** The key under which {@link #balances} reports the native coin (ETH on Ethereum and anvil). */
  /**
   * The book key of the chain's native coin, on every chain (a key, not a label: operators see the chain's own symbol,
   * {@link AmmBotConfig#nativeSymbol()}, e.g. BNB on BSC).
   */
  String NATIVE = "ETH";
}
