/**
 * Who is calling the control API, and may they: pure Java, no HTTP types, so the routes stay thin and this stays
 * testable without a server.
 *
 * <p>The routes use it in three steps per request:
 *
 * <ol>
 *   <li>{@link io.strikeswarm.http.auth.Authenticator#authenticate(String, long)} with the raw {@code Authorization}
 *       header: {@link io.strikeswarm.http.auth.AuthResult.Missing} becomes 401 with {@code WWW-Authenticate: Bearer},
 *       {@link io.strikeswarm.http.auth.AuthResult.Rejected} becomes 401 (the reason goes to the log and the body; it
 *       never contains the credential);
 *   <li>{@link io.strikeswarm.http.auth.RateLimiter#tryAcquire(String, long)} with the principal's name: a refusal
 *       becomes 429 with {@code Retry-After} from {@link io.strikeswarm.http.auth.RateLimiter#nanosUntilNextPermit};
 *   <li>{@link io.strikeswarm.http.auth.Role#allows(Role)} with the role the route requires: a refusal becomes 403.
 * </ol>
 *
 * <p>Credentials are either opaque bearer tokens ({@code ssw_...}, made by {@link
 * io.strikeswarm.http.auth.TokenGenerator}, configured only as salted hashes) or HS256 JWTs signed by a shared secret.
 * Settings come from {@link io.strikeswarm.http.auth.AuthSettings#from(com.typesafe.config.Config)}.
 */
package io.strikeswarm.http.auth;
