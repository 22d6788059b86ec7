package io.strikeswarm.cex.venue;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.strikeswarm.persistence.CborSerializable;

/**
 * What a cancel call did. Even an acknowledged cancel does not say how much was filled before it: the caller
 * syncs fills afterwards.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "outcome")
@JsonSubTypes({
    @JsonSubTypes.Type(value = CancelOutcome.Acknowledged.class, name = "acknowledged"),
    @JsonSubTypes.Type(value = CancelOutcome.Failed.class, name = "failed")})
public sealed interface CancelOutcome extends CborSerializable {
  record Acknowledged(boolean venueSaysCancelled) implements CancelOutcome {}

  record Failed(String message) implements CancelOutcome {}
}
