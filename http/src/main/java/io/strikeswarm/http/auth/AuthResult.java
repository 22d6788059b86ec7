package io.strikeswarm.http.auth;

import java.util.Objects;

/** The outcome of looking at a request's credentials. */
public sealed interface AuthResult {

  /** The credentials are good: the request is made by {@code principal}. */
  record Authenticated(Principal principal) implements AuthResult {
    public Authenticated {
      Objects.requireNonNull(principal, "principal");
    }
  }

  /** No bearer credentials at all (no header, a blank one, or another scheme): answer with a challenge. */
  record Missing() implements AuthResult {}

  /**
   * Bearer credentials that are not accepted.
   *
   * @param reason a short fixed phrase ("expired", "bad signature", ...) fit for a log line or a response body; it
   *     never contains the credential or any part of it
   */
  record Rejected(String reason) implements AuthResult {
    public Rejected {
      Objects.requireNonNull(reason, "reason");
    }
  }

  Missing MISSING = new Missing();
}
