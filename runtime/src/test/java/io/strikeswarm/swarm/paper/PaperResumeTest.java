package io.strikeswarm.swarm.paper;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `swarm run` stops gracefully and resumes where it stopped: the step in flight at the stop is committed by every
 * bot (bots on one instrument stand at the same bar), and a restart on the same data directory trades on from the
 * next bar, with the books carried over.
 */
class PaperResumeTest {
  @TempDir Path dir;

  @Test
  void aStoppedServiceResumesAfterTheLastCommittedBarWithItsBooks() {
    long stoppedAt;
    String equityAtStop;
    try (ServiceFixture first = new ServiceFixture(dir, Speed.parse("1200x"), "")) {
      OperateApiTest.eventually(() -> first.viewer.get("/api/swarm").json().at("/feed/barTimesDone").asLong() >= 20);
      first.service.feed().stop(60_000);
      assertThat(first.service.feed().status().state()).isEqualTo("stopped");
      stoppedAt = first.service.feed().status().marketTimeMs();
      Map<String, Long> lastBar = lastBarByInstrument(first);
      assertThat(lastBar.get("BTC-USD")).isEqualTo(stoppedAt);
      equityAtStop = first.admin.get("/api/bots/long-01?fresh=true").json().at("/books/equity").asText();
    }
    try (ServiceFixture second = new ServiceFixture(dir, Speed.parse("1200x"), "")) {
      JsonNode resumed = second.admin.get("/api/bots/long-01?fresh=true").json();
      assertThat(resumed.at("/books/equity").asText()).isEqualTo(equityAtStop);
      OperateApiTest.eventually(() -> second.service.feed().status().marketTimeMs() > stoppedAt);
      assertThat(second.service.feed().status().state()).isEqualTo("running");
      OperateApiTest.eventually(() -> second.viewer.get("/api/swarm").json().at("/feed/barTimesDone").asLong() >= 30);
      assertThat(second.viewer.get("/api/swarm").json().get("booksBalance").asBoolean()).isTrue();
      assertThat(second.service.feed().status().error()).isNull();
    }
  }

  /** Every bot of an instrument must stand at the same bar; returns that bar per instrument. */
  private static Map<String, Long> lastBarByInstrument(ServiceFixture swarm) {
    Map<String, Long> last = new HashMap<>();
    for (JsonNode row : swarm.admin.get("/api/bots?limit=500").json().get("items")) {
      JsonNode bot = swarm.admin.get("/api/bots/" + row.get("id").asText() + "?fresh=true").json();
      String instrument = bot.at("/config/instrument").asText();
      String lastBar = bot.at("/summary/lastBar").asText(null);
      long t = lastBar == null || lastBar.equals("null") ? 0 : java.time.Instant.parse(lastBar).toEpochMilli();
      Long seen = last.putIfAbsent(instrument, t);
      if (seen != null) assertThat(t).as(row.get("id").asText()).isEqualTo(seen);
    }
    return last;
  }
}
