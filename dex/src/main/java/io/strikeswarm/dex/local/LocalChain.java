package io.strikeswarm.dex.local;

import io.strikeswarm.dex.Addresses;
import io.strikeswarm.dex.ChainException;
import io.strikeswarm.dex.Rpc;
import io.strikeswarm.dex.RpcSettings;
import io.strikeswarm.dex.UniswapV2;
import io.strikeswarm.dex.Wallet;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * Blocking chain access for the harness (deployer, provisioner, noise trader, tests): send a transaction and wait
 * for its receipt, read a contract. Transactions are EIP-1559, signed locally; the nonce is the account's pending
 * count, so one {@code LocalChain} user per account at a time. Receipts are polled every 2 ms (web3j's default
 * receipt polling is 15 s); with automining the receipt is there on the first poll.
 */
public final class LocalChain implements AutoCloseable {

  public static final BigInteger DEFAULT_TIP = BigInteger.valueOf(1_000_000_000L);

  private final Rpc rpc;
  private final long chainId;
  private final Duration receiptTimeout;

  public LocalChain(String rpcUrl, long chainId, Duration receiptTimeout) {
    this.rpc = new Rpc(rpcUrl, new RpcSettings(Duration.ofSeconds(2), Duration.ofSeconds(30), 2));
    this.chainId = chainId;
    this.receiptTimeout = receiptTimeout;
  }

  /** For an anvil node; waits for receipts up to a minute plus its block time. */
  public static LocalChain of(AnvilNode node) {
    int blockTime = node.options().blockTimeSec() == null ? 0 : node.options().blockTimeSec();
    return new LocalChain(node.rpcUrl(), AnvilNode.CHAIN_ID, Duration.ofSeconds(60L + 2L * blockTime));
  }

  public long chainId() {
    return chainId;
  }

  public Rpc rpc() {
    return rpc;
  }

  // ---- transactions -------------------------------------------------------------------------------------------

  /**
   * Signs and sends a call (or a plain transfer for empty {@code data}) without waiting for it to be mined; returns
   * its hash. {@code gasLimit} null = estimate (+25 %).
   */
  public String submit(Wallet from, String to, BigInteger value, String data, BigInteger gasLimit) {
    return submit(from, to, value, data, gasLimit, DEFAULT_TIP);
  }

  /**
   * The same with priority fee {@code tip}: anvil orders a block by tip, so a test that mines blocks itself can put
   * this transaction ahead of others waiting for the same block.
   */
  public String submit(Wallet from, String to, BigInteger value, String data, BigInteger gasLimit, BigInteger tip) {
    BigInteger nonce = Rpc.await(rpc.send(rpc.web3j().ethGetTransactionCount(from.address(),
        DefaultBlockParameterName.PENDING))).getTransactionCount();
    BigInteger gas = gasLimit != null ? gasLimit : estimate(from.address(), to, value, data);
    BigInteger maxFee = baseFee().multiply(BigInteger.TWO).add(tip);
    RawTransaction raw = to == null
        ? RawTransaction.createTransaction(chainId, nonce, gas, "", value, data, tip, maxFee)
        : RawTransaction.createTransaction(chainId, nonce, gas, to, value, data, tip, maxFee);
    String hex = Numeric.toHexString(from.sign(raw, chainId));
    String hash = Hash.sha3(hex);
    Rpc.await(rpc.send(rpc.web3j().ethSendRawTransaction(hex)));
    return hash;
  }

  /** Sends and waits for the receipt; a reverted transaction is a {@link ChainException} with its reason. */
  public TransactionReceipt send(Wallet from, String to, BigInteger value, String data, BigInteger gasLimit) {
    TransactionReceipt r = receipt(submit(from, to, value, data, gasLimit));
    if (!r.isStatusOK()) {
      throw new ChainException("transaction " + r.getTransactionHash() + " from " + from.address() + " to " + to
          + " reverted: " + revertReason(from.address(), to, value, data, r.getBlockNumber()));
    }
    return r;
  }

  public TransactionReceipt send(Wallet from, String to, String data) {
    return send(from, to, BigInteger.ZERO, data, null);
  }

  /** Deploys creation code (with encoded constructor arguments appended); returns the contract address. */
  public String deploy(Wallet from, String creationCode) {
    TransactionReceipt r = send(from, null, BigInteger.ZERO, creationCode, null);
    if (r.getContractAddress() == null) {
      throw new ChainException("deployment " + r.getTransactionHash() + " made no contract");
    }
    return Addresses.checksummed(r.getContractAddress());
  }

  /** Polls for the receipt every 2 ms until {@code receiptTimeout}. */
  public TransactionReceipt receipt(String hash) {
    long deadline = System.nanoTime() + receiptTimeout.toNanos();
    while (true) {
      Optional<TransactionReceipt> r = Rpc.await(rpc.send(rpc.web3j().ethGetTransactionReceipt(hash)))
          .getTransactionReceipt();
      if (r.isPresent() && r.get().getBlockNumberRaw() != null) return r.get();
      if (System.nanoTime() > deadline) {
        throw new ChainException("no receipt for " + hash + " after " + receiptTimeout.toMillis() + " ms");
      }
      try {
        Thread.sleep(2);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ChainException("interrupted waiting for the receipt of " + hash);
      }
    }
  }

  private BigInteger estimate(String from, String to, BigInteger value, String data) {
    Transaction t = new Transaction(from, null, null, null, to, value, data);
    var r = Rpc.await(rpc.sendAllowingError(rpc.web3j().ethEstimateGas(t)));
    if (r.hasError()) {
      throw new ChainException("eth_estimateGas for " + (to == null ? "a deployment" : "a call to " + to)
          + " from " + from + ": " + Rpc.errorText(r.getError()));
    }
    BigInteger g = r.getAmountUsed();
    return g.add(g.divide(BigInteger.valueOf(4)));
  }

  private String revertReason(String from, String to, BigInteger value, String data, BigInteger block) {
    Transaction t = new Transaction(from, null, null, null, to, value, data);
    EthCall r = Rpc.await(rpc.sendAllowingError(rpc.web3j().ethCall(t,
        DefaultBlockParameter.valueOf(block.subtract(BigInteger.ONE).max(BigInteger.ZERO)))));
    if (!r.hasError()) return "no reason given";
    Response.Error e = r.getError();
    return Rpc.errorText(e);
  }

  // ---- reads --------------------------------------------------------------------------------------------------

  /** eth_call at the latest block; a revert is a {@link ChainException}. */
  public String call(String to, String data) {
    return call(to, data, DefaultBlockParameterName.LATEST);
  }

  public String call(String to, String data, DefaultBlockParameter at) {
    EthCall r = Rpc.await(rpc.send(rpc.web3j().ethCall(Transaction.createEthCallTransaction(null, to, data), at)));
    return r.getValue();
  }

  public BigInteger tokenBalance(String token, String owner) {
    return UniswapV2.decodeUint(call(token, UniswapV2.balanceOf(owner)));
  }

  public BigInteger allowance(String token, String owner, String spender) {
    return UniswapV2.decodeUint(call(token, UniswapV2.allowance(owner, spender)));
  }

  public BigInteger ethBalance(String owner) {
    return Rpc.await(rpc.send(rpc.web3j().ethGetBalance(owner, DefaultBlockParameterName.LATEST))).getBalance();
  }

  public long nonce(String owner) {
    return Rpc.await(rpc.send(rpc.web3j().ethGetTransactionCount(owner, DefaultBlockParameterName.LATEST)))
        .getTransactionCount().longValueExact();
  }

  public int decimals(String token) {
    return UniswapV2.decodeUint8(call(token, UniswapV2.decimals()));
  }

  public String pairFor(String factory, String tokenA, String tokenB) {
    return UniswapV2.decodeAddress(call(factory, UniswapV2.getPair(tokenA, tokenB)));
  }

  public UniswapV2.Reserves reserves(String pair) {
    return UniswapV2.decodeReserves(call(pair, UniswapV2.getReserves()));
  }

  public String token0(String pair) {
    return UniswapV2.decodeAddress(call(pair, UniswapV2.token0()));
  }

  /** Router {@code getAmountsOut(amountIn, [tokenIn, tokenOut])}. */
  public List<BigInteger> amountsOut(String router, BigInteger amountIn, String tokenIn, String tokenOut) {
    return UniswapV2.decodeUintArray(call(router, UniswapV2.getAmountsOut(amountIn, tokenIn, tokenOut)));
  }

  public EthBlock.Block latestBlock() {
    return Rpc.await(rpc.send(rpc.web3j().ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false))).getBlock();
  }

  public BigInteger baseFee() {
    BigInteger fee = latestBlock().getBaseFeePerGas();
    return fee == null ? BigInteger.ZERO : fee;
  }

  /** The latest block's timestamp: chain time, for swap deadlines. */
  public long chainTime() {
    return latestBlock().getTimestamp().longValueExact();
  }

  /** Tops an account's native balance up to {@code atLeast} with {@code anvil_setBalance} (anvil only). */
  public void ensureEth(String account, BigInteger atLeast) {
    if (ethBalance(account).compareTo(atLeast) >= 0) return;
    Rpc.await(rpc.custom("anvil_setBalance", List.of(account, "0x" + atLeast.toString(16)), VoidResponse.class));
  }

  /** The result-less response of anvil's helper methods. */
  public static final class VoidResponse extends Response<Object> {}

  @Override
  public void close() {
    rpc.close();
  }
}
