package io.strikeswarm.http.auth;

import java.util.Objects;

/**
 * An authenticated caller: the name the audit trail and the rate limiter know them by, and what they may do.
 *
 * @param name a configured token's name or a JWT's {@code sub}; printable, at most {@value #MAX_NAME_CHARS} chars
 */
public record Principal(String name, Role role) {
  /** Names end up in log lines and audit records; a bound and no control characters keep those readable. */
  public static final int MAX_NAME_CHARS = 256;

  public Principal {
    Objects.requireNonNull(role, "role");
    if (!isValidName(name)) {
      throw new IllegalArgumentException("principal name must be 1 to " + MAX_NAME_CHARS
          + " characters, not blank, without control characters");
    }
  }

  static boolean isValidName(String name) {
    return name != null && !name.isBlank() && name.length() <= MAX_NAME_CHARS
        && name.chars().noneMatch(Character::isISOControl);
  }
}
