package io.strikeswarm.http.auth;

/**
 * An auth setting that cannot be used. The message is {@code <path>: <problem>}, where path is the full setting path
 * ({@code swarm.http.auth.tokens[1].role}); it never contains a secret, a token or a token hash, only what is wrong.
 */
public final class AuthConfigError extends IllegalArgumentException {
  private final String path;
  private final String problem;

  public AuthConfigError(String path, String message) {
    super(path + ": " + message);
    this.path = path;
    this.problem = message;
  }

  /** The full path of the setting at fault. */
  public String path() {
    return path;
  }

  /** What is wrong with it, without the path. */
  public String problem() {
    return problem;
  }
}
