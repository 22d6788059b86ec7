package io.strikeswarm.swarm.paper;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thousands of malformed requests against a real service — bad JSON, wrong types, huge and deep bodies, odd
 * unicode, bad numbers, bad ids and paths, no or bad tokens, broken HTTP on a raw socket — must get no 5xx and must
 * change nothing: the books, the risk state and every bot's journal are the same before and after. (Requests with a
 * valid token are audited, as every mutating request is; the audit trail is the one thing that grows.) Seeded, so
 * a failure replays.
 */
class ApiFuzzTest {
  private static final long SEED = 20261122L;
  private static final int HTTP_REQUESTS = 3_000;
  private static final int RAW_REQUESTS = 400;

  @TempDir Path dir;

  @Test
  void malformedRequestsGetNoServerErrorAndChangeNothing() throws Exception {
    try (ServiceFixture swarm = new ServiceFixture(dir, Speed.parse("60x"), "")) {
      swarm.service.feed().stop(60_000); // a still market, so any change would be the requests'
      OperateApiTest.eventually(() -> swarm.viewer.get("/api/ready").status() == 200);
      Map<String, String> before = state(swarm);
      Random random = new Random(SEED);
      Map<Integer, Integer> statuses = new TreeMap<>();
      List<String> serverErrors = new ArrayList<>();
      ApiClient[] clients = {swarm.anonymous, swarm.viewer, swarm.operator, swarm.admin,
          new ApiClient(swarm.viewer.base, "ssw_" + "A".repeat(43)), new ApiClient(swarm.viewer.base, "a.b.c")};
      for (int i = 0; i < HTTP_REQUESTS; i++) {
        Fuzz f = Fuzz.next(random, clients.length);
        ApiClient client = clients[f.client()];
        int status;
        try {
          HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(client.base + f.path()))
              .method(f.method(), f.body() == null ? HttpRequest.BodyPublishers.noBody()
                  : HttpRequest.BodyPublishers.ofByteArray(f.body()));
          if (f.authorization() != null) b.header("Authorization", f.authorization());
          else if (f.client() != 0) b = withToken(b, client);
          if (f.contentType() != null) b.header("Content-Type", f.contentType());
          status = sendOnce(b.build());
        } catch (IllegalArgumentException clientRefusedToSendIt) {
          continue;
        }
        statuses.merge(status, 1, Integer::sum);
        if (status >= 500) serverErrors.add(status + " " + f);
      }
      for (int i = 0; i < RAW_REQUESTS; i++) {
        String raw = RawFuzz.next(random, swarm.admin);
        int status = rawStatus(swarm.service.address().getPort(), raw);
        statuses.merge(status, 1, Integer::sum);
        if (status >= 500) serverErrors.add(status + " raw " + raw.substring(0, Math.min(120, raw.length())));
      }
      System.out.println("fuzz: statuses " + statuses);
      assertThat(serverErrors).isEmpty();
      assertThat(statuses.keySet()).contains(400, 401, 403, 404);
      swarm.viewer.get("/api/ready");
      Map<String, String> after = state(swarm);
      List<String> changed = before.keySet().stream().filter(k -> !before.get(k).equals(after.get(k))).toList();
      assertThat(changed).as("what the requests changed").isEmpty();
    }
  }

  /**
   * The server may close a connection after a refused request whose body it did not read; the client can then pick
   * that connection from its pool once. A closed connection is not an answer, so it is sent again, once.
   */
  private static int sendOnce(HttpRequest request) {
    try {
      return ApiClient.send(request).status();
    } catch (AssertionError closed) {
      if (!(closed.getCause() instanceof IOException)) throw closed;
      try {
        return ApiClient.send(request).status();
      } catch (AssertionError closedAgain) {
        if (!(closedAgain.getCause() instanceof IOException)) throw closedAgain;
        return 0;
      }
    }
  }

  /** A fuzzed request that names a client by index uses that client's real token. */
  private static HttpRequest.Builder withToken(HttpRequest.Builder b, ApiClient client) {
    HttpRequest probe = client.request("/").build();
    probe.headers().firstValue("Authorization").ifPresent(v -> b.header("Authorization", v));
    return b;
  }

  /** What the requests must not change: books, allocation, risk state, and every bot's status and journal length. */
  private static Map<String, String> state(ServiceFixture swarm) {
    Map<String, String> out = new LinkedHashMap<>();
    JsonNode s = swarm.admin.get("/api/swarm").json();
    for (String field : List.of("capital", "allocation", "tradingState", "risk", "limits", "booksBalance")) {
      out.put(field, s.get(field).toString());
    }
    out.put("diamonds", swarm.admin.get("/api/diamonds").json().toString());
    for (JsonNode bot : swarm.admin.get("/api/bots?limit=500").json().get("items")) {
      String id = bot.get("id").asText();
      JsonNode fresh = swarm.admin.get("/api/bots/" + id + "?fresh=true").json();
      out.put(id, fresh.at("/summary/state").asText() + " events=" + fresh.get("eventCount").asLong() + " books="
          + fresh.get("books") + " config=" + fresh.get("config"));
    }
    return out;
  }

  private static int rawStatus(int port, String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      int c;
      while ((c = in.read()) != -1 && c != '\n') line.write(c);
      String status = line.toString(StandardCharsets.ISO_8859_1);
      if (!status.startsWith("HTTP/1.1 ")) return 0; // the server closed the connection: not an error answer
      return Integer.parseInt(status.substring(9, 12));
    } catch (java.net.SocketException closed) {
      return 0;
    }
  }

  record Fuzz(String method, String path, byte[] body, String contentType, int client, String authorization) {
    private static final String[] METHODS = {"GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"};
    private static final String[] PATHS = {"/api/swarm", "/api/swarm/equity", "/api/diamonds", "/api/bots",
        "/api/bots/long-01", "/api/bots/long-01/events", "/api/bots/long-01/state-at", "/api/bots/short-07/pause",
        "/api/bots/short-07/resume", "/api/bots/long-05/parameters", "/api/diamonds/long-strike/rebalance",
        "/api/master/allocation", "/api/kill-switch", "/api/swarm/resume", "/api/orders", "/api/trades",
        "/api/audit", "/api/nothing", "/", "/dashboard/../../etc/passwd"};
    private static final String[] ODD = {"", "-1", "0", "1e309", "NaN", "-Infinity", "9".repeat(40), "0x10",
        "%00", "%ff%fe", "%E2%80%AE", "%F0%9F%92%A5", "..%2f..%2f", "long-99", "long-1", "amm-00", "LONG-01",
        "long-01%20", "'%20OR%201=1", "%3Cscript%3E", "a".repeat(3000), "%C0%AF", "true", "[]"};
    private static final String[] BODIES = {"{", "}", "null", "[]", "\"x\"", "1", "{\"weights\":1}",
        "{\"weights\":{\"long-strike\":\"NaN\",\"short-strike\":0.5,\"amm\":0.5}}",
        "{\"weights\":{\"long-strike\":1e400,\"short-strike\":0,\"amm\":0}}",
        "{\"weights\":{\"long-strike\":-0.5,\"short-strike\":1,\"amm\":0.5}}",
        "{\"weights\":{\"long-strike\":0.25,\"short-strike\":0.25}}", "{\"reserve\":1}", "{\"reserve\":\"-0\"}",
        "{\"reserve\":0.05,\"reserve\":0.06}", "{\"reserve\":0.05} trailing", "{\"reserve\":[0.05]}",
        "{\"reserve\":{\"$gt\":0}}", "{\"parameters\":{}}", "{\"parameters\":{\"short\":null}}",
        "{\"parameters\":{\"short\":{\"a\":1}}}", "{\"parameters\":[\"short\"]}", "{\"parameters\":\"short=5\"}",
        "{\"parameters\":{\"short\":\"-5\"}}", "{\"parameters\":{\"short\":\"1e9\",\"long\":\"0\"}}",
        "{\"parameters\":{\"\\u0000\":\"1\"}}", "{\"reason\":5}", "{\"reason\":\"\\u202e\\ud83d\"}", "\u00ff\u00fe",
        "{\"a\":" + "[".repeat(2000) + "]".repeat(2000) + "}", "{\"reason\":\"" + "x".repeat(200_000) + "\"}",
        "{\"weights\":{\"long-strike\":\"0.3\",\"short-strike\":\"0.3\",\"amm\":\"0.3\"},\"reserve\":\"0.05\"}"};
    private static final String[] AUTH = {"Bearer", "Bearer ", "Basic dXNlcjpwYXNz", "bearer ssw_x", "Bearer a.b.c",
        "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4Iiwicm9sZSI6ImFkbWluIn0.", "Bearer " + "x".repeat(9000),
        "Token abc"};

    static Fuzz next(Random r, int clients) {
      String method = METHODS[r.nextInt(METHODS.length)];
      String path = PATHS[r.nextInt(PATHS.length)];
      int mutation = r.nextInt(5);
      if (mutation == 0) path = path + "/" + ODD[r.nextInt(ODD.length)];
      if (mutation == 1) path = path.replace("long-01", ODD[r.nextInt(ODD.length)]).replace("short-07",
          ODD[r.nextInt(ODD.length)]).replace("long-strike", ODD[r.nextInt(ODD.length)]);
      if (mutation == 2 || mutation == 3) {
        path = path + "?" + List.of("limit", "offset", "from", "to", "seq", "sort", "order", "state", "diamond",
            "bot", "fresh", "x").get(r.nextInt(12)) + "=" + ODD[r.nextInt(ODD.length)];
      }
      byte[] body = r.nextInt(3) == 0 ? null : BODIES[r.nextInt(BODIES.length)].getBytes(StandardCharsets.UTF_8);
      String contentType = r.nextBoolean() ? "application/json" : r.nextBoolean() ? null : "text/plain; charset=x";
      int client = r.nextInt(clients);
      String auth = r.nextInt(6) == 0 ? AUTH[r.nextInt(AUTH.length)] : null;
      Fuzz f = new Fuzz(method, path, body, contentType, client, auth);
      return f.couldBeValidChange() ? next(r, clients) : f;
    }

    /**
     * The few well-formed commands the generator can stumble on (a pause or resume of a real bot, a rebalance, the
     * kill switch, a resume of the swarm) are not malformed: they are left out, so that any change is a defect.
     */
    boolean couldBeValidChange() {
      if (method.equals("GET") || method.equals("OPTIONS")) return false;
      return path.matches("/api/bots/(long|short)-\\d\\d/(pause|resume)/?")
          || path.matches("/api/diamonds/[a-z-]+/rebalance/?") || path.matches("/api/kill-switch/?")
          || path.matches("/api/swarm/resume/?") || path.equals("/api/master/allocation")
          || path.matches("/api/bots/(long|short)-\\d\\d/parameters/?");
    }

    @Override
    public String toString() {
      return method + " " + (path.length() > 100 ? path.substring(0, 100) + "..." : path) + " client " + client
          + " body " + (body == null ? "-" : new String(body, 0, Math.min(body.length, 80), StandardCharsets.UTF_8));
    }
  }

  /** Requests no well-behaved client library would send. */
  static final class RawFuzz {
    static String next(Random r, ApiClient admin) {
      String auth = admin.request("/").build().headers().firstValue("Authorization").orElse("");
      String[] lines = {
          "GET /api/bots/%zz HTTP/1.1", "GET /api/bots/\u00ff\u00fe HTTP/1.1", "GET /api/swarm?limit=%%% HTTP/1.1",
          "GET " + "/a".repeat(5000) + " HTTP/1.1", "BREW /api/swarm HTTP/1.1", "GET /api/swarm HTTP/9.9",
          "GET api/swarm HTTP/1.1", "PUT /api/master/allocation HTTP/1.1", "POST /api/kill-switch HTTP/1.1",
          "GET /api/bots/long-01/state-at?seq=99999999999999999999999 HTTP/1.1", "GET /\u0000 HTTP/1.1"};
      String line = lines[r.nextInt(lines.length)];
      boolean mutating = line.startsWith("PUT") || line.startsWith("POST");
      StringBuilder req = new StringBuilder(line).append("\r\nHost: 127.0.0.1\r\n");
      int header = r.nextInt(6);
      if (mutating && header == 0) {
        // a valid token with an empty body would be a well-formed kill switch: give it a broken body instead
        String body = "{\"reason\":";
        return req.append("Authorization: ").append(auth).append("\r\nContent-Type: application/json\r\n")
            .append("Content-Length: ").append(body.length()).append("\r\nConnection: close\r\n\r\n").append(body)
            .toString();
      }
      if (header == 0) req.append("Authorization: ").append(auth).append("\r\n");
      if (header == 1) req.append("Authorization: Bearer \u00e9\u00e9\r\n");
      if (header == 2) req.append("X-Big: ").append("y".repeat(20_000)).append("\r\n");
      if (header == 3) req.append("Content-Length: -5\r\n");
      if (header == 4) req.append("Content-Length: 99999999999\r\nAuthorization: ").append(auth).append("\r\n");
      if (header == 5) req.append("Transfer-Encoding: chunked\r\nAuthorization: ").append(auth).append("\r\n");
      req.append("Connection: close\r\n\r\n");
      if (header == 5) req.append("zz\r\n{\r\n0\r\n\r\n");
      else if (r.nextBoolean()) req.append("{\"reason\":");
      return req.toString();
    }
  }
}
