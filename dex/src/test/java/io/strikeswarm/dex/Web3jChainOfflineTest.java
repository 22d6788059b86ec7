package io.strikeswarm.dex;

import static io.strikeswarm.dex.Stages.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.strikeswarm.bots.amm.PoolKey;
import io.strikeswarm.bots.amm.SignedTx;
import io.strikeswarm.bots.amm.SwapLeg;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.TransactionDecoder;
import org.web3j.crypto.transaction.type.Transaction1559;

/**
 * {@link Web3jChain} with no node behind its URL: signing still works (it is pure), every call fails its stage
 * with a message naming the node and the call, and no call blocks or throws on the caller's thread.
 */
class Web3jChainOfflineTest {

  private static final Wallet WALLET =
      Wallet.fromPrivateKey("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80", "test");

  private int deadPort;
  private Web3jChain chain;

  @BeforeEach
  void aChainWhoseNodeIsDown() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      deadPort = s.getLocalPort();
    }
    ChainConfig eth = ChainsConfig.load().chain("ethereum").withRpcUrl("http://127.0.0.1:" + deadPort + "/v3/secret-api-key");
    chain = Web3jChain.connect(eth, Wallets.of(WALLET));
  }

  @AfterEach
  void close() {
    chain.close();
  }

  @Test
  void everyCallFailsItsStageNamingTheNodeButNotTheUrlsSecretPath() {
    String node = "rpc http://127.0.0.1:" + deadPort + " unreachable";
    List<CompletionStage<?>> calls = List.of(
        chain.snapshot(List.of(new PoolKey("uniswap", "WETH", "USDC"))),
        chain.transactionCount(WALLET.address()),
        chain.balances(WALLET.address(), List.of("USDC")),
        chain.broadcast(new SignedTx("0x01", "0x02", WALLET.address(), 0, BigInteger.ONE)),
        chain.outcome(new SignedTx("0x01", "0x02", WALLET.address(), 0, BigInteger.ONE),
            new SwapLeg("uniswap", "WETH", "USDC", BigInteger.ONE, BigInteger.ZERO, 0)));

    for (CompletionStage<?> call : calls) {
      assertThat(failure(call)).isInstanceOf(ChainException.class)
          .hasMessageStartingWith(node)
          .hasMessageContaining("Connection refused")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret-api-key"));
    }
    assertThat(failure(chain.transactionCount(WALLET.address())))
        .hasMessage(node + " (eth_getTransactionCount): Connection refused");
  }

  @Test
  void aSignedSwapIsATypeTwoTransactionForTheChainsRouter() {
    SwapLeg leg = new SwapLeg("uniswap", "WETH", "USDC", new BigInteger("1000000000000000000"), BigInteger.valueOf(
        2_900_000_000L), 1_900_000_000L);
    BigInteger maxFee = Wei.parse("30 gwei");

    SignedTx tx = chain.signSwap(WALLET.address(), leg, 12, BigInteger.valueOf(200_000), maxFee);

    var decoded = TransactionDecoder.decode(tx.raw());
    assertThat(decoded.getTransaction()).isInstanceOf(Transaction1559.class);
    Transaction1559 t = (Transaction1559) decoded.getTransaction();
    assertThat(t.getChainId()).isEqualTo(1);
    assertThat(t.getNonce()).isEqualTo(12);
    assertThat(t.getMaxFeePerGas()).isEqualTo(maxFee);
    assertThat(t.getMaxPriorityFeePerGas()).as("the chain's tip").isEqualTo(Wei.parse("1 gwei"));
    assertThat(t.getTo()).isEqualToIgnoringCase("0x7a250d5630B4cF539739dF2C5dAcb4c659F2488D");
    assertThat(t.getData()).startsWith("38ed1739"); // swapExactTokensForTokens(uint256,uint256,address[],address,uint256)
    assertThat(tx.nonce()).isEqualTo(12);
    assertThat(tx.from()).isEqualTo(WALLET.address());
    assertThat(tx.toString()).doesNotContain(tx.raw());
  }

  @Test
  void aTipAboveTheMaxFeeIsCappedAtTheMaxFee() {
    SwapLeg leg = new SwapLeg("uniswap", "WETH", "USDC", BigInteger.TEN, BigInteger.ZERO, 1);
    SignedTx tx = chain.signSwap(WALLET.address(), leg, 0, BigInteger.valueOf(200_000), BigInteger.valueOf(5));
    Transaction1559 t = (Transaction1559) TransactionDecoder.decode(tx.raw()).getTransaction();
    assertThat(t.getMaxPriorityFeePerGas()).isEqualTo(5);
  }
}
