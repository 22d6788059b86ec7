package io.strikeswarm.dex;

/** One ERC-20 token of a chain: the symbol bots use for it, its contract address (EIP-55) and its decimals. */
public record TokenSpec(String symbol, String address, int decimals) {

  @Override
  public String toString() {
    return symbol + "@" + address + "/" + decimals;
  }
}
