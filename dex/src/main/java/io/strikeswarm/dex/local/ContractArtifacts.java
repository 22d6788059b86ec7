package io.strikeswarm.dex.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.web3j.crypto.Hash;

/**
 * The Uniswap V2 contracts as their npm packages ship them, read from {@code evm/node_modules} at run time (they are
 * GPL-licensed: this repository holds no copy). From {@code @uniswap/v2-core}: {@code UniswapV2Factory},
 * {@code UniswapV2Pair} and the test {@code ERC20} (constructor {@code (uint totalSupply)} mints it to the deployer;
 * name "Uniswap V2", symbol "UNI-V2", 18 decimals as a compile-time constant). From {@code @uniswap/v2-periphery}:
 * {@code UniswapV2Router02} and {@code WETH9}.
 *
 * <p>Checked on load: the pair's creation code hashes to the init-code hash the router computes pair addresses with
 * ({@value #PAIR_INIT_CODE_HASH}), so the published router works with the published factory unchanged.
 */
public final class ContractArtifacts {

  public static final String PAIR_INIT_CODE_HASH =
      "0x96e8ac4277198ff8b6f785478aa9a39f403cb768dd02cbee326c3e7da348845f";

  /** The getter of the test ERC20's {@code decimals} constant: JUMPDEST, PUSH1 18, DUP2, JUMP. */
  private static final String DECIMALS_GETTER = "5b60128156";

  /** One contract: its creation bytecode ({@code 0x...}) and ABI. */
  public record Artifact(String name, String bytecode, JsonNode abi) {

    @Override
    public String toString() {
      return "Artifact[" + name + ", " + (bytecode.length() - 2) / 2 + " bytes]";
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Artifact factory;
  private final Artifact pair;
  private final Artifact erc20;
  private final Artifact router;
  private final Artifact weth9;

  private ContractArtifacts(Artifact factory, Artifact pair, Artifact erc20, Artifact router, Artifact weth9) {
    this.factory = factory;
    this.pair = pair;
    this.erc20 = erc20;
    this.router = router;
    this.weth9 = weth9;
  }

  /** From the installed packages of {@link EvmPackages#ensureInstalled()}. */
  public static ContractArtifacts load() {
    return load(EvmPackages.ensureInstalled());
  }

  public static ContractArtifacts load(Path evmDir) {
    Path core = EvmPackages.packageDir(evmDir, "@uniswap/v2-core").resolve("build");
    Path periphery = EvmPackages.packageDir(evmDir, "@uniswap/v2-periphery").resolve("build");
    ContractArtifacts a = new ContractArtifacts(read(core, "UniswapV2Factory"), read(core, "UniswapV2Pair"),
        read(core, "ERC20"), read(periphery, "UniswapV2Router02"), read(periphery, "WETH9"));
    String pairHash = Hash.sha3(a.pair.bytecode());
    if (!pairHash.equalsIgnoreCase(PAIR_INIT_CODE_HASH)) {
      throw new IllegalStateException("UniswapV2Pair in " + core + " hashes to " + pairHash + ", not the init-code"
          + " hash " + PAIR_INIT_CODE_HASH + " that UniswapV2Router02 computes pair addresses with");
    }
    if (!a.router.bytecode().toLowerCase(Locale.ROOT).contains(PAIR_INIT_CODE_HASH.substring(2))) {
      throw new IllegalStateException("UniswapV2Router02 in " + periphery + " does not embed the pair init-code hash "
          + PAIR_INIT_CODE_HASH);
    }
    a.decimalsGetterOffset(); // fails now, not at deploy time, if the test ERC20 is not the expected build
    return a;
  }

  private static Artifact read(Path dir, String name) {
    Path file = dir.resolve(name + ".json");
    try {
      JsonNode json = JSON.readTree(file.toFile());
      JsonNode code = json.path("evm").path("bytecode").path("object");
      if (code.isMissingNode() || code.asText().isEmpty()) code = json.path("bytecode");
      String hex = code.asText();
      if (hex.isEmpty()) throw new IllegalStateException(file + " has no bytecode");
      JsonNode links = json.path("evm").path("bytecode").path("linkReferences");
      if (links.size() > 0) throw new IllegalStateException(file + " needs library linking, which is not supported");
      return new Artifact(name, hex.startsWith("0x") ? hex : "0x" + hex, json.path("abi"));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + file + " (is evm/ installed? see EvmPackages): "
          + e.getMessage(), e);
    }
  }

  public Artifact factory() {
    return factory;
  }

  public Artifact pair() {
    return pair;
  }

  public Artifact erc20() {
    return erc20;
  }

  public Artifact router() {
    return router;
  }

  public Artifact weth9() {
    return weth9;
  }

  /**
   * The test ERC20's creation code reporting {@code decimals} instead of its fixed 18. The constant is compiled into
   * a single getter ({@code JUMPDEST PUSH1 0x12 DUP2 JUMP}); its immediate byte is replaced. Nothing else in the
   * contract reads it (balances and transfers are unit-less), so the token behaves the same with realistic decimals
   * for wallets and bots. The metadata hash at the end of the code no longer matches the source; nothing checks it.
   */
  public String erc20Bytecode(int decimals) {
    if (decimals < 0 || decimals > 255) throw new IllegalArgumentException("decimals must fit a uint8: " + decimals);
    if (decimals == 18) return erc20.bytecode();
    int at = decimalsGetterOffset();
    String code = erc20.bytecode();
    return code.substring(0, at + 4) + String.format("%02x", decimals) + code.substring(at + 6);
  }

  /** Hex index of the decimals getter in the ERC20 code: exactly one, at a byte boundary, or the build is unknown. */
  private int decimalsGetterOffset() {
    String code = erc20.bytecode().toLowerCase(Locale.ROOT);
    List<Integer> found = new ArrayList<>();
    for (int i = code.indexOf(DECIMALS_GETTER); i >= 0; i = code.indexOf(DECIMALS_GETTER, i + 1)) {
      if (i % 2 == 0) found.add(i);
    }
    if (found.size() != 1) {
      throw new IllegalStateException("the test ERC20 of @uniswap/v2-core has " + found.size() + " decimals getters"
          + " where one was expected: not the 1.0.1 build this harness patches");
    }
    return found.get(0);
  }
}
