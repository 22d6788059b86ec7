package io.strikeswarm.cex.ids;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** Client order ids: deterministic, inside each venue's alphabet and length, distinct per bot and sequence. */
class ClientIdSchemeTest {
  private static final String BINANCE_PATTERN = "^[\\.A-Z\\:/a-z0-9_-]{1,36}$";

  @Test
  void a_bot_id_in_the_venues_alphabet_is_kept_readable() {
    assertThat(ClientIdScheme.BINANCE.derive("long-07", 12))
        .isEqualTo(new ClientOrderId("ss-long-07-12", "ss-long-07-12"));
    assertThat(ClientIdScheme.BYBIT.derive("long-07", 12).value()).isEqualTo("ss-long-07-12");
  }

  @Test
  void okx_ids_are_letters_and_digits_only_and_a_lossy_bot_id_is_made_unique_by_its_hash() {
    ClientOrderId id = ClientIdScheme.ALPHANUMERIC_32.derive("long-07", 12);

    assertThat(id.value()).matches("[A-Za-z0-9]{1,32}").startsWith("shnlong07").endsWith("n12");
    assertThat(ClientIdScheme.ALPHANUMERIC_32.derive("long07", 12).value()).isEqualTo("ssnlong07n12")
        .isNotEqualTo(id.value());
  }

  @Test
  void coinbase_gets_a_name_based_version_5_uuid_of_the_readable_id() {
    ClientOrderId id = ClientIdScheme.UUID_V5.derive("long-07", 12);

    UUID uuid = UUID.fromString(id.venueReference());
    assertThat(id.value()).isEqualTo("ss-long-07-12");
    assertThat(uuid.version()).isEqualTo(5);
    assertThat(uuid.variant()).isEqualTo(2);
    assertThat(ClientIdScheme.UUID_V5.derive("long-07", 12).venueReference()).isEqualTo(id.venueReference());
    assertThat(ClientIdScheme.UUID_V5.derive("long-07", 13).venueReference()).isNotEqualTo(id.venueReference());
  }

  @Test
  void the_version_5_uuid_follows_rfc_4122_on_its_published_example() {
    // RFC 4122 / Python's uuid.uuid5(uuid.NAMESPACE_DNS, "python.org") == 886313e1-3b8a-5372-9b90-0c9aee199e5d
    UUID dns = UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
    assertThat(ClientIdScheme.uuidV5(dns, "python.org"))
        .isEqualTo(UUID.fromString("886313e1-3b8a-5372-9b90-0c9aee199e5d"));
  }

  @Test
  void kraken_gets_a_positive_32_bit_userref() {
    ClientOrderId id = ClientIdScheme.INT32.derive("long-07", 12);

    int userref = Integer.parseInt(id.venueReference());
    assertThat(userref).isPositive();
    assertThat(ClientIdScheme.INT32.derive("long-07", 12).venueReference()).isEqualTo(id.venueReference());
  }

  @Test
  void a_bot_id_too_long_for_the_venue_is_cut_and_hashed() {
    String longBot = "a-very-long-bot-name-that-exceeds-every-limit-07";

    ClientOrderId a = ClientIdScheme.BINANCE.derive(longBot, 123456789);
    ClientOrderId b = ClientIdScheme.BINANCE.derive(longBot + "x", 123456789);

    assertThat(a.value()).matches(BINANCE_PATTERN).startsWith("sh-").endsWith("-123456789");
    assertThat(a.value()).isNotEqualTo(b.value());
  }

  @Test
  void sequence_numbers_start_at_one_and_bot_ids_must_not_be_blank() {
    assertThatThrownBy(() -> ClientIdScheme.BINANCE.derive("long-07", 0)).hasMessageContaining("> 0");
    assertThatThrownBy(() -> ClientIdScheme.BINANCE.derive(" ", 1)).hasMessageContaining("blank");
  }

  @Property
  @Label("every Binance id fits newClientOrderId's pattern, whatever the bot id and sequence")
  void binance_ids_always_fit(@ForAll @StringLength(min = 1, max = 80) String botId,
      @ForAll @LongRange(min = 1) long seq) {
    if (botId.isBlank()) return;
    assertThat(ClientIdScheme.BINANCE.derive(botId, seq).value()).matches(BINANCE_PATTERN);
    assertThat(ClientIdScheme.BYBIT.derive(botId, seq).value()).matches("[A-Za-z0-9_-]{1,36}");
    assertThat(ClientIdScheme.ALPHANUMERIC_32.derive(botId, seq).value()).matches("[A-Za-z0-9]{1,32}");
  }

  @Property
  @Label("ids of different orders of one bot, or of bots with different ids, differ")
  void ids_are_distinct(@ForAll @StringLength(min = 1, max = 40) String a,
      @ForAll @StringLength(min = 1, max = 40) String b, @ForAll @LongRange(min = 1, max = 1_000_000) long seq) {
    if (a.isBlank() || b.isBlank()) return;
    for (ClientIdScheme scheme : ClientIdScheme.values()) {
      Set<String> ids = new HashSet<>();
      ids.add(scheme.derive(a, seq).venueReference());
      ids.add(scheme.derive(a, seq + 1).venueReference());
      if (!a.equals(b)) ids.add(scheme.derive(b, seq).venueReference());
      assertThat(ids).as("scheme %s", scheme).hasSize(a.equals(b) ? 2 : 3);
    }
  }
}
