package io.strikeswarm.bots.amm;

import io.strikeswarm.persistence.CborSerializable;
import java.math.BigInteger;

/**
 * A transaction signed and ready to broadcast: its hash, its raw bytes (hex, 0x-prefixed), sender, nonce and the
 * gas it may use. It is persisted before it is broadcast; broadcasting the same raw bytes again is harmless (same
 * hash, same nonce), which is how a restarted bot finishes a send without ever making a second transaction.
 * Holds no key material.
 */
public record SignedTx(String hash, String raw, String from, long nonce, BigInteger gasLimit) implements CborSerializable {

  @Override
  public String toString() {
    return "SignedTx[" + hash + " from " + from + " nonce " + nonce + "]";
  }
}
