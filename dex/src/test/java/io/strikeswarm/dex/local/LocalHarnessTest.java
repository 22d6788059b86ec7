package io.strikeswarm.dex.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigFactory;
import io.strikeswarm.dex.ChainConfig;
import io.strikeswarm.dex.ChainsConfig;
import io.strikeswarm.dex.DexSpec;
import io.strikeswarm.dex.TokenSpec;
import io.strikeswarm.bots.amm.PoolKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Hash;

/** The harness pieces that need no running chain: packages, artifacts, accounts, the deployment's config. */
class LocalHarnessTest {

  @TempDir Path dir;

  @Test
  void theEvmPackagesAreFoundFromTheModuleAndInstalled() {
    Path evm = EvmPackages.ensureInstalled();

    assertThat(evm.getFileName().toString()).isEqualTo("evm");
    assertThat(EvmPackages.needsInstall(evm)).isFalse();
    assertThat(EvmPackages.anvilBinary(evm)).isExecutable()
        .endsWith(Path.of("node_modules", "@foundry-rs", "anvil-linux-amd64", "bin", "anvil"));
  }

  @Test
  void packagesMissingOrOlderThanTheLockFileNeedAnInstall() throws Exception {
    Files.writeString(dir.resolve("package.json"), "{}");
    Files.writeString(dir.resolve("package-lock.json"), "{}");
    assertThat(EvmPackages.needsInstall(dir)).as("no node_modules").isTrue();

    Path anvilPackage = EvmPackages.packageDir(dir, EvmPackages.ANVIL_PACKAGE);
    Files.createDirectories(anvilPackage);
    Files.writeString(anvilPackage.resolve("package.json"), "{}");
    Path installed = dir.resolve("node_modules").resolve(".package-lock.json");
    Files.writeString(installed, "{}");
    Files.setLastModifiedTime(dir.resolve("package-lock.json"), FileTime.from(Instant.parse("2025-01-01T00:00:00Z")));
    Files.setLastModifiedTime(installed, FileTime.from(Instant.parse("2025-01-02T00:00:00Z")));
    assertThat(EvmPackages.needsInstall(dir)).as("installed after the lock file changed").isFalse();

    Files.setLastModifiedTime(dir.resolve("package-lock.json"), FileTime.from(Instant.parse("2025-01-03T00:00:00Z")));
    assertThat(EvmPackages.needsInstall(dir)).as("lock file newer than the install").isTrue();
  }

  @Test
  void aConfiguredEvmDirectoryMustHoldAPackageJson() {
    String before = System.getProperty(EvmPackages.DIR_PROPERTY);
    System.setProperty(EvmPackages.DIR_PROPERTY, dir.toString());
    try {
      assertThatThrownBy(EvmPackages::locate).hasMessage("-D" + EvmPackages.DIR_PROPERTY + " = " + dir
          + " has no package.json");
    } finally {
      if (before == null) System.clearProperty(EvmPackages.DIR_PROPERTY);
      else System.setProperty(EvmPackages.DIR_PROPERTY, before);
    }
  }

  @Test
  void thePublishedPairCodeHashesToTheRoutersInitCodeHash() {
    ContractArtifacts a = ContractArtifacts.load();

    assertThat(Hash.sha3(a.pair().bytecode())).isEqualTo(ContractArtifacts.PAIR_INIT_CODE_HASH);
    assertThat(a.router().abi().toString()).contains("swapExactTokensForTokens");
    assertThat(a.erc20Bytecode(18)).isEqualTo(a.erc20().bytecode());
    assertThat(a.erc20Bytecode(6)).hasSameSizeAs(a.erc20().bytecode()).isNotEqualTo(a.erc20().bytecode());
  }

  @Test
  void anvilsDevAccountsDeriveFromItsMnemonic() {
    assertThat(AnvilAccounts.wallet(0).address()).isEqualTo("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
    assertThat(AnvilAccounts.wallet(1).address()).isEqualTo("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");
    assertThat(AnvilAccounts.bots(2)).containsExactly(AnvilAccounts.wallet(2), AnvilAccounts.wallet(3));
    assertThat(AnvilAccounts.seeded("demo", 3)).doesNotHaveDuplicates().isEqualTo(AnvilAccounts.seeded("demo", 3));
  }

  @Test
  void aDeploymentBecomesChainConfigurationThatValidates() {
    Deployment d = new Deployment(31337, "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266",
        Map.of("WETH", new TokenSpec("WETH", "0x5FbDB2315678afecb367f032d93F642f64180aa3", 18),
            "USDC", new TokenSpec("USDC", "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512", 6)),
        Map.of("uniswap", new DexSpec("uniswap", "0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0",
            "0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9", 30, List.of(new PoolKey("uniswap", "WETH", "USDC"))),
            "sushiswap", new DexSpec("sushiswap", "0xDc64a140Aa3E981100a9becA4E685f962f0cF6C9",
                "0x5FC8d32690cc91D4c39d9d3abcBD16989F875707", 30, List.of(new PoolKey("sushiswap", "WETH", "USDC")))),
        Map.of(new PoolKey("uniswap", "WETH", "USDC"), "0x0165878A594ca255338adfa4d48449f69242Eb8F",
            new PoolKey("sushiswap", "WETH", "USDC"), "0xa513E6E4b8f2a923D98304ec87F64353C4D5C853"),
        Market.standard());
    ChainConfig profile = ChainsConfig.load().chain("anvil");

    ChainConfig direct = d.toChainConfig(profile, "http://127.0.0.1:9999");
    ChainConfig viaText = ChainsConfig.from(ConfigFactory.parseString(d.toHocon("anvil", "http://127.0.0.1:9999",
        profile))).chain("anvil");

    assertThat(viaText).isEqualTo(direct);
    assertThat(direct.pools()).containsExactlyInAnyOrder(new PoolKey("uniswap", "WETH", "USDC"),
        new PoolKey("sushiswap", "WETH", "USDC"));
  }
}
