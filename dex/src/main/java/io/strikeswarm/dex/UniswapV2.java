package io.strikeswarm.dex;

import java.math.BigInteger;
import java.util.List;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint112;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint32;
import org.web3j.abi.datatypes.generated.Uint8;

/**
 * The calls and events of Uniswap V2 (factory, pair, router) and ERC-20 this module uses, encoded and decoded with
 * web3j's ABI codec. Pure functions over hex strings.
 */
public final class UniswapV2 {

  public static final BigInteger MAX_UINT256 = BigInteger.TWO.pow(256).subtract(BigInteger.ONE);

  /** {@code Transfer(address indexed from, address indexed to, uint256 value)} of ERC-20. */
  public static final String TRANSFER_TOPIC = EventEncoder.encode(new Event("Transfer", List.of(
      new TypeReference<Address>(true) {}, new TypeReference<Address>(true) {}, new TypeReference<Uint256>() {})));

  /**
   * {@code Swap(address indexed sender, uint amount0In, uint amount1In, uint amount0Out, uint amount1Out,
   * address indexed to)} of a pair.
   */
  public static final String SWAP_TOPIC = EventEncoder.encode(new Event("Swap", List.of(
      new TypeReference<Address>(true) {}, new TypeReference<Uint256>() {}, new TypeReference<Uint256>() {},
      new TypeReference<Uint256>() {}, new TypeReference<Uint256>() {}, new TypeReference<Address>(true) {})));

  private UniswapV2() {}

  /** What {@code getReserves()} returned: the pair's token0 and token1 reserves and the last update's time. */
  public record Reserves(BigInteger reserve0, BigInteger reserve1, long blockTimestampLast) {}

  // ---- calls --------------------------------------------------------------------------------------------------

  public static String getPair(String tokenA, String tokenB) {
    return FunctionEncoder.encode(fn("getPair", List.of(new Address(tokenA), new Address(tokenB))));
  }

  public static String getReserves() {
    return FunctionEncoder.encode(fn("getReserves", List.of()));
  }

  public static String token0() {
    return FunctionEncoder.encode(fn("token0", List.of()));
  }

  public static String balanceOf(String owner) {
    return FunctionEncoder.encode(fn("balanceOf", List.of(new Address(owner))));
  }

  public static String allowance(String owner, String spender) {
    return FunctionEncoder.encode(fn("allowance", List.of(new Address(owner), new Address(spender))));
  }

  public static String decimals() {
    return FunctionEncoder.encode(fn("decimals", List.of()));
  }

  public static String approve(String spender, BigInteger amount) {
    return FunctionEncoder.encode(fn("approve", List.of(new Address(spender), new Uint256(amount))));
  }

  public static String transfer(String to, BigInteger amount) {
    return FunctionEncoder.encode(fn("transfer", List.of(new Address(to), new Uint256(amount))));
  }

  /** WETH9 {@code deposit()} (payable: wraps the value sent). */
  public static String deposit() {
    return FunctionEncoder.encode(fn("deposit", List.of()));
  }

  public static String createPair(String tokenA, String tokenB) {
    return FunctionEncoder.encode(fn("createPair", List.of(new Address(tokenA), new Address(tokenB))));
  }

  public static String addLiquidity(String tokenA, String tokenB, BigInteger amountA, BigInteger amountB,
      BigInteger minA, BigInteger minB, String to, long deadline) {
    return FunctionEncoder.encode(fn("addLiquidity", List.of(new Address(tokenA), new Address(tokenB),
        new Uint256(amountA), new Uint256(amountB), new Uint256(minA), new Uint256(minB), new Address(to),
        new Uint256(deadline))));
  }

  /** Router02 {@code swapExactTokensForTokens(amountIn, amountOutMin, [tokenIn, tokenOut], to, deadline)}. */
  public static String swapExactTokensForTokens(BigInteger amountIn, BigInteger amountOutMin, String tokenIn,
      String tokenOut, String to, long deadline) {
    return FunctionEncoder.encode(fn("swapExactTokensForTokens", List.of(new Uint256(amountIn),
        new Uint256(amountOutMin), path(tokenIn, tokenOut), new Address(to), new Uint256(deadline))));
  }

  public static String getAmountsOut(BigInteger amountIn, String tokenIn, String tokenOut) {
    return FunctionEncoder.encode(fn("getAmountsOut", List.of(new Uint256(amountIn), path(tokenIn, tokenOut))));
  }

  private static DynamicArray<Address> path(String tokenIn, String tokenOut) {
    return new DynamicArray<>(Address.class, List.of(new Address(tokenIn), new Address(tokenOut)));
  }

  private static Function fn(String name, List<Type> inputs) {
    return new Function(name, inputs, List.of());
  }

  // ---- results ------------------------------------------------------------------------------------------------

  public static String decodeAddress(String hex) {
    List<Type> out = decode(hex, List.of(new TypeReference<Address>() {}));
    return Addresses.checksummed(((Address) out.get(0)).getValue());
  }

  public static BigInteger decodeUint(String hex) {
    List<Type> out = decode(hex, List.of(new TypeReference<Uint256>() {}));
    return ((Uint256) out.get(0)).getValue();
  }

  public static int decodeUint8(String hex) {
    List<Type> out = decode(hex, List.of(new TypeReference<Uint8>() {}));
    return ((Uint8) out.get(0)).getValue().intValueExact();
  }

  public static Reserves decodeReserves(String hex) {
    List<Type> out = decode(hex, List.of(new TypeReference<Uint112>() {}, new TypeReference<Uint112>() {},
        new TypeReference<Uint32>() {}));
    return new Reserves(((Uint112) out.get(0)).getValue(), ((Uint112) out.get(1)).getValue(),
        ((Uint32) out.get(2)).getValue().longValueExact());
  }

  @SuppressWarnings("unchecked")
  public static List<BigInteger> decodeUintArray(String hex) {
    List<Type> out = decode(hex, List.of(new TypeReference<DynamicArray<Uint256>>() {}));
    return ((DynamicArray<Uint256>) out.get(0)).getValue().stream().map(Uint256::getValue).toList();
  }

  /** The 32-byte word {@code index} of log data as an unsigned integer. */
  public static BigInteger word(String data, int index) {
    String d = data.startsWith("0x") ? data.substring(2) : data;
    int from = index * 64;
    if (d.length() < from + 64) throw new IllegalArgumentException("log data has no word " + index);
    return new BigInteger(d.substring(from, from + 64), 16);
  }

  /** An address held in a 32-byte topic. */
  public static String topicAddress(String topic) {
    String t = topic.startsWith("0x") ? topic.substring(2) : topic;
    return Addresses.checksummed("0x" + t.substring(t.length() - 40));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static List<Type> decode(String hex, List<? extends TypeReference<?>> types) {
    if (hex == null || hex.equals("0x") || hex.isEmpty()) {
      throw new IllegalArgumentException("empty result (no contract at that address?)");
    }
    List<Type> out = FunctionReturnDecoder.decode(hex, (List) types);
    if (out.size() != types.size()) {
      throw new IllegalArgumentException("result '" + abbreviate(hex) + "' does not decode");
    }
    return out;
  }

  private static String abbreviate(String hex) {
    return hex.length() > 20 ? hex.substring(0, 20) + "..." : hex;
  }
}
