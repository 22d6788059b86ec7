package io.strikeswarm.persistence.cassandra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigResolveOptions;
import io.strikeswarm.persistence.JournalProfile;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The cassandra profile's settings: what they make of the plugin and driver, and how a bad one is refused. */
class CassandraSettingsTest {

  private static Config load(Map<String, Object> settings) {
    Map<String, Object> all = new HashMap<>(settings);
    all.put("swarm.persistence.profile", "cassandra");
    // Not resolved against this machine's environment: SWARM_CASSANDRA_* variables must not change the specification.
    return JournalProfile.CASSANDRA.complete(ConfigFactory.load(CassandraSettingsTest.class.getClassLoader(),
        ConfigFactory.parseMap(all).withFallback(JournalProfile.CASSANDRA.overlay(Path.of("/tmp/unused")))
            .withFallback(ConfigFactory.parseResources("persistence.conf")),
        ConfigResolveOptions.defaults().setUseSystemEnvironment(false)));
  }

  @Test
  void the_profile_is_named_cassandra_and_selects_the_cassandra_journal_snapshot_store_and_read_journal() {
    assertThat(JournalProfile.parse(" Cassandra ")).isEqualTo(JournalProfile.CASSANDRA);
    Config config = load(Map.of());
    assertThat(config.getString("pekko.persistence.journal.plugin")).isEqualTo("pekko.persistence.cassandra.journal");
    assertThat(config.getString("pekko.persistence.snapshot-store.plugin"))
        .isEqualTo("pekko.persistence.cassandra.snapshot");
    assertThat(config.getString("swarm.persistence.query-plugin")).isEqualTo("pekko.persistence.cassandra.query");
    assertThat(config.getStringList("datastax-java-driver.basic.contact-points")).containsExactly("127.0.0.1:9042");
    assertThat(config.getString("datastax-java-driver.basic.load-balancing-policy.local-datacenter"))
        .isEqualTo("datacenter1");
    assertThat(config.getString("pekko.persistence.cassandra.journal.keyspace")).isEqualTo("strikeswarm");
    assertThat(config.getString("pekko.persistence.cassandra.snapshot.keyspace")).isEqualTo("strikeswarm");
    assertThat(config.getString("pekko.persistence.cassandra.events-by-tag.bucket-size")).isEqualTo("Day");
    // Production default: the plugin never creates tables, and neither does the node.
    assertThat(config.getBoolean("pekko.persistence.cassandra.journal.tables-autocreate")).isFalse();
    assertThat(CassandraSettings.from(config).devAutocreate()).isFalse();
    assertThat(config.hasPath("datastax-java-driver.advanced.auth-provider.class")).isFalse();
  }

  @Test
  void contact_points_are_a_comma_separated_host_port_list_with_9042_as_the_default_port() {
    Config config = load(Map.of("swarm.persistence.cassandra.contact-points",
        " cass-0.cass:9142, cass-1.cass ,[::1]:9042"));
    assertThat(config.getStringList("datastax-java-driver.basic.contact-points"))
        .containsExactly("cass-0.cass:9142", "cass-1.cass:9042", "[::1]:9042");
  }

  @Test
  void a_bad_contact_point_keyspace_or_first_bucket_is_refused_naming_the_setting() {
    assertThatThrownBy(() -> load(Map.of("swarm.persistence.cassandra.contact-points", "db:99999")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("swarm.persistence.cassandra.contact-points")
        .hasMessageContaining("db:99999");
    assertThatThrownBy(() -> load(Map.of("swarm.persistence.cassandra.contact-points", " , ")))
        .hasMessageContaining("swarm.persistence.cassandra.contact-points");
    assertThatThrownBy(() -> load(Map.of("swarm.persistence.cassandra.keyspace", "strike-swarm")))
        .hasMessageContaining("swarm.persistence.cassandra.keyspace").hasMessageContaining("strike-swarm");
    assertThatThrownBy(() -> load(Map.of("swarm.persistence.cassandra.scratch-keyspace", "STRIKESWARM")))
        .hasMessageContaining("swarm.persistence.cassandra.scratch-keyspace");
    assertThatThrownBy(() -> load(Map.of("swarm.persistence.cassandra.first-time-bucket", "2025-01-01")))
        .hasMessageContaining("swarm.persistence.cassandra.first-time-bucket");
  }

  @Test
  void runs_on_a_scratch_journal_write_to_the_scratch_keyspace_and_only_a_scratch_journal_is_emptied() {
    Config scratch = load(Map.of("swarm.persistence.scratch", true, "swarm.persistence.fresh-journal", true));
    assertThat(scratch.getString("pekko.persistence.cassandra.journal.keyspace")).isEqualTo("strikeswarm_scratch");
    assertThat(CassandraSettings.from(scratch).truncateAtStart()).isTrue();
    assertThat(CassandraSettings.from(load(Map.of("swarm.persistence.scratch", true))).truncateAtStart()).isFalse();
    assertThatThrownBy(() -> load(Map.of("swarm.persistence.fresh-journal", true)))
        .isInstanceOf(ConfigException.class).hasMessageContaining("swarm.persistence.fresh-journal");
  }

  @Test
  void credentials_go_to_the_driver_and_the_password_is_in_no_message() {
    Config config = load(Map.of("swarm.persistence.cassandra.username", "swarm",
        "swarm.persistence.cassandra.password", "s3cret-pw"));
    assertThat(config.getString("datastax-java-driver.advanced.auth-provider.class")).isEqualTo("PlainTextAuthProvider");
    assertThat(config.getString("datastax-java-driver.advanced.auth-provider.username")).isEqualTo("swarm");
    assertThat(CassandraSettings.from(config).toString()).doesNotContain("s3cret-pw");
    assertThatThrownBy(() -> load(Map.of("swarm.persistence.cassandra.password", "s3cret-pw")))
        .hasMessageContaining("swarm.persistence.cassandra.username")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cret-pw"));
  }
}
