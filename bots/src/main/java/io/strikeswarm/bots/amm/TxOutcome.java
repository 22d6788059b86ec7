package io.strikeswarm.bots.amm;

import io.strikeswarm.persistence.CborSerializable;
import java.math.BigInteger;

/**
 * What the chain made of a transaction, read from its receipt. Gas cost is {@code gasUsed × effectiveGasPrice} wei,
 * paid by the sender whether the transaction succeeded or reverted.
 */
public sealed interface TxOutcome extends CborSerializable {

  String hash();

  long blockNumber();

  BigInteger gasUsed();

  BigInteger effectiveGasPriceWei();

  default BigInteger gasCostWei() {
    return gasUsed().multiply(effectiveGasPriceWei());
  }

  /** The swap happened: exactly {@code amountIn} left the sender and {@code amountOut} arrived (from the logs). */
  record Swapped(String hash, long blockNumber, BigInteger gasUsed, BigInteger effectiveGasPriceWei,
      BigInteger amountIn, BigInteger amountOut) implements TxOutcome {}

  /** Mined but reverted (e.g. {@code UniswapV2Router: INSUFFICIENT_OUTPUT_AMOUNT}); only gas was spent. */
  record Reverted(String hash, long blockNumber, BigInteger gasUsed, BigInteger effectiveGasPriceWei, String reason)
      implements TxOutcome {}
}
