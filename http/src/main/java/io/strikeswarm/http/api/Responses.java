package io.strikeswarm.http.api;

import io.strikeswarm.http.json.ApiJson;
import java.util.List;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpHeader;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;

/** JSON responses, built once (no marshalling machinery on the hot path). */
public final class Responses {
  private Responses() {}

  public static HttpResponse json(int status, Object body) {
    return HttpResponse.create().withStatus(StatusCodes.get(status))
        .withEntity(ContentTypes.APPLICATION_JSON, ApiJson.write(body));
  }

  public static HttpResponse ok(Object body) {
    return json(200, body);
  }

  public static HttpResponse error(ApiError e) {
    return json(e.status(), e.body());
  }

  public static HttpResponse error(int status, String code, String message, List<HttpHeader> headers) {
    return json(status, ApiError.body(status, code, message)).addHeaders(headers);
  }
}
