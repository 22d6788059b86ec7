package io.strikeswarm.http.view;

import io.strikeswarm.http.json.ApiJson;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.model.sse.ServerSentEvent;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.BoundedSourceQueue;
import org.apache.pekko.stream.OverflowStrategy;
import org.apache.pekko.stream.javadsl.BroadcastHub;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;

/**
 * The live feed behind {@code GET /api/stream}: every update is published once and broadcast to every connected
 * client as a server-sent event (type = swarm, diamond, bot, fill, order, trade, round-trip, risk). Publishing never
 * blocks: each client has its own buffer that drops its oldest updates when that client reads too slowly, so one
 * slow client neither stalls the swarm nor the other clients. Events carry an increasing id.
 */
public final class EventHub {
  private static final int CLIENT_BUFFER = 512;

  private final BoundedSourceQueue<ServerSentEvent> queue;
  private final Source<ServerSentEvent, NotUsed> broadcast;
  private final AtomicLong ids = new AtomicLong();

  public EventHub(ActorSystem<?> system) {
    Pair<BoundedSourceQueue<ServerSentEvent>, Source<ServerSentEvent, NotUsed>> hub = Source.<ServerSentEvent>queue(4096)
        .toMat(BroadcastHub.of(ServerSentEvent.class, 256), Keep.both()).run(system);
    queue = hub.first();
    broadcast = hub.second();
    // A hub with no client would hold its producer back; this consumer keeps it flowing.
    broadcast.runWith(Sink.ignore(), system);
  }

  public void publish(String type, Object data) {
    String json = new String(ApiJson.write(data), StandardCharsets.UTF_8);
    ServerSentEvent event = ServerSentEvent.create(json, type, Long.toString(ids.incrementAndGet()));
    queue.offer(event); // full (4,096 waiting): dropped, as a slow client's buffer drops
  }

  /** A client's stream: every update from now on, and a heartbeat when nothing happens. */
  public Source<ServerSentEvent, NotUsed> subscribe(Duration heartbeat) {
    return broadcast.buffer(CLIENT_BUFFER, OverflowStrategy.dropHead())
        .keepAlive(heartbeat, ServerSentEvent::heartbeat);
  }

  public void close() {
    queue.complete();
  }
}
