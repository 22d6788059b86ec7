package io.strikeswarm.cex.orders;

/**
 * A seam between the steps of a submit where a process can die: before the venue call (the intent is journaled,
 * nothing sent) and before the venue's answer is journaled (the venue has the order, the journal does not know).
 * Production passes {@link #OPEN}. Tests close a gate to stop the entity exactly there, then stop the actor system
 * and start a new one on the same journal, to prove that recovery neither loses nor duplicates the order.
 */
@FunctionalInterface
public interface StepGate {
  enum Step {
    SEND_TO_VENUE,
    RECORD_VENUE_ANSWER
  }

  StepGate OPEN = (step, clientId) -> true;

  /** @return false to stop right here for this order, as if the process had died */
  boolean proceed(Step step, String clientId);
}
