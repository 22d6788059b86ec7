package io.strikeswarm.dex;

/**
 * A chain call failed: the node is unreachable or timed out, it answered with a JSON-RPC error, or its answer made
 * no sense. The message names the call and the node ({@code rpc http://127.0.0.1:8545 unreachable (eth_call):
 * Connection refused}); it never carries key material.
 */
public class ChainException extends RuntimeException {

  public ChainException(String message) {
    super(message, null, false, false);
  }
}
