package io.strikeswarm.cex.orders;

import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.pattern.StatusReply;

/**
 * Who waits for a venue read, and which read answers them. A caller that asks while a read is already running
 * must not be answered by it: that read began before the caller's question (a cancel acknowledged after the read
 * began would otherwise be answered with the order as it stood before the cancel). Such callers wait for the next
 * read; {@link #readStarting()} promotes them when it begins.
 */
final class SyncWaiters {
  private record Waiter(ActorRef<StatusReply<CexBook>> sync, String clientId,
      ActorRef<StatusReply<CexOrder>> cancel) {}

  private final List<Waiter> forNextRead = new ArrayList<>();
  private final List<Waiter> forRunningRead = new ArrayList<>();

  void addSync(ActorRef<StatusReply<CexBook>> replyTo) {
    forNextRead.add(new Waiter(replyTo, null, null));
  }

  void addCancel(String clientId, ActorRef<StatusReply<CexOrder>> replyTo) {
    forNextRead.add(new Waiter(null, clientId, replyTo));
  }

  boolean anyForNextRead() {
    return !forNextRead.isEmpty();
  }

  /** A venue read begins: everyone waiting so far is answered by it. */
  void readStarting() {
    forRunningRead.addAll(forNextRead);
    forNextRead.clear();
  }

  /** The running read is applied to {@code book}: answer those it covers. */
  void answerRunning(CexBook book) {
    answer(forRunningRead, book);
  }

  /** No read is needed (nothing is open): the book as it stands is the answer for everyone. */
  void answerAll(CexBook book) {
    answer(forRunningRead, book);
    answer(forNextRead, book);
  }

  /** The running read failed: those it was to answer get the error rather than a stale book. */
  void failRunning(String message) {
    forRunningRead.forEach(w -> {
      if (w.sync() != null) w.sync().tell(StatusReply.error(message));
      else w.cancel().tell(StatusReply.error(message));
    });
    forRunningRead.clear();
  }

  private static void answer(List<Waiter> list, CexBook book) {
    list.forEach(w -> {
      if (w.sync() != null) w.sync().tell(StatusReply.success(book));
      else w.cancel().tell(StatusReply.success(book.orders().get(w.clientId())));
    });
    list.clear();
  }
}
