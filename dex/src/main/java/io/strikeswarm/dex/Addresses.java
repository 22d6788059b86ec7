package io.strikeswarm.dex;

import java.math.BigInteger;
import java.util.Locale;
import java.util.regex.Pattern;
import org.web3j.crypto.Keys;

/** EVM addresses as the configuration writes them: {@code 0x} + 40 hex digits, EIP-55 checksummed when mixed-case. */
public final class Addresses {

  private static final Pattern SHAPE = Pattern.compile("0x[0-9a-fA-F]{40}");

  public static final String ZERO = "0x0000000000000000000000000000000000000000";

  private Addresses() {}

  /**
   * Why {@code address} is not a usable address, or {@code null} if it is. A mixed-case address must carry a valid
   * EIP-55 checksum (a mistyped digit is then caught); an all-lowercase one carries no checksum and is accepted.
   */
  public static String problem(String address) {
    if (address == null || address.isBlank()) return "is missing";
    if (!address.startsWith("0x")) return "'" + address + "' does not start with 0x";
    if (address.length() != 42) {
      return "'" + address + "' has " + (address.length() - 2) + " hex digits, an address has 40";
    }
    if (!SHAPE.matcher(address).matches()) return "'" + address + "' is not hexadecimal";
    String lower = address.toLowerCase(Locale.ROOT);
    if (address.equals(lower)) return null;
    if (!Keys.toChecksumAddress(lower).equals(address)) {
      return "'" + address + "' fails its EIP-55 checksum (a digit or letter case is wrong: copy it again from the"
          + " contract's explorer page)";
    }
    return null;
  }

  /** The address in EIP-55 form; {@code IllegalArgumentException} if it is not an address. */
  public static String checksummed(String address) {
    String problem = problem(address);
    if (problem != null) throw new IllegalArgumentException("address " + problem);
    return Keys.toChecksumAddress(address.toLowerCase(Locale.ROOT));
  }

  public static boolean same(String a, String b) {
    return a.equalsIgnoreCase(b);
  }

  /** Uniswap V2 orders a pair's tokens by address value: token0 is the smaller one. */
  public static boolean sortsBefore(String a, String b) {
    return new BigInteger(a.substring(2), 16).compareTo(new BigInteger(b.substring(2), 16)) < 0;
  }
}
