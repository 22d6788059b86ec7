package io.strikeswarm.master.amm;

import io.strikeswarm.bots.amm.AmmBotConfig;
import io.strikeswarm.bots.amm.AmmBotEntity;
import io.strikeswarm.bots.entity.BotEntity;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.function.Function;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.RecipientRef;
import org.apache.pekko.actor.typed.Scheduler;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.pattern.StatusReply;

/**
 * Lets a diamond supervisor command an AMM bot with the same protocol it uses for directional bots: capital
 * becomes the AMM bot's USD budget, pause / resume / halt / retire carry over, {@code Configure} hands the bot the
 * configuration the runtime built for it on its chain, and {@code GetState} answers with the bot's view in the
 * shape every bot has. Commands that only make sense for bar-driven bots (bars, strategy parameters) are refused.
 * One small actor per AMM bot, holding no state.
 */
public final class AmmBotChannel {
  private AmmBotChannel() {}

  public static Behavior<BotEntity.Command> create(String botId, RecipientRef<AmmBotEntity.Command> bot,
      Function<String, AmmBotConfig> configs, Duration askTimeout) {
    return Behaviors.setup(ctx -> {
      Scheduler scheduler = ctx.getSystem().scheduler();
      return Behaviors.receive(BotEntity.Command.class)
          .onMessage(BotEntity.Configure.class, c -> {
            AmmBotConfig config = configs.apply(botId);
            if (config == null) {
              c.replyTo().tell(StatusReply.error("no chain configuration for AMM bot " + botId));
            } else {
              bot.tell(new AmmBotEntity.Configure(config, c.replyTo()));
            }
            return Behaviors.same();
          })
          .onMessage(BotEntity.AllocateCapital.class, c -> {
            bot.tell(new AmmBotEntity.AllocateBudget(c.transferSeq(), c.amount(), c.replyTo()));
            return Behaviors.same();
          })
          .onMessage(BotEntity.ReleaseCapital.class, c -> {
            bot.tell(new AmmBotEntity.ReleaseBudget(c.transferSeq(), c.amount(), c.replyTo()));
            return Behaviors.same();
          })
          .onMessage(BotEntity.Pause.class, c -> {
            bot.tell(new AmmBotEntity.Pause(c.replyTo()));
            return Behaviors.same();
          })
          .onMessage(BotEntity.Resume.class, c -> {
            bot.tell(new AmmBotEntity.Resume(c.replyTo()));
            return Behaviors.same();
          })
          .onMessage(BotEntity.Halt.class, c -> {
            bot.tell(new AmmBotEntity.Halt(c.reason(), c.replyTo()));
            return Behaviors.same();
          })
          .onMessage(BotEntity.Retire.class, c -> {
            AskPattern.<AmmBotEntity.Command, StatusReply<BigDecimal>>ask(bot,
                    r -> new AmmBotEntity.Retire(c.transferSeq(), r), askTimeout, scheduler)
                .whenComplete((reply, err) -> {
                  if (err != null) return; // no answer is not a refusal: the supervisor asks again
                  c.replyTo().tell(reply.isSuccess() ? StatusReply.success(new BotEntity.Retired(reply.getValue()))
                      : StatusReply.error(reply.getError()));
                });
            return Behaviors.same();
          })
          .onMessage(BotEntity.GetState.class, c -> {
            AskPattern.<AmmBotEntity.Command, io.strikeswarm.bots.amm.AmmBotView>ask(bot,
                    AmmBotEntity.GetState::new, askTimeout, scheduler)
                .whenComplete((view, err) -> {
                  if (err == null) c.replyTo().tell(AmmRoster.asBotView(view));
                });
            return Behaviors.same();
          })
          .onMessage(BotEntity.ChangeParameters.class, c -> {
            c.replyTo().tell(StatusReply.error("AMM bot " + botId
                + " takes arbitrage rules, not strategy parameters"));
            return Behaviors.same();
          })
          .onMessage(BotEntity.EvaluateBars.class, c -> {
            c.replyTo().tell(StatusReply.error("AMM bot " + botId + " trades on chain, not on bars"));
            return Behaviors.same();
          })
          .onMessage(BotEntity.CommitBars.class, c -> {
            c.replyTo().tell(StatusReply.error("AMM bot " + botId + " trades on chain, not on bars"));
            return Behaviors.same();
          })
          .onMessage(BotEntity.WarmUp.class, c -> {
            c.replyTo().tell(StatusReply.error("AMM bot " + botId + " trades on chain, not on bars"));
            return Behaviors.same();
          })
          .build();
    });
  }
}
