package io.strikeswarm.http.auth;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/** Makes new opaque bearer tokens: {@value #PREFIX} and 32 random bytes in unpadded base64url (43 characters). */
public final class TokenGenerator {
  /** Marks our tokens, so that secret scanners and people can tell what a leaked string is. */
  public static final String PREFIX = "ssw_";
  /** 256 bits: beyond any brute force, which is what lets {@link TokenHash} use a single fast hash. */
  static final int TOKEN_BYTES = 32;

  private final SecureRandom random;

  public TokenGenerator() {
    this(new SecureRandom());
  }

  public TokenGenerator(SecureRandom random) {
    this.random = Objects.requireNonNull(random, "random");
  }

  /**
   * A new token for {@code name} with {@code role}, and its configuration entry.
   *
   * @throws IllegalArgumentException if {@code name} is not a valid token name (see {@link ConfiguredToken})
   */
  public NewToken generate(String name, Role role) {
    if (!ConfiguredToken.isValidName(name)) {
      throw new IllegalArgumentException("token name " + ConfiguredToken.NAME_RULE + ", got " + Quoted.shortly(name));
    }
    byte[] bytes = new byte[TOKEN_BYTES];
    random.nextBytes(bytes);
    String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    return new NewToken(token, new ConfiguredToken(name, role, TokenHash.of(token, random)));
  }
}
