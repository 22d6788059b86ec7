package io.strikeswarm.dex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.WalletUtils;

/**
 * Wallets load from a JSON keystore (password from the environment or a file) or a hex key in the environment, and
 * no key or password ever shows in a {@code toString} or an error message.
 */
class WalletsTest {

  /** Anvil's well-known dev account 0: a test key, never a secret. */
  private static final String KEY = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
  private static final String ADDRESS = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
  private static final String PASSWORD = "correct horse battery staple";

  @TempDir Path dir;

  @Test
  void aKeyFromTheEnvironmentSignsForItsAddress() {
    Wallets wallets = Wallets.load(ConfigFactory.parseString(
        "strikeswarm.dex.wallets.bot-1 { private-key-env = \"BOT1_KEY\" }"), Map.of("BOT1_KEY", KEY)::get);

    assertThat(wallets.addresses()).containsExactly(ADDRESS);
    assertThat(wallets.find(ADDRESS.toLowerCase())).map(Wallet::address).contains(ADDRESS);
    assertThat(wallets.name(ADDRESS)).contains("bot-1");
  }

  @Test
  void aKeystoreOpensWithItsPasswordFromTheEnvironmentOrAFile() throws Exception {
    Path keystore = keystore();
    Path passwordFile = dir.resolve("pw.txt");
    Files.writeString(passwordFile, PASSWORD + "\n");
    String conf = "strikeswarm.dex.wallets {\n"
        + "  a { keystore = \"" + keystore + "\", password-env = \"A_PW\" }\n"
        + "}\n";

    assertThat(Wallets.load(ConfigFactory.parseString(conf), Map.of("A_PW", PASSWORD)::get).addresses())
        .containsExactly(ADDRESS);
    assertThat(Wallets.load(ConfigFactory.parseString(conf.replace("password-env = \"A_PW\"",
        "password-file = \"" + passwordFile + "\"")), Map.<String, String>of()::get).addresses())
        .containsExactly(ADDRESS);
  }

  @Test
  void noKeyOrPasswordAppearsInToStringOrErrors() throws Exception {
    Wallet wallet = Wallet.fromPrivateKey(KEY, "test");
    assertThat(wallet.toString()).isEqualTo("Wallet[" + ADDRESS + "]");
    assertThat(Wallets.of(wallet).toString()).doesNotContain(KEY.substring(2, 20));

    String almostAKey = KEY.substring(0, 60) + "zz";
    assertThatThrownBy(() -> Wallets.load(ConfigFactory.parseString(
        "strikeswarm.dex.wallets.b { private-key-env = \"B_KEY\" }"), Map.of("B_KEY", almostAKey)::get))
        .isInstanceOf(DexConfigException.class)
        .hasMessageContaining("environment variable B_KEY does not hold a private key")
        .satisfies(e -> assertThat(fullText(e)).doesNotContain(almostAKey.substring(2, 30)));

    assertThatThrownBy(() -> Wallet.fromPrivateKey("0x" + "0".repeat(64), "env X"))
        .hasMessage("env X does not hold a valid secp256k1 private key")
        .satisfies(e -> assertThat(e.getCause()).isNull());

    Path keystore = keystore();
    assertThatThrownBy(() -> Wallet.fromKeystore(keystore, "not " + PASSWORD))
        .hasMessage("keystore " + keystore + " could not be decrypted: wrong password or a damaged file")
        .satisfies(e -> assertThat(fullText(e)).doesNotContain(PASSWORD));

    Path notAKeystore = dir.resolve("key.txt");
    Files.writeString(notAKeystore, KEY);
    assertThatThrownBy(() -> Wallet.fromKeystore(notAKeystore, PASSWORD))
        .satisfies(e -> assertThat(fullText(e)).doesNotContain(KEY.substring(2, 30)));
  }

  @Test
  void aWalletEntryNeedsExactlyOneSourceAndItsVariables() {
    assertThatThrownBy(() -> Wallets.load(ConfigFactory.parseString(
        "strikeswarm.dex.wallets.c { keystore = \"/x\", private-key-env = \"K\" }"), Map.<String, String>of()::get))
        .hasMessageContaining("strikeswarm.dex.wallets.c: needs exactly one of");
    assertThatThrownBy(() -> Wallets.load(ConfigFactory.parseString(
        "strikeswarm.dex.wallets.d { private-key-env = \"UNSET\" }"), Map.<String, String>of()::get))
        .hasMessageContaining("environment variable UNSET is not set");
    assertThat(Wallets.load(ConfigFactory.parseString("x = 1")).addresses()).isEmpty();
  }

  private Path keystore() throws Exception {
    String name = WalletUtils.generateWalletFile(PASSWORD, ECKeyPair.create(org.web3j.utils.Numeric.toBigInt(KEY)),
        dir.toFile(), false);
    return dir.resolve(name);
  }

  private static String fullText(Throwable e) {
    StringBuilder b = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) b.append(t).append('\n');
    return b.toString();
  }
}
