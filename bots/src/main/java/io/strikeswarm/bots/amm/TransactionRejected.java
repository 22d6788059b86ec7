package io.strikeswarm.bots.amm;

/**
 * The node answered a broadcast with a definite refusal (insufficient funds for gas, nonce too low for another
 * transaction, underpriced, ...): the transaction is not in its pool. Any other failure of a broadcast (timeout,
 * connection refused) leaves it unknown whether the node took it, and is retried with the same bytes.
 */
public class TransactionRejected extends RuntimeException {
  public TransactionRejected(String message) {
    super(message);
  }
}
