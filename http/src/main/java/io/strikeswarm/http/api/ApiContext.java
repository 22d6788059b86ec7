package io.strikeswarm.http.api;

import io.strikeswarm.bots.entity.BotEntity;
import io.strikeswarm.http.audit.AuditLog;
import io.strikeswarm.http.auth.Authenticator;
import io.strikeswarm.http.auth.RateLimiter;
import io.strikeswarm.http.metrics.SwarmMetrics;
import io.strikeswarm.http.view.EquityHistory;
import io.strikeswarm.http.view.EventHub;
import io.strikeswarm.http.view.FeedStatus;
import io.strikeswarm.http.view.LedgerIndex;
import io.strikeswarm.http.view.SwarmMonitor;
import io.strikeswarm.master.Master;
import io.strikeswarm.persistence.ReadSide;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.RecipientRef;

/** What the routes talk to: the swarm's actors through their protocols, the read side, and the API's own parts. */
public record ApiContext(
    ActorSystem<?> system,
    ActorRef<Master.Command> master,
    Function<String, RecipientRef<BotEntity.Command>> bots,
    ActorRef<AuditLog.Command> audit,
    ReadSide readSide,
    SwarmMonitor monitor,
    LedgerIndex ledger,
    EquityHistory equity,
    EventHub hub,
    Supplier<FeedStatus> feed,
    Authenticator authenticator,
    RateLimiter rateLimiter,
    SwarmMetrics metrics,
    ApiSettings settings) {}
