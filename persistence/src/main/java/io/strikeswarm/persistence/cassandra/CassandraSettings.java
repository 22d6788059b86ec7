package io.strikeswarm.persistence.cassandra;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code swarm.persistence.cassandra} settings of the {@code cassandra} profile, checked, and the configuration
 * layer they make for the plugin and the driver. Free of Pekko classes: the runtime loads it before Kamon attaches.
 *
 * @param keyspace the keyspace this node writes to: the operated swarm's, or the scratch keyspace of a run whose journal
 *     is scratch ({@code swarm.persistence.scratch}: backtests, benchmarks)
 * @param truncateAtStart empty the scratch keyspace before anything starts ({@code swarm.persistence.fresh-journal})
 */
public record CassandraSettings(List<String> contactPoints, String localDatacenter, String keyspace, boolean scratch,
    boolean truncateAtStart, boolean devAutocreate, Optional<Credentials> credentials) {

  public static final String PATH = "swarm.persistence.cassandra";
  public static final String SCRATCH = "swarm.persistence.scratch";
  public static final String FRESH_JOURNAL = "swarm.persistence.fresh-journal";
  public static final String PLUGIN = "pekko.persistence.cassandra";
  /** Cassandra's own rule for keyspace names. */
  private static final Pattern KEYSPACE = Pattern.compile("[a-zA-Z0-9_]{1,48}");
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._-]+|\\[[0-9A-Fa-f:.]+]");

  /** Plain-text credentials; the password never appears in a string made from them. */
  public record Credentials(String username, String password) {
    @Override
    public String toString() {
      return "Credentials[username=" + username + ", password=***]";
    }
  }

  public static CassandraSettings from(Config config) {
    Config c = config.getConfig(PATH);
    List<String> points = contactPoints(c.getString("contact-points"));
    String datacenter = c.getString("local-datacenter").trim();
    if (datacenter.isEmpty()) throw bad("local-datacenter", "must not be empty");
    String operated = keyspace(c, "keyspace");
    String scratch = keyspace(c, "scratch-keyspace");
    if (operated.equalsIgnoreCase(scratch)) {
      throw bad("scratch-keyspace", "must differ from keyspace '" + operated + "' (runs on it truncate it first)");
    }
    firstTimeBucket(c.getString("first-time-bucket"));
    boolean isScratch = config.hasPath(SCRATCH) && config.getBoolean(SCRATCH);
    boolean fresh = config.hasPath(FRESH_JOURNAL) && config.getBoolean(FRESH_JOURNAL);
    if (fresh && !isScratch) {
      // Never empty the operated swarm's journal.
      throw new ConfigException.BadValue(FRESH_JOURNAL, "only a scratch journal (" + SCRATCH + " = true) is emptied");
    }
    return new CassandraSettings(points, datacenter, isScratch ? scratch : operated, isScratch, fresh,
        c.getBoolean("dev-autocreate"), credentials(c.getString("username"), c.getString("password")));
  }

  /** What goes in front of the loaded configuration: contact points, keyspaces and credentials. */
  public Config layer() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("datastax-java-driver.basic.contact-points", contactPoints);
    values.put(PLUGIN + ".journal.keyspace", keyspace);
    values.put(PLUGIN + ".snapshot.keyspace", keyspace);
    // The trade ledger's offset store (pekko-projection-cassandra) sits in the journal's keyspace (LedgerTables).
    values.put("pekko.projection.cassandra.offset-store.keyspace", keyspace);
    credentials.ifPresent(creds -> {
      values.put("datastax-java-driver.advanced.auth-provider.class", "PlainTextAuthProvider");
      values.put("datastax-java-driver.advanced.auth-provider.username", creds.username());
      values.put("datastax-java-driver.advanced.auth-provider.password", creds.password());
    });
    return ConfigFactory.parseMap(values, "swarm.persistence.cassandra (CassandraSettings)");
  }

  /** The loaded configuration with this layer in front. */
  public Config applyTo(Config loaded) {
    return layer().withFallback(loaded);
  }

  private static List<String> contactPoints(String text) {
    List<String> points = new ArrayList<>();
    for (String raw : text.split(",")) {
      String point = raw.trim();
      if (point.isEmpty()) continue;
      int colon = point.lastIndexOf(':');
      boolean hasPort = colon > 0 && !point.endsWith("]") && (point.indexOf(':') == colon || point.startsWith("["));
      String host = hasPort ? point.substring(0, colon) : point;
      if (!HOST.matcher(host).matches()) {
        throw bad("contact-points", "'" + point + "' is not host:port (IPv6 as [addr]:port)");
      }
      int port = 9042;
      if (hasPort) {
        try {
          port = Integer.parseInt(point.substring(colon + 1));
        } catch (NumberFormatException e) {
          port = -1;
        }
        if (port < 1 || port > 65535) throw bad("contact-points", "'" + point + "' has no valid port (1-65535)");
      }
      points.add(host + ":" + port);
    }
    if (points.isEmpty()) throw bad("contact-points", "must name at least one host:port");
    return List.copyOf(points);
  }

  private static String keyspace(Config c, String key) {
    String name = c.getString(key).trim();
    if (!KEYSPACE.matcher(name).matches()) {
      throw bad(key, "'" + name + "' is not a Cassandra keyspace name (letters, digits, _; at most 48)");
    }
    return name;
  }

  /** The plugin's format: yyyyMMdd, or yyyyMMdd'T'HH:mm (rounded down to the day with Day buckets). */
  private static void firstTimeBucket(String text) {
    String day = text.trim().length() == 14 && text.trim().charAt(8) == 'T' ? text.trim().substring(0, 8) : text.trim();
    try {
      LocalDate.parse(day, DateTimeFormatter.BASIC_ISO_DATE);
    } catch (DateTimeParseException e) {
      throw bad("first-time-bucket", "'" + text + "' is not yyyyMMdd (or yyyyMMdd'T'HH:mm)");
    }
  }

  private static Optional<Credentials> credentials(String username, String password) {
    if (username.isEmpty() && password.isEmpty()) return Optional.empty();
    if (username.isEmpty() || password.isEmpty()) {
      // Name the missing one only: the other may be the password.
      throw bad(username.isEmpty() ? "username" : "password", "set both username and password, or neither");
    }
    return Optional.of(new Credentials(username, password));
  }

  private static ConfigException bad(String key, String problem) {
    return new ConfigException.BadValue(PATH + "." + key, problem);
  }
}
