package io.strikeswarm.cex.venue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.knowm.xchange.currency.CurrencyPair;
import org.knowm.xchange.exceptions.CurrencyPairNotValidException;
import org.knowm.xchange.exceptions.ExchangeException;
import org.knowm.xchange.exceptions.ExchangeSecurityException;
import org.knowm.xchange.exceptions.ExchangeUnavailableException;
import org.knowm.xchange.exceptions.FundsExceededException;
import org.knowm.xchange.exceptions.InternalServerException;
import org.knowm.xchange.exceptions.RateLimitExceededException;

/** What an XChange exception means for a place: refused for sure, or of unknown outcome. */
class FailureTest {

  private static PlaceOutcome place(Throwable t) {
    return Failure.of(t).asPlaceOutcome();
  }

  private static RejectReason rejected(Throwable t) {
    PlaceOutcome o = place(t);
    assertThat(o).as("%s", t).isInstanceOf(PlaceOutcome.Rejected.class);
    return ((PlaceOutcome.Rejected) o).reason();
  }

  @Test
  void the_venues_explicit_refusals_are_rejections_with_their_reason() {
    assertThat(rejected(new FundsExceededException("no money"))).isEqualTo(RejectReason.INSUFFICIENT_FUNDS);
    assertThat(rejected(new ExchangeException("Insufficient balance: 5 BTC required")))
        .isEqualTo(RejectReason.INSUFFICIENT_FUNDS);
    assertThat(rejected(new ExchangeException("Trade amount is 0.00001, minimum is 0.0001")))
        .isEqualTo(RejectReason.INVALID_ORDER);
    assertThat(rejected(new CurrencyPairNotValidException("nope", CurrencyPair.BTC_USD)))
        .isEqualTo(RejectReason.UNKNOWN_INSTRUMENT);
    assertThat(rejected(new ExchangeSecurityException("bad key"))).isEqualTo(RejectReason.AUTHENTICATION);
    assertThat(rejected(new RateLimitExceededException("429"))).isEqualTo(RejectReason.RATE_LIMITED);
    assertThat(rejected(new ExchangeException("something else"))).isEqualTo(RejectReason.VENUE_ERROR);
  }

  @Test
  void anything_that_leaves_the_request_open_makes_the_outcome_unknown() {
    assertThat(place(new SocketTimeoutException("Read timed out"))).isInstanceOf(PlaceOutcome.Unknown.class);
    assertThat(place(new IOException("reset"))).isInstanceOf(PlaceOutcome.Unknown.class);
    assertThat(place(new ExchangeUnavailableException("503"))).isInstanceOf(PlaceOutcome.Unknown.class);
    assertThat(place(new InternalServerException("500"))).isInstanceOf(PlaceOutcome.Unknown.class);
    assertThat(place(new ExchangeException("wrapped", new IOException("broken pipe"))))
        .isInstanceOf(PlaceOutcome.Unknown.class);
    assertThat(place(new NullPointerException("adapter bug"))).isInstanceOf(PlaceOutcome.Unknown.class);
    assertThat(place(new CompletionException(new SocketTimeoutException("late"))))
        .isInstanceOfSatisfying(PlaceOutcome.Unknown.class, u -> assertThat(u.message()).contains("late"));
  }

  @Test
  void transient_failures_are_the_retryable_ones_for_reads() {
    assertThat(Failure.of(new IOException("reset")).transientFailure()).isTrue();
    assertThat(Failure.of(new RateLimitExceededException("429")).transientFailure()).isTrue();
    assertThat(Failure.of(new ExchangeSecurityException("bad key")).transientFailure()).isFalse();
    assertThat(Failure.of(new FundsExceededException("no money")).transientFailure()).isFalse();
  }
}
