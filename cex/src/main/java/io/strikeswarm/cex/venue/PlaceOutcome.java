package io.strikeswarm.cex.venue;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.strikeswarm.persistence.CborSerializable;

/** What a place call did: never an exception. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "outcome")
@JsonSubTypes({
    @JsonSubTypes.Type(value = PlaceOutcome.Placed.class, name = "placed"),
    @JsonSubTypes.Type(value = PlaceOutcome.Rejected.class, name = "rejected"),
    @JsonSubTypes.Type(value = PlaceOutcome.Unknown.class, name = "unknown")})
public sealed interface PlaceOutcome extends CborSerializable {

  /** The venue took the order and gave it this id. */
  record Placed(String venueOrderId) implements PlaceOutcome {}

  /** The venue (or the local limiter) refused it: it is certainly not on the book. */
  record Rejected(RejectReason reason, String message) implements PlaceOutcome {}

  /** No answer (timeout, disconnect, server error): the order MAY exist; the caller must reconcile. */
  record Unknown(String message) implements PlaceOutcome {}
}
