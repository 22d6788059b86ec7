package io.strikeswarm.http.auth;

import java.util.Objects;

/**
 * A token just made by {@link TokenGenerator}: the token, to show its owner once, and the configuration entry that
 * will accept it, which holds only its hash.
 */
public record NewToken(String token, ConfiguredToken entry) {

  public NewToken {
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(entry, "entry");
  }

  /**
   * The entry as HOCON, one element of the {@code swarm.http.auth.tokens} list, e.g. {@code { name = "ops-alice",
   * role = operator, hash = "sha256:..." }}.
   */
  public String hoconSnippet() {
    // Names are restricted to characters that need no escaping inside a HOCON quoted string.
    return "{ name = \"" + entry.name() + "\", role = " + entry.role().configName() + ", hash = \""
        + entry.hash().encoded() + "\" }";
  }

  /** Redacted: the token is for its owner's eyes, once, not for logs. */
  @Override
  public String toString() {
    return "NewToken[token=<redacted>, name=" + entry.name() + ", role=" + entry.role().configName() + "]";
  }
}
