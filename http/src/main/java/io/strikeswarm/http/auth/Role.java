package io.strikeswarm.http.auth;

import java.util.Locale;

/**
 * What a caller may do, from least to most. Declaration order is the privilege order: each role holds every right
 * of the roles before it.
 */
public enum Role {
  /** Reads state: roster, books, trades, metrics. */
  VIEWER,
  /** Also operates the swarm: pause, resume, halt, adjust bots. */
  OPERATOR,
  /** Also changes how the swarm is set up. */
  ADMIN;

  /** Whether a caller with this role may do something that requires {@code required}. */
  public boolean allows(Role required) {
    return compareTo(required) >= 0;
  }

  /** The spelling used in configuration and in the JWT {@code role} claim. */
  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The role spelled {@code text} in configuration ({@code viewer}, {@code operator} or {@code admin}, exactly).
   *
   * @throws IllegalArgumentException naming the allowed spellings and what was found
   */
  public static Role parse(String text) {
    for (Role role : values()) {
      if (role.configName().equals(text)) return role;
    }
    throw new IllegalArgumentException("must be viewer, operator or admin, got " + Quoted.shortly(text));
  }
}
