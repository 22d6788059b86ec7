package io.strikeswarm.http.auth;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An opaque bearer token the API accepts: who presents it, with which role, and the salted hash it must match.
 *
 * @param name letters, digits and {@code . _ @ -}, starting with a letter or digit, at most 64 characters: it is
 *     written unquoted-safe into HOCON snippets, audit records and log lines
 */
public record ConfiguredToken(String name, Role role, TokenHash hash) {
  static final String NAME_RULE =
      "must be 1 to 64 letters, digits, '.', '_', '@' or '-', starting with a letter or digit";
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");

  public ConfiguredToken {
    if (!isValidName(name)) throw new IllegalArgumentException(NAME_RULE);
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(hash, "hash");
  }

  public static boolean isValidName(String name) {
    return name != null && NAME.matcher(name).matches();
  }

  public Principal principal() {
    return new Principal(name, role);
  }
}
