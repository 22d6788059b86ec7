package io.strikeswarm.cex.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigSyntax;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where the keys of an account come from: environment variables (names configurable) or a secrets file
 * ({@code .properties} or HOCON, keys {@code api-key}, {@code secret}, {@code passphrase}) that only its owner can
 * read. Errors name the setting or the variable, never a value.
 */
public sealed interface CredentialSource {

  Optional<ApiCredentials> resolve(Map<String, String> env);

  /** No keys: paper trading. */
  record None() implements CredentialSource {
    @Override
    public Optional<ApiCredentials> resolve(Map<String, String> env) {
      return Optional.empty();
    }
  }

  record Environment(String apiKeyVariable, String secretVariable, String passphraseVariable)
      implements CredentialSource {
    @Override
    public Optional<ApiCredentials> resolve(Map<String, String> env) {
      Optional<Secret> key = secret(env, apiKeyVariable);
      Optional<Secret> secret = secret(env, secretVariable);
      if (key.isEmpty() && secret.isEmpty()) return Optional.empty();
      if (key.isEmpty()) throw missing(apiKeyVariable, secretVariable);
      if (secret.isEmpty()) throw missing(secretVariable, apiKeyVariable);
      return Optional.of(new ApiCredentials(key.get(), secret.get(), secret(env, passphraseVariable)));
    }

    private static Optional<Secret> secret(Map<String, String> env, String variable) {
      String v = env.get(variable);
      return v == null || v.isBlank() ? Optional.empty() : Optional.of(Secret.of(v));
    }

    private static CexConfigException missing(String absent, String present) {
      return new CexConfigException("swarm.cex.credentials",
          "environment variable " + absent + " is not set, but " + present + " is");
    }
  }

  record SecretsFile(Path file) implements CredentialSource {
    private static final String SETTING = "swarm.cex.credentials.file";

    @Override
    public Optional<ApiCredentials> resolve(Map<String, String> env) {
      if (!Files.isRegularFile(file)) throw new CexConfigException(SETTING, "no such file " + file);
      refuseIfOthersCanRead(file);
      Config c;
      try {
        ConfigSyntax syntax = file.toString().endsWith(".properties") ? ConfigSyntax.PROPERTIES : ConfigSyntax.CONF;
        c = ConfigFactory.parseFile(file.toFile(), ConfigParseOptions.defaults().setSyntax(syntax)
            .setAllowMissing(false));
      } catch (ConfigException e) {
        // The parser's message may quote a line of the file, so only its position is passed on.
        throw new CexConfigException(SETTING, "cannot parse " + file + " (" + e.origin().description() + ")");
      }
      return Optional.of(new ApiCredentials(required(c, "api-key"), required(c, "secret"),
          c.hasPath("passphrase") ? Optional.of(Secret.of(c.getString("passphrase"))) : Optional.empty()));
    }

    private Secret required(Config c, String key) {
      if (!c.hasPath(key) || c.getString(key).isBlank()) {
        throw new CexConfigException(SETTING, file + " has no '" + key + "'");
      }
      return Secret.of(c.getString(key));
    }

    /** Like ssh with private keys: a secrets file anyone on the machine can read or change is not used. */
    static void refuseIfOthersCanRead(Path file) {
      PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
      if (posix == null) return; // not a POSIX file system: the operator's ACLs are all there is
      Set<PosixFilePermission> perms;
      try {
        perms = posix.readAttributes().permissions();
      } catch (IOException e) {
        throw new CexConfigException(SETTING, "cannot read the permissions of " + file + ": " + e.getMessage());
      }
      if (perms.contains(PosixFilePermission.OTHERS_READ) || perms.contains(PosixFilePermission.OTHERS_WRITE)) {
        throw new CexConfigException(SETTING, file + " is readable or writable by every user of this machine"
            + " (permissions " + java.nio.file.attribute.PosixFilePermissions.toString(perms)
            + "); run: chmod 600 " + file);
      }
    }
  }
}
