package io.strikeswarm.dex;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.crypto.WalletUtils;
import org.web3j.crypto.exception.CipherException;

/**
 * One account's signing key. The key never leaves this object: there is no getter for it, {@link #toString()} shows
 * the address only, and no exception raised here carries the key, the password or the text they were read from.
 */
public final class Wallet {

  private static final Pattern HEX_KEY = Pattern.compile("(0x)?[0-9a-fA-F]{64}");
  private static final BigInteger CURVE_ORDER =
      new BigInteger("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", 16);

  private final Credentials credentials;
  private final String address;

  private Wallet(Credentials credentials) {
    this.credentials = credentials;
    this.address = Addresses.checksummed(credentials.getAddress());
  }

  /** A wallet for a hex private key (64 hex digits, optional 0x). The message of a refusal never quotes it. */
  public static Wallet fromPrivateKey(String hexKey, String source) {
    if (hexKey == null || !HEX_KEY.matcher(hexKey.trim()).matches()) {
      throw new IllegalArgumentException(source + " does not hold a private key (64 hex digits, optional 0x)");
    }
    String hex = hexKey.trim().startsWith("0x") ? hexKey.trim().substring(2) : hexKey.trim();
    BigInteger key = new BigInteger(hex, 16);
    if (key.signum() == 0 || key.compareTo(CURVE_ORDER) >= 0) {
      throw new IllegalArgumentException(source + " does not hold a valid secp256k1 private key");
    }
    try {
      return new Wallet(Credentials.create(ECKeyPair.create(key)));
    } catch (RuntimeException e) {
      // deliberately without the cause: it may quote the key
      throw new IllegalArgumentException(source + " does not hold a valid secp256k1 private key");
    }
  }

  public static Wallet fromKeyPair(ECKeyPair keyPair) {
    return new Wallet(Credentials.create(keyPair));
  }

  /** A wallet from a standard encrypted JSON keystore (the "UTC--..." files of geth, Foundry's cast, web3j). */
  public static Wallet fromKeystore(Path keystore, String password) {
    Objects.requireNonNull(password, "password");
    if (!Files.isReadable(keystore)) throw new IllegalArgumentException("keystore " + keystore + " is not readable");
    try {
      return new Wallet(WalletUtils.loadCredentials(password, keystore.toFile()));
    } catch (CipherException e) {
      throw new IllegalArgumentException("keystore " + keystore + " could not be decrypted: wrong password or a"
          + " damaged file");
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("keystore " + keystore + " is not a JSON keystore: "
          + e.getClass().getSimpleName());
    }
  }

  /** EIP-55 address. */
  public String address() {
    return address;
  }

  /** Signs a transaction for {@code chainId} (EIP-155 / the chain id inside EIP-1559 transactions). Pure. */
  public byte[] sign(RawTransaction tx, long chainId) {
    return TransactionEncoder.signMessage(tx, chainId, credentials);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Wallet w && w.address.equals(address);
  }

  @Override
  public int hashCode() {
    return address.hashCode();
  }

  @Override
  public String toString() {
    return "Wallet[" + address + "]";
  }
}
