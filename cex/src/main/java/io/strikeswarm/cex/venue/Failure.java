package io.strikeswarm.cex.venue;

import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.knowm.xchange.exceptions.CurrencyPairNotValidException;
import org.knowm.xchange.exceptions.ExchangeException;
import org.knowm.xchange.exceptions.ExchangeSecurityException;
import org.knowm.xchange.exceptions.ExchangeUnavailableException;
import org.knowm.xchange.exceptions.FrequencyLimitExceededException;
import org.knowm.xchange.exceptions.FundsExceededException;
import org.knowm.xchange.exceptions.InstrumentNotValidException;
import org.knowm.xchange.exceptions.InternalServerException;
import org.knowm.xchange.exceptions.MarketSuspendedException;
import org.knowm.xchange.exceptions.NonceException;
import org.knowm.xchange.exceptions.NotAvailableFromExchangeException;
import org.knowm.xchange.exceptions.OperationTimeoutException;
import org.knowm.xchange.exceptions.OrderAmountUnderMinimumException;
import org.knowm.xchange.exceptions.OrderNotValidException;
import org.knowm.xchange.exceptions.RateLimitExceededException;
import org.knowm.xchange.exceptions.SystemOverloadException;

/**
 * What an exception thrown by an XChange call means for us. A venue's explicit refusal is final; anything that
 * leaves the request's fate open (I/O, timeouts, server errors, overload, an unexpected exception in an adapter
 * after the request may have gone out) is {@link #transientFailure() transient}: a read may be retried, a place's
 * outcome is unknown.
 */
public record Failure(RejectReason reason, boolean transientFailure, String message) {

  public static Failure of(Throwable thrown) {
    Throwable t = unwrap(thrown);
    String message = describe(t);
    if (t instanceof FundsExceededException) return refused(RejectReason.INSUFFICIENT_FUNDS, message);
    if (t instanceof OrderAmountUnderMinimumException || t instanceof OrderNotValidException) {
      return refused(RejectReason.INVALID_ORDER, message);
    }
    if (t instanceof CurrencyPairNotValidException || t instanceof InstrumentNotValidException) {
      return refused(RejectReason.UNKNOWN_INSTRUMENT, message);
    }
    if (t instanceof MarketSuspendedException) return refused(RejectReason.MARKET_SUSPENDED, message);
    // A nonce error is a refusal of the signature (the request was not executed), but worth retrying for reads.
    if (t instanceof NonceException) return new Failure(RejectReason.AUTHENTICATION, true, message);
    if (t instanceof ExchangeSecurityException) return refused(RejectReason.AUTHENTICATION, message);
    if (t instanceof RateLimitExceededException || t instanceof FrequencyLimitExceededException) {
      return new Failure(RejectReason.RATE_LIMITED, true, message);
    }
    if (t instanceof NotAvailableFromExchangeException) return refused(RejectReason.VENUE_ERROR, message);
    if (t instanceof ExchangeUnavailableException || t instanceof InternalServerException
        || t instanceof SystemOverloadException || t instanceof OperationTimeoutException
        || t instanceof IOException || t instanceof TimeoutException || hasIoCause(t)) {
      return new Failure(RejectReason.VENUE_ERROR, true, message);
    }
    if (t instanceof ExchangeException) {
      String lower = message.toLowerCase(Locale.ROOT);
      if (lower.contains("insufficient") && (lower.contains("balance") || lower.contains("fund"))) {
        return refused(RejectReason.INSUFFICIENT_FUNDS, message);
      }
      if (lower.contains("minimum") || lower.contains("scale") || lower.contains("price")
          || lower.contains("liquidity") || lower.contains("invalid")) {
        return refused(RejectReason.INVALID_ORDER, message);
      }
      return refused(RejectReason.VENUE_ERROR, message);
    }
    return new Failure(RejectReason.VENUE_ERROR, true, message);
  }

  /**
   * A place whose exception was a venue's rate-limit answer is refused, not unknown: venues answer 429 before
   * they execute anything. Every other transient failure leaves the order's existence open.
   */
  public PlaceOutcome asPlaceOutcome() {
    if (transientFailure && reason != RejectReason.RATE_LIMITED && reason != RejectReason.AUTHENTICATION) {
      return new PlaceOutcome.Unknown(message);
    }
    return new PlaceOutcome.Rejected(reason, message);
  }

  private static Failure refused(RejectReason reason, String message) {
    return new Failure(reason, false, message);
  }

  private static Throwable unwrap(Throwable t) {
    Throwable c = t;
    while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
      c = c.getCause();
    }
    return c;
  }

  private static boolean hasIoCause(Throwable t) {
    for (Throwable c = t.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
      if (c instanceof IOException) return true;
    }
    return false;
  }

  private static String describe(Throwable t) {
    String m = t.getMessage();
    return t.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m);
  }
}
