package io.strikeswarm.persistence.cassandra;

import java.util.List;

/**
 * The trade ledger's tables on the cassandra profile (docs/ledger.md), in the journal's keyspace: what the ledger
 * projection writes (bots' venues, orders' reasons, one line per fill) and its offset store. They live next to the
 * journal they are made from, so a scratch journal (a backtest) has a scratch ledger, emptied with it. Created here
 * with the journal's tables (dev-autocreate) or checked to exist (production: docs/cassandra-schema.cql holds the same
 * statements) when {@code swarm.ledger.enabled}; the ledger code in the runtime uses these names.
 */
public final class LedgerTables {
  public static final String BOTS = "ledger_bots";
  public static final String ORDERS = "ledger_orders";
  public static final String LINES = "trade_ledger";
  /** The offset store of pekko-projection-cassandra 1.0.0 (its {@code offset-store.table} and management table). */
  public static final String OFFSETS = "offset_store";
  public static final String MANAGEMENT = "projection_management";
  public static final List<String> ALL = List.of(BOTS, ORDERS, LINES, OFFSETS, MANAGEMENT);

  private LedgerTables() {}

  /**
   * The statements that create them. A line's key is the journal event it came from (the bot's persistence id, one
   * partition per bot, and the event's sequence number), so writing a line again overwrites it. The offset tables
   * are column for column those pekko-projection-cassandra creates itself.
   */
  public static List<String> createStatements(String keyspace) {
    return List.of(
        "CREATE TABLE IF NOT EXISTS " + keyspace + "." + BOTS + " (\n  bot_id text PRIMARY KEY,\n  venue text)",
        "CREATE TABLE IF NOT EXISTS " + keyspace + "." + ORDERS
            + " (\n  order_id text PRIMARY KEY,\n  bot_id text,\n  reason text)",
        "CREATE TABLE IF NOT EXISTS " + keyspace + "." + LINES + " (\n  persistence_id text,\n  seq_nr bigint,\n"
            + "  bot_id text,\n  venue text,\n  order_id text,\n  instrument text,\n  side text,\n"
            + "  quantity decimal,\n  price decimal,\n  fee decimal,\n  time_ms bigint,\n  reason text,\n"
            + "  completes_order boolean,\n  PRIMARY KEY (persistence_id, seq_nr))",
        "CREATE TABLE IF NOT EXISTS " + keyspace + "." + OFFSETS + " (\n  projection_name text,\n  partition int,\n"
            + "  projection_key text,\n  offset text,\n  manifest text,\n  last_updated timestamp,\n"
            + "  PRIMARY KEY ((projection_name, partition), projection_key))",
        "CREATE TABLE IF NOT EXISTS " + keyspace + "." + MANAGEMENT + " (\n  projection_name text,\n"
            + "  partition int,\n  projection_key text,\n  paused boolean,\n  last_updated timestamp,\n"
            + "  PRIMARY KEY ((projection_name, partition), projection_key))");
  }
}
