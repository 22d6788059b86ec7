package io.strikeswarm.dex.local;

import io.strikeswarm.dex.Wallet;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.web3j.crypto.Bip32ECKeyPair;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Hash;
import org.web3j.crypto.MnemonicUtils;

/**
 * Deterministic local accounts. Anvil's dev accounts derive from its standard test mnemonic along
 * {@code m/44'/60'/0'/0/i}; {@code anvil --accounts N} funds the first N of them. The harness uses index
 * {@value #DEPLOYER} for the deployer (it holds the test tokens' supply), {@value #NOISE_TRADER} for the noise trader
 * and {@value #FIRST_BOT} onwards for bots. {@link #seeded} derives any number of further accounts from a seed.
 * Test keys only: everyone knows them.
 */
public final class AnvilAccounts {

  public static final String MNEMONIC = "test test test test test test test test test test test junk";
  public static final int DEPLOYER = 0;
  public static final int NOISE_TRADER = 1;
  public static final int FIRST_BOT = 2;

  private static final int HARDENED = Bip32ECKeyPair.HARDENED_BIT;
  private static volatile Bip32ECKeyPair master;

  private AnvilAccounts() {}

  /** Dev account {@code index} of anvil's standard mnemonic. */
  public static Wallet wallet(int index) {
    if (index < 0) throw new IllegalArgumentException("negative account index " + index);
    Bip32ECKeyPair m = master;
    if (m == null) {
      m = Bip32ECKeyPair.generateKeyPair(MnemonicUtils.generateSeed(MNEMONIC, ""));
      master = m;
    }
    int[] path = {44 | HARDENED, 60 | HARDENED, HARDENED, 0, index};
    return Wallet.fromKeyPair(Bip32ECKeyPair.deriveKeyPair(m, path));
  }

  public static Wallet deployer() {
    return wallet(DEPLOYER);
  }

  public static Wallet noiseTrader() {
    return wallet(NOISE_TRADER);
  }

  /** {@code count} bot accounts from anvil's mnemonic: indexes {@value #FIRST_BOT} onwards. */
  public static List<Wallet> bots(int count) {
    List<Wallet> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) out.add(wallet(FIRST_BOT + i));
    return out;
  }

  /**
   * {@code count} accounts whose keys are {@code keccak256("strikeswarm-bot:" + seed + ":" + i)}: as many
   * deterministic accounts as wanted, none pre-funded by anvil (the {@link AccountProvisioner} funds them).
   */
  public static List<Wallet> seeded(String seed, int count) {
    List<Wallet> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      byte[] key = Hash.sha3(("strikeswarm-bot:" + seed + ":" + i).getBytes(StandardCharsets.UTF_8));
      out.add(Wallet.fromKeyPair(ECKeyPair.create(key)));
    }
    return out;
  }
}
