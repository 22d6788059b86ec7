package io.strikeswarm.master.diamond;

import io.strikeswarm.persistence.CborSerializable;
import java.math.BigDecimal;

/**
 * The master's latest request to take part of this diamond's funding back, and how far it got: asked, releases
 * scheduled on the bots (or not needed), and what was returned once done ({@code null} until then). Kept after it is
 * done so a resent request is answered with the same amount instead of being applied twice.
 */
public record GiveBack(long requestId, BigDecimal asked, boolean releasing, BigDecimal returned)
    implements CborSerializable {

  public boolean done() {
    return returned != null;
  }

  /** The origin of the RELEASE operations scheduled for this request. */
  public String origin() {
    return "give-back-" + requestId;
  }
}
