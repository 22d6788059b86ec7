package io.strikeswarm.swarm.paper;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.strikeswarm.http.auth.AuthSettings;
import io.strikeswarm.http.auth.NewToken;
import io.strikeswarm.http.auth.Role;
import io.strikeswarm.http.auth.TokenGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The API's credentials for a service start. Configured tokens or a JWT secret are used as they are. With neither,
 * the service makes one admin token at its first start instead of running locked: the token goes to
 * {@code DATA_DIR/http/admin.token} (owner read/write only) and only its salted hash to
 * {@code DATA_DIR/http/tokens.conf}; later starts reuse them. The token itself is never printed or logged.
 */
public final class ApiTokens {
  private ApiTokens() {}

  public static Path tokenFile(Path dataDirectory) {
    return dataDirectory.resolve("http").resolve("admin.token");
  }

  public static AuthSettings settings(Config config, Path dataDirectory, PrintWriter console) {
    Config auth = config.getConfig(AuthSettings.DEFAULT_PATH);
    AuthSettings configured = AuthSettings.from(auth);
    if (!configured.locked()) return configured;
    Path hashes = dataDirectory.resolve("http").resolve("tokens.conf");
    Path token = tokenFile(dataDirectory);
    try {
      if (!Files.exists(hashes)) {
        NewToken fresh = new TokenGenerator().generate("admin", Role.ADMIN);
        Files.createDirectories(hashes.getParent());
        writePrivate(token, fresh.token() + "\n");
        Files.writeString(hashes, "# made by swarm run at first start; the token is in admin.token\ntokens = [ "
            + fresh.hoconSnippet() + " ]\n", StandardCharsets.UTF_8);
        console.println("swarm: no API tokens configured; made an admin token, kept in " + token);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot write the API token files under " + hashes.getParent() + ": "
          + e.getMessage(), e);
    }
    return AuthSettings.from(ConfigFactory.parseFile(hashes.toFile()).withFallback(auth).resolve());
  }

  private static void writePrivate(Path file, String text) throws IOException {
    Files.deleteIfExists(file);
    try {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(Set.of(
          java.nio.file.attribute.PosixFilePermission.OWNER_READ, java.nio.file.attribute.PosixFilePermission.OWNER_WRITE)));
    } catch (UnsupportedOperationException notPosix) {
      Files.createFile(file);
    }
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
