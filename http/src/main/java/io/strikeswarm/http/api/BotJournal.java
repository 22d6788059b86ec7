package io.strikeswarm.http.api;

import io.strikeswarm.bots.amm.AmmBotEntity;
import io.strikeswarm.bots.amm.AmmBotView;
import io.strikeswarm.bots.entity.BotEntity;
import io.strikeswarm.bots.entity.BotState;
import io.strikeswarm.bots.entity.BotView;
import io.strikeswarm.http.view.AmmJournalReplay;
import io.strikeswarm.http.view.JournalEvent;
import io.strikeswarm.http.view.Presenter;
import io.strikeswarm.master.amm.AmmRoster;
import io.strikeswarm.master.capital.DiamondKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.persistence.query.EventEnvelope;
import org.apache.pekko.stream.javadsl.Sink;

/**
 * A bot's journal through Persistence Query: a directional bot's is {@code bot|<id>}, an AMM bot's is
 * {@code amm-bot|<id>} (the bot's diamond, read from its id, says which). Pages of events as the API shows them, and
 * the bot's state replayed through an event with the entity's own event handler ({@link BotState#apply},
 * {@code AmmBotState.apply}).
 */
final class BotJournal {
  private final ApiContext ctx;

  BotJournal(ApiContext ctx) {
    this.ctx = ctx;
  }

  static boolean isAmm(String botId) {
    return DiamondKind.ofBot(botId).orElse(null) == DiamondKind.AMM;
  }

  /** Events {@code from} through {@code to} (fewer at the journal's end). */
  CompletionStage<List<JournalEvent>> page(String botId, long from, long to) {
    if (isAmm(botId)) {
      // a receipt is shown with the swap it settles, which only the state before it knows: read from the start
      return ctx.readSide().events(AmmBotEntity.persistenceId(botId).id(), 1, to)
          .runWith(Sink.fold(new AmmJournalReplay(botId, from), AmmJournalReplay::apply), ctx.system())
          .thenApply(AmmJournalReplay::kept);
    }
    return ctx.readSide().events(BotEntity.persistenceId(botId).id(), from, to)
        .map(e -> new JournalEvent(e.sequenceNr(), e.event().getClass().getSimpleName(), e.timestamp(), e.event()))
        .runWith(Sink.seq(), ctx.system());
  }

  /**
   * The body of {@code state-at}: the bot as it was after event {@code seq}, in the shape of its live page. An AMM
   * bot's USD figures are null there: the pools' reserves at past blocks are not in its journal.
   */
  CompletionStage<Map<String, Object>> stateAt(String botId, long seq) {
    if (isAmm(botId)) {
      return ctx.readSide().events(AmmBotEntity.persistenceId(botId).id(), 1, seq)
          .runWith(Sink.fold(new AmmJournalReplay(botId, Long.MAX_VALUE), AmmJournalReplay::apply), ctx.system())
          .thenApply(replay -> body(botId, seq, replay.seq(), replay.lastTimestamp(),
              AmmRoster.asBotView(AmmBotView.of(replay.state(), null, null, seq))));
    }
    return ctx.readSide().events(BotEntity.persistenceId(botId).id(), 1, seq)
        .runWith(Sink.fold(new Replay(BotState.empty(botId), 0, 0), Replay::apply), ctx.system())
        .thenApply(replay -> body(botId, seq, replay.seq(), replay.lastTimestamp(),
            BotView.of(replay.state(), seq)));
  }

  private static Map<String, Object> body(String botId, long seq, long journalEnd, long lastTimestamp, BotView view) {
    if (journalEnd < seq) {
      throw ApiError.badRequest("seq", "the journal of " + botId + " ends at " + journalEnd + ", got " + seq);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("botId", botId);
    out.put("seq", seq);
    out.put("lastEventTimeMs", lastTimestamp);
    out.put("state", Presenter.botDetail(DiamondKind.ofBot(botId).orElseThrow(), view, lastTimestamp));
    return out;
  }

  private record Replay(BotState state, long seq, long lastTimestamp) {
    Replay apply(EventEnvelope e) {
      return new Replay(state.apply((BotEntity.Event) e.event()), e.sequenceNr(), e.timestamp());
    }
  }
}
