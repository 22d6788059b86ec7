package io.strikeswarm.dex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.strikeswarm.bots.amm.PoolKey;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** The chains configuration: the shipped mainnet defaults load and validate, and every kind of mistake is named. */
class ChainsConfigTest {

  private static final String VALID = """
      strikeswarm.dex.chains.testnet {
        chain-id = 5
        rpc-url = "http://127.0.0.1:8545"
        native = "ETH"
        priority-fee = "1.5 gwei"
        tokens {
          WETH { address = "0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2", decimals = 18 }
          USDC { address = "0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48", decimals = 6 }
        }
        dexes {
          uniswap { factory = "0x5C69bEe701ef814a2B6a3EDD4B1652CB9cc5aA6f", router = "0x7a250d5630B4cF539739dF2C5dAcb4c659F2488D", pairs = ["WETH/USDC"] }
        }
      }
      """;

  @Test
  void theShippedDefaultsDescribeSixMainnetsAndTheLocalChain() {
    ChainsConfig chains = ChainsConfig.load();

    assertThat(chains.names()).containsExactlyInAnyOrder("ethereum", "polygon", "arbitrum", "optimism", "bsc",
        "avalanche", "anvil");
    ChainConfig eth = chains.chain("ethereum");
    assertThat(eth.chainId()).isEqualTo(1);
    assertThat(eth.dex("uniswap").factory()).isEqualTo("0x5C69bEe701ef814a2B6a3EDD4B1652CB9cc5aA6f");
    assertThat(eth.dex("uniswap").router()).isEqualTo("0x7a250d5630B4cF539739dF2C5dAcb4c659F2488D");
    assertThat(eth.token("USDC").decimals()).isEqualTo(6);
    assertThat(chains.chain("polygon").dexes()).containsKeys("quickswap", "sushiswap", "uniswap");
    assertThat(chains.chain("bsc").dex("pancakeswap").feeBps()).isEqualTo(25);
    assertThat(chains.chain("bsc").token("USDT").decimals()).as("BSC's pegged USDT").isEqualTo(18);
    assertThat(chains.chain("avalanche").dexes()).containsKey("traderjoe");
    assertThat(chains.chain("arbitrum").dexes()).doesNotContainKey("camelot");
    assertThat(chains.chain("optimism").dexes()).containsOnlyKeys("uniswap");
    assertThat(chains.chain("anvil").chainId()).isEqualTo(31337);
    assertThat(chains.chain("anvil").priorityFeeWei()).isEqualTo(BigInteger.valueOf(1_000_000_000));
  }

  @Test
  void everyDefaultAddressCarriesAValidChecksum() {
    ChainsConfig chains = ChainsConfig.load();
    for (String name : chains.names()) {
      ChainConfig c = chains.chain(name);
      c.tokens().values().forEach(t -> assertThat(t.address()).as(name + " " + t.symbol())
          .isEqualTo(Addresses.checksummed(t.address())));
      c.dexes().values().forEach(d -> {
        assertThat(d.factory()).isEqualTo(Addresses.checksummed(d.factory()));
        assertThat(d.router()).isEqualTo(Addresses.checksummed(d.router()));
        assertThat(d.feeBps()).isIn(25, 30);
      });
    }
  }

  @Test
  void aValidChainIsReadWithItsTokensDexesAndPools() {
    ChainConfig c = ChainsConfig.from(ConfigFactory.parseString(VALID)).chain("testnet");

    assertThat(c.priorityFeeWei()).isEqualTo(BigInteger.valueOf(1_500_000_000));
    assertThat(c.token("USDC").address()).as("normalised to EIP-55")
        .isEqualTo("0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48");
    assertThat(c.dex("uniswap").feeBps()).as("V2 default").isEqualTo(30);
    assertThat(c.pools()).containsExactly(new PoolKey("uniswap", "USDC", "WETH"));
    assertThat(c.tokenAt("0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2")).map(TokenSpec::symbol).contains("WETH");
  }

  @Test
  void aMistypedAddressFailsItsChecksum() {
    assertThatThrownBy(() -> load(VALID.replace("0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2",
        "0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc3")))
        .isInstanceOf(DexConfigException.class)
        .hasMessageContaining("strikeswarm.dex.chains.testnet.tokens.WETH.address")
        .hasMessageContaining("fails its EIP-55 checksum");
  }

  @Test
  void everyProblemIsReportedAtOnceWithItsPath() {
    String broken = VALID
        .replace("0x5C69bEe701ef814a2B6a3EDD4B1652CB9cc5aA6f", "0x5C69bEe701ef814a2B6a3EDD4B1652CB9cc5aA6")
        .replace("pairs = [\"WETH/USDC\"]", "pairs = [\"WETH/USDT\", \"WETH/WETH\", \"WETHUSDC\"], fee-bps = 0")
        .replace("decimals = 6", "decimals = 77")
        .replace("\"1.5 gwei\"", "\"1.5 gigawei\"");

    assertThatThrownBy(() -> load(broken))
        .isInstanceOfSatisfying(DexConfigException.class, e -> assertThat(e.problems()).containsExactlyInAnyOrder(
            "strikeswarm.dex.chains.testnet.priority-fee: '1.5 gigawei': unknown unit gigawei (wei, gwei, ether)",
            "strikeswarm.dex.chains.testnet.tokens.USDC.decimals: 77 is not in 0..36",
            "strikeswarm.dex.chains.testnet.dexes.uniswap.factory: '0x5C69bEe701ef814a2B6a3EDD4B1652CB9cc5aA6' has 39"
                + " hex digits, an address has 40",
            "strikeswarm.dex.chains.testnet.dexes.uniswap.fee-bps: 0 is not in 1..9999",
            "strikeswarm.dex.chains.testnet.dexes.uniswap.pairs: 'WETH/USDT' names token USDT, which is not in"
                + " strikeswarm.dex.chains.testnet.tokens",
            "strikeswarm.dex.chains.testnet.dexes.uniswap.pairs: 'WETH/WETH' pairs a token with itself",
            "strikeswarm.dex.chains.testnet.dexes.uniswap.pairs: 'WETHUSDC' is not 'TOKEN/TOKEN'"));
  }

  @Test
  void missingFieldsAndDuplicateTokensAreNamed() {
    String broken = VALID.replace("chain-id = 5\n", "")
        .replace("0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48", "0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2")
        .replace("router = \"0x7a250d5630B4cF539739dF2C5dAcb4c659F2488D\", ", "");

    assertThatThrownBy(() -> load(broken))
        .isInstanceOfSatisfying(DexConfigException.class, e -> assertThat(e.problems()).contains(
            "strikeswarm.dex.chains.testnet.chain-id: is missing",
            "strikeswarm.dex.chains.testnet.dexes.uniswap.router: is missing"))
        .hasMessageContaining("same contract as token");
  }

  @Test
  void anUnknownChainIsNamedWithTheKnownOnes() {
    assertThatThrownBy(() -> ChainsConfig.load().chain("solana"))
        .hasMessage("no chain 'solana' in strikeswarm.dex.chains (configured: [anvil, arbitrum, avalanche, bsc,"
            + " ethereum, optimism, polygon])");
  }

  @Test
  void aChainWithoutRpcUrlCannotBeConnectedAndSaysHowToSetIt() {
    ChainConfig eth = ChainsConfig.load().chain("ethereum").withRpcUrl("");
    assertThatThrownBy(() -> Web3jChain.connect(eth, Wallets.none()))
        .hasMessageContaining("strikeswarm.dex.chains.ethereum.rpc-url")
        .hasMessageContaining("STRIKESWARM_RPC_ETHEREUM");
  }

  @Test
  void nativeAmountsAreWrittenWithTheirUnit() {
    assertThat(Wei.parse("0.001 gwei")).isEqualTo(BigInteger.valueOf(1_000_000));
    assertThat(Wei.parse("2 ether")).isEqualTo(new BigInteger("2000000000000000000"));
    assertThat(Wei.parse("7 wei")).isEqualTo(BigInteger.valueOf(7));
    assertThatThrownBy(() -> Wei.parse("0.5 wei")).hasMessageContaining("whole number of wei");
    assertThatThrownBy(() -> Wei.parse("-1 gwei")).hasMessageContaining("negative");
  }

  private static ChainsConfig load(String hocon) {
    Config c = ConfigFactory.parseString(hocon);
    return ChainsConfig.from(c);
  }
}
