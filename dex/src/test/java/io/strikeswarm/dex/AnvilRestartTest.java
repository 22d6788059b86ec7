package io.strikeswarm.dex;

import static io.strikeswarm.dex.Stages.await;
import static io.strikeswarm.dex.Stages.eventually;
import static io.strikeswarm.dex.Stages.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.strikeswarm.bots.amm.ChainPort;
import io.strikeswarm.bots.amm.ChainSnapshot;
import io.strikeswarm.bots.amm.SignedTx;
import io.strikeswarm.bots.amm.SwapLeg;
import io.strikeswarm.bots.amm.TxOutcome;
import io.strikeswarm.dex.local.AccountProvisioner;
import io.strikeswarm.dex.local.AnvilAccounts;
import io.strikeswarm.dex.local.AnvilNode;
import io.strikeswarm.dex.local.ContractArtifacts;
import io.strikeswarm.dex.local.Deployment;
import io.strikeswarm.dex.local.LocalChain;
import io.strikeswarm.dex.local.LocalDexDeployer;
import io.strikeswarm.dex.local.Market;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node that goes away and comes back: while anvil is down every call fails with a message naming the node, and
 * after a restart on the same state file the chain is the same (nonce, balances, receipts), so re-broadcasting a
 * transaction that was mined before the stop is recognised as sent and never runs twice.
 */
class AnvilRestartTest {

  private static final BigInteger GAS_LIMIT = BigInteger.valueOf(250_000);
  private static final List<String> TOKENS = List.of("WETH", "USDC");

  @TempDir static Path dir;
  private static AnvilNode node;
  private static LocalChain local;
  private static Web3jChain chain;
  private static Wallet bot;

  @BeforeAll
  static void aRestartableChain() {
    node = AnvilNode.start(AnvilNode.Options.defaults().withState(dir.resolve("chain-state.json")).withAccounts(4,
        100_000));
    local = LocalChain.of(node);
    Deployment deployment = new LocalDexDeployer(local, ContractArtifacts.load(), AnvilAccounts.deployer())
        .deploy(Market.standard());
    bot = new AccountProvisioner(local, deployment, AnvilAccounts.deployer())
        .provision(AnvilAccounts.bots(1).get(0), AccountProvisioner.Funding.standard(Market.standard()));
    chain = Web3jChain.connect(deployment.toChainConfig(node.rpcUrl()), Wallets.of(bot));
  }

  @AfterAll
  static void stopAnvil() {
    if (chain != null) chain.close();
    if (local != null) local.close();
    if (node != null) node.close();
  }

  @Test
  void aStoppedNodeFailsCallsByNameAndARestartedOneKeepsTheChainAndNeverRunsATransactionTwice() throws Exception {
    SwapLeg leg = new SwapLeg("uniswap", "WETH", "USDC", BigInteger.TEN.pow(17), BigInteger.ONE, local.chainTime() + 3_600);
    SignedTx mined = chain.signSwap(bot.address(), leg, await(chain.transactionCount(bot.address())), GAS_LIMIT,
        local.baseFee().multiply(BigInteger.TWO).add(Wei.GWEI));
    await(chain.broadcast(mined));
    TxOutcome before = eventually(Duration.ofSeconds(10), () -> await(chain.outcome(mined, leg)));
    long nonce = await(chain.transactionCount(bot.address()));
    Map<String, BigInteger> balances = await(chain.balances(bot.address(), TOKENS));
    ChainSnapshot pools = await(chain.snapshot(chain.config().pools()));
    long pid = node.pid();

    node.stop();

    assertThat(node.isRunning()).isFalse();
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    assertThat(failure(chain.transactionCount(bot.address())))
        .hasMessage("rpc " + node.rpcUrl() + " unreachable (eth_getTransactionCount): Connection refused");
    assertThat(failure(chain.snapshot(chain.config().pools())))
        .hasMessage("rpc " + node.rpcUrl() + " unreachable (eth_getBlockByNumber): Connection refused");
    assertThat(failure(chain.broadcast(mined)))
        .hasMessage("rpc " + node.rpcUrl() + " unreachable (eth_sendRawTransaction): Connection refused");
    assertThat(Files.size(dir.resolve("chain-state.json"))).as("state written on SIGTERM").isPositive();

    node.restart();

    assertThat(node.pid()).isNotEqualTo(pid);
    assertThat(node.rpcUrl()).isEqualTo(chain.rpc().url());
    assertThat(await(chain.transactionCount(bot.address()))).isEqualTo(nonce);
    assertThat(await(chain.balances(bot.address(), TOKENS))).isEqualTo(balances);
    assertThat(await(chain.snapshot(chain.config().pools())).pools()).isEqualTo(pools.pools());
    assertThat(await(chain.outcome(mined, leg))).contains(before);

    assertThat(await(chain.broadcast(mined))).as("the mined transaction, sent again").isEqualTo(mined.hash());
    assertThat(await(chain.transactionCount(bot.address()))).isEqualTo(nonce);
    assertThat(await(chain.balances(bot.address(), TOKENS))).isEqualTo(balances);
  }

  @Test
  void aTransactionSignedBeforeTheStopIsSentOnceAfterTheRestart() {
    SwapLeg leg = new SwapLeg("sushiswap", "USDC", "WETH", BigInteger.valueOf(250_000_000), BigInteger.ONE,
        local.chainTime() + 3_600);
    long nonce = await(chain.transactionCount(bot.address()));
    SignedTx tx = chain.signSwap(bot.address(), leg, nonce, GAS_LIMIT,
        local.baseFee().multiply(BigInteger.TWO).add(Wei.GWEI));

    node.stop();
    assertThat(failure(chain.broadcast(tx))).isInstanceOf(ChainException.class).hasMessageContaining("unreachable");
    node.restart();

    assertThat(await(chain.broadcast(tx))).isEqualTo(tx.hash());
    assertThat(await(chain.broadcast(tx))).isEqualTo(tx.hash());
    TxOutcome outcome = eventually(Duration.ofSeconds(10), () -> await(chain.outcome(tx, leg)));
    assertThat(outcome).isInstanceOf(TxOutcome.Swapped.class);
    assertThat(await(chain.transactionCount(bot.address()))).isEqualTo(nonce + 1);
    assertThat(await(chain.balances(bot.address(), List.of(ChainPort.NATIVE)))).isNotEmpty();
  }
}
