package io.strikeswarm.cex.ids;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * How a venue wants client order ids, and the deterministic id of order {@code seq} of bot {@code botId} under it.
 * The same (bot, seq) always gives the same id, so a crashed bot that retries its intent sends the id the venue may
 * already know. Ids of different bots or sequence numbers differ: a bot id that fits the venue's alphabet is kept
 * verbatim (the id can be read by a person), one that does not is shortened and made unique by a hash of the
 * whole bot id.
 */
public enum ClientIdScheme {
  /** Binance {@code newClientOrderId}: at most 36 characters of {@code [.A-Z:/a-z0-9_-]}. */
  BINANCE(36, "[.A-Z:/a-z0-9_-]", "-"),
  /** Bybit {@code orderLinkId}: at most 36 characters of letters, digits, {@code -} and {@code _}. */
  BYBIT(36, "[A-Za-z0-9_-]", "-"),
  /** OKX {@code clOrdId}: at most 32 letters and digits, nothing else. */
  ALPHANUMERIC_32(32, "[A-Za-z0-9]", ""),
  /**
   * Coinbase {@code client_oid}: a UUID. The readable id (Binance form) is turned into a name-based UUID (version
   * 5, SHA-1, RFC 4122 §4.3) in a namespace of our own, so the same order always gets the same UUID.
   */
  UUID_V5(36, "[.A-Z:/a-z0-9_-]", "-"),
  /**
   * Kraken {@code userref}: a signed 32-bit integer. The readable id (Binance form) is hashed to a positive 31-bit
   * integer (first four bytes of its SHA-256, sign bit cleared). Kraken does not keep {@code userref} unique (it
   * tags orders), so two of our orders may share one with probability about n²/2³² for n orders; reconciliation
   * therefore also checks instrument, side and amount before it adopts an order by {@code userref}.
   */
  INT32(36, "[.A-Z:/a-z0-9_-]", "-");

  /** The namespace of our version 5 UUIDs: itself the name-based UUID of "io.strikeswarm.cex". */
  static final UUID NAMESPACE = UUID.nameUUIDFromBytes("io.strikeswarm.cex".getBytes(StandardCharsets.UTF_8));

  private static final String PREFIX = "ss";
  private static final String HASHED_PREFIX = "sh";
  private static final int HASH_HEX = 8;

  private final int maxLength;
  private final Pattern allowedChar;
  private final String separator;

  ClientIdScheme(int maxLength, String allowedChar, String separator) {
    this.maxLength = maxLength;
    this.allowedChar = Pattern.compile(allowedChar);
    this.separator = separator;
  }

  public static ClientIdScheme parse(String name) {
    return valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
  }

  /**
   * The id of order {@code seq} of bot {@code botId}.
   *
   * @throws IllegalArgumentException if the bot id is blank or the sequence number is not positive
   */
  public ClientOrderId derive(String botId, long seq) {
    if (botId == null || botId.isBlank()) throw new IllegalArgumentException("bot id must not be blank");
    if (seq <= 0) throw new IllegalArgumentException("order sequence must be > 0, got " + seq);
    String readable = readable(botId, seq);
    return switch (this) {
      case UUID_V5 -> new ClientOrderId(readable, uuidV5(readable).toString());
      case INT32 -> new ClientOrderId(readable, Integer.toString(int31(readable)));
      default -> new ClientOrderId(readable, readable);
    };
  }

  /** {@code ss<sep><bot id><sep><seq>}, or {@code sh<sep><kept part of the bot id><hash><sep><seq>}; parsed from the right, the sequence is unambiguous. */
  private String readable(String botId, long seq) {
    String digits = Long.toString(seq);
    String sep = separator.isEmpty() ? "n" : separator;
    String kept = keepAllowed(botId);
    boolean verbatim = kept.equals(botId);
    int room = maxLength - PREFIX.length() - 2 * sep.length() - digits.length();
    if (verbatim && kept.length() <= room) return PREFIX + sep + kept + sep + digits;
    String hash = sha256Hex(botId).substring(0, HASH_HEX);
    int keep = Math.max(0, Math.min(kept.length(), room - HASH_HEX));
    return HASHED_PREFIX + sep + kept.substring(0, keep) + hash + sep + digits;
  }

  private String keepAllowed(String botId) {
    StringBuilder b = new StringBuilder();
    botId.codePoints().mapToObj(Character::toString).filter(c -> allowedChar.matcher(c).matches()).forEach(b::append);
    return b.toString();
  }

  /** Whether {@code id} could have come from this scheme: right length and alphabet. */
  public boolean accepts(String id) {
    if (id == null || id.isEmpty() || id.length() > maxLength) return false;
    return id.codePoints().mapToObj(Character::toString).allMatch(c -> allowedChar.matcher(c).matches());
  }

  public int maxLength() {
    return maxLength;
  }

  static UUID uuidV5(String name) {
    return uuidV5(NAMESPACE, name);
  }

  static UUID uuidV5(UUID namespace, String name) {
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      sha1.update(ByteBuffer.allocate(16).putLong(namespace.getMostSignificantBits())
          .putLong(namespace.getLeastSignificantBits()).array());
      byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
      hash[6] = (byte) ((hash[6] & 0x0f) | 0x50); // version 5
      hash[8] = (byte) ((hash[8] & 0x3f) | 0x80); // IETF variant
      ByteBuffer bytes = ByteBuffer.wrap(hash, 0, 16);
      return new UUID(bytes.getLong(), bytes.getLong());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is missing from this JVM", e);
    }
  }

  static int int31(String name) {
    byte[] digest = sha256(name);
    return ByteBuffer.wrap(digest, 0, 4).getInt() & 0x7fff_ffff;
  }

  private static String sha256Hex(String s) {
    return HexFormat.of().formatHex(sha256(s));
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
