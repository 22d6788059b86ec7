package io.strikeswarm.http.api;

import java.util.List;
import org.apache.pekko.event.LoggingAdapter;
import org.apache.pekko.http.ParsingErrorHandler;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.scaladsl.model.ErrorInfo;
import org.apache.pekko.http.scaladsl.model.StatusCode;
import org.apache.pekko.http.scaladsl.settings.ServerSettings;

/**
 * Answers requests too broken to route (bad request line, unknown method, unsupported HTTP version, oversized
 * headers) in the API's JSON error shape. An unknown method or HTTP version is the client's error here, so it is
 * answered 400 rather than the 501 / 505 a general-purpose server would send: bad input never gets a 5xx.
 * Configured as {@code pekko.http.server.parsing.error-handler}.
 */
public final class ParsingErrors extends ParsingErrorHandler {
  @Override
  public HttpResponse handle(StatusCode status, ErrorInfo info, LoggingAdapter log, ServerSettings settings) {
    int code = status.intValue() >= 500 ? 400 : status.intValue();
    String message = info.summary() == null || info.summary().isBlank() ? status.reason() : info.summary();
    if (message.length() > 200) message = message.substring(0, 200);
    return Responses.error(code, code == 413 ? "too_large" : "bad_request", message, List.of());
  }
}
