package io.strikeswarm.swarm.inspect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * {@code swarm inspect swarm|bot}: what the running swarm's API returns, printed for a terminal. A client of the
 * API like any other (token in the Authorization header), so it shows exactly what the dashboard shows.
 */
public final class ApiInspector {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final URI base;
  private final String token;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** The API refused or could not be reached; the message says what to do. */
  public static final class InspectFailed extends RuntimeException {
    public InspectFailed(String message) {
      super(message);
    }
  }

  public ApiInspector(URI base, String token) {
    this.base = base;
    this.token = token;
  }

  public String swarm() {
    JsonNode s = get("/api/swarm");
    JsonNode diamonds = get("/api/diamonds").get("items");
    JsonNode top = get("/api/bots?sort=pnl&order=desc&limit=5").get("items");
    JsonNode bottom = get("/api/bots?sort=pnl&order=asc&limit=5").get("items");
    StringBuilder out = new StringBuilder();
    JsonNode feed = s.get("feed");
    line(out, "swarm  %s%s   market time %s   feed %s %s at %s (%d/%d bar times)", s.get("tradingState").asText(),
        reason(s.at("/risk/reason")), text(s.get("marketTime")), feed.get("mode").asText(), feed.get("state").asText(),
        feed.get("speed").asText(), feed.get("barTimesDone").asLong(), feed.get("barTimesTotal").asLong());
    JsonNode c = s.get("capital");
    line(out, "capital  total %s   reserve %s   unallocated %s   deployed %s", money(c.get("total")),
        money(c.get("reserve")), money(c.get("unallocated")), money(c.get("deployed")));
    line(out, "equity   %s   P&L %s (%s)   realized %s   unrealized %s   books %s", money(s.get("equity")),
        money(s.get("pnl")), percent(s.get("returnOnCapital")), money(s.get("realizedPnl")),
        money(s.get("unrealizedPnl")), s.get("booksBalance").asBoolean() ? "balance" : "DO NOT BALANCE");
    line(out, "risk     drawdown %s of %s   day loss %s of %s   limits %s", percent(s.at("/risk/drawdown")),
        percent(s.at("/limits/maxDrawdown")), percent(s.at("/risk/dayLoss")), percent(s.at("/limits/dailyLoss")),
        s.at("/limits/enabled").asBoolean() ? "on" : "off");
    JsonNode b = s.get("bots");
    line(out, "bots     %d   active %d   paused %d   halted %d   retired %d", b.get("total").asInt(),
        b.get("active").asInt(), b.get("paused").asInt(), b.get("halted").asInt(), b.get("retired").asInt());
    line(out, "");
    line(out, "%-13s %8s %16s %16s %14s %6s %8s", "diamond", "weight", "funding", "equity", "P&L", "bots", "pending");
    for (JsonNode d : diamonds) {
      line(out, "%-13s %8s %16s %16s %14s %6d %8d", d.get("name").asText(), text(d.get("weight")),
          money(d.get("funding")), money(d.get("equity")), money(d.get("pnl")), d.at("/bots/total").asInt(),
          d.get("pendingOps").asInt());
    }
    line(out, "");
    line(out, "best bots by P&L");
    for (JsonNode r : top) botRow(out, r);
    line(out, "worst bots by P&L");
    for (JsonNode r : bottom) botRow(out, r);
    return out.toString();
  }

  public String bot(String id, boolean events, Long atSeq) {
    StringBuilder out = new StringBuilder();
    JsonNode detail;
    if (atSeq != null) {
      JsonNode at = get("/api/bots/" + id + "/state-at?seq=" + atSeq);
      line(out, "%s as it was after event %d (persisted %s)", id, atSeq,
          java.time.Instant.ofEpochMilli(at.get("lastEventTimeMs").asLong()));
      detail = at.get("state");
    } else {
      detail = get("/api/bots/" + id + "?fresh=true");
    }
    JsonNode s = detail.get("summary");
    if (detail.has("amm")) {
      ammBot(out, s, detail.get("amm"));
    } else {
      directionalBot(out, s, detail);
    }
    line(out, "journal   %d events%s", detail.get("eventCount").asLong(),
        events || atSeq != null ? "" : "   (--events lists them; --at SEQ shows the bot as it was after event SEQ)");
    if (events) {
      long from = 1;
      while (true) {
        JsonNode page = get("/api/bots/" + id + "/events?from=" + from + "&limit=500");
        for (JsonNode e : page.get("items")) {
          String body = e.get("event").toString();
          line(out, "  %6d  %-18s %s", e.get("seq").asLong(), e.get("type").asText(),
              body.length() > 140 ? body.substring(0, 137) + "..." : body);
        }
        if (page.get("next").isNull()) break;
        from = page.get("next").asLong();
      }
    }
    return out.toString();
  }

  private static void directionalBot(StringBuilder out, JsonNode s, JsonNode detail) {
    JsonNode config = detail.get("config");
    line(out, "%s  %s%s   %s(%s)   %s %s   %sx", s.get("id").asText(), s.get("state").asText(),
        reason(s.get("haltReason")), s.get("strategy").asText(), parameters(s.get("parameters")),
        s.get("instrument").asText(), s.get("side").asText(), config.at("/plan/leverage").asText());
    JsonNode books = detail.get("books");
    line(out, "books     allocated %s   equity %s   cash %s   P&L %s   realized %s   unrealized %s   fees %s",
        money(books.get("allocated")), money(books.get("equity")), money(books.get("cash")), money(s.get("pnl")),
        money(books.get("realizedPnl")), money(books.get("unrealizedPnl")), money(books.get("feesPaid")));
    JsonNode p = s.get("position");
    if (p == null || p.isNull()) {
      line(out, "position  flat");
    } else {
      line(out, "position  %s %s %s @ %s since %s", p.get("side").asText(), p.get("quantity").asText(),
          p.get("instrument").asText(), money(p.get("averageEntry")),
          java.time.Instant.ofEpochMilli(p.get("openedAtMs").asLong()));
    }
    JsonNode stats = detail.get("stats");
    line(out, "stats     bars %d   fills %d   round trips %d (won %d, lost %d)   max drawdown %s",
        stats.get("barsObserved").asLong(), stats.get("fills").asLong(), stats.get("roundTrips").asLong(),
        stats.get("wins").asLong(), stats.get("losses").asLong(), percent(stats.get("maxDrawdown")));
    line(out, "plan      %s", plan(config.get("plan")));
  }

  /** An AMM bot in its own terms: round trips and swaps, token books in smallest units, USD as valued. */
  private static void ammBot(StringBuilder out, JsonNode s, JsonNode amm) {
    JsonNode counts = s.get("amm");
    line(out, "%s  %s%s   %s   chain %s   account %s", s.get("id").asText(), s.get("state").asText(),
        reason(s.get("haltReason")), text(s.get("strategy")), text(amm.get("chain")), text(amm.get("account")));
    List<String> routes = new ArrayList<>();
    for (JsonNode r : amm.get("routes")) {
      List<String> dexes = new ArrayList<>();
      r.get("dexes").forEach(d -> dexes.add(d.asText()));
      routes.add(r.get("home").asText() + "/" + r.get("other").asText() + " on " + String.join("+", dexes));
    }
    line(out, "routes    %s", routes.isEmpty() ? "-" : String.join("; ", routes));
    line(out, "budget    %s USD   P&L %s USD%s", money(amm.get("budgetUsd")), money(amm.get("pnlUsd")),
        amm.get("valuedAtBlock").isNull() ? "   (not valued: no block seen)"
            : "   (valued at block " + amm.get("valuedAtBlock").asText() + ")");
    for (JsonNode t : amm.get("tokens")) {
      line(out, "token     %-8s baseline %s   book %s   change %s (smallest units, %s decimals)",
          t.get("token").asText(), t.get("baseline").asText(), t.get("book").asText(), t.get("change").asText(),
          text(t.get("decimals")));
    }
    line(out, "round trips  started %d   completed %d (%d exactly as predicted)   swaps reverted %d, refused %d"
            + "   gas %s wei", counts.get("roundTripsStarted").asLong(), counts.get("roundTripsCompleted").asLong(),
        counts.get("exactAsPredicted").asLong(), counts.get("swapsReverted").asLong(),
        counts.get("swapsRefused").asLong(), counts.get("gasSpentWei").asText());
    JsonNode f = amm.get("inFlight");
    line(out, "in flight %s", f == null || f.isNull() ? "-" : f.get("leg").asText() + " leg, nonce "
        + f.get("nonce").asText() + ", tx " + f.get("txHash").asText());
    JsonNode left = amm.get("legToSellBack");
    if (left != null && !left.isNull()) {
      line(out, "to sell back  %s %s (smallest units) to %s", left.get("amount").asText(), left.get("token").asText(),
          left.get("home").asText());
    }
  }

  private void botRow(StringBuilder out, JsonNode r) {
    line(out, "  %-9s %-8s %-15s %-8s %14s %9s  drawdown %s", r.get("id").asText(), r.get("state").asText(),
        r.get("strategy").asText(), r.get("instrument").asText(), money(r.get("pnl")),
        percent(r.get("returnOnCapital")), percent(r.get("maxDrawdown")));
  }

  private JsonNode get(String path) {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20));
    if (token != null) request.header("Authorization", "Bearer " + token);
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (ConnectException e) {
      throw new InspectFailed("no swarm API at " + base + " (is `swarm run` running? --url says where)");
    } catch (IOException e) {
      throw new InspectFailed("the swarm API at " + base + " did not answer: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InspectFailed("interrupted");
    }
    JsonNode body;
    try {
      body = JSON.readTree(response.body());
    } catch (IOException e) {
      throw new InspectFailed(base + path + " answered " + response.statusCode() + " without JSON");
    }
    if (response.statusCode() != 200) {
      String message = body.at("/error/message").asText("status " + response.statusCode());
      if (response.statusCode() == 401) {
        message += " (give a token: SWARM_TOKEN, or --token-file; `swarm run` keeps one in DATA_DIR/http/admin.token)";
      }
      throw new InspectFailed(message);
    }
    return body;
  }

  private static String parameters(JsonNode p) {
    List<String> parts = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      parts.add(e.getKey() + "=" + e.getValue().asText());
    }
    return String.join(",", parts);
  }

  private static String plan(JsonNode plan) {
    List<String> parts = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = plan.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getValue().isNull()) parts.add(e.getKey() + " " + e.getValue().asText());
    }
    return String.join(", ", parts);
  }

  private static String reason(JsonNode reason) {
    return reason == null || reason.isNull() || reason.asText().isBlank() ? "" : " (" + reason.asText() + ")";
  }

  private static String text(JsonNode v) {
    return v == null || v.isNull() ? "-" : v.asText();
  }

  static String money(JsonNode v) {
    if (v == null || v.isNull()) return "-";
    return String.format("%,.2f", new BigDecimal(v.asText()).setScale(2, RoundingMode.HALF_EVEN));
  }

  static String percent(JsonNode v) {
    if (v == null || v.isNull()) return "-";
    return new BigDecimal(v.asText()).movePointRight(2).setScale(2, RoundingMode.HALF_EVEN).toPlainString() + " %";
  }

  private static void line(StringBuilder out, String format, Object... args) {
    out.append(String.format(format, args)).append('\n');
  }
}
