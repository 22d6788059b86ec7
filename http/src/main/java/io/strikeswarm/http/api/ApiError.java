package io.strikeswarm.http.api;

/**
 * A refusal the API answers with instead of doing anything: status, a stable code, a message for people, and the
 * request field at fault when there is one. Thrown by validation, caught by the routes' handler.
 */
public final class ApiError extends RuntimeException {
  private final int status;
  private final String code;
  private final String field;

  public ApiError(int status, String code, String message, String field) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.field = field;
  }

  public static ApiError badRequest(String field, String message) {
    return new ApiError(400, "bad_request", field == null ? message : field + ": " + message, field);
  }

  public static ApiError notFound(String message) {
    return new ApiError(404, "not_found", message, null);
  }

  /** A bot id that is on no roster (the API never asks sharding for it: that would create the bot). */
  public static ApiError unknownBot(String id) {
    return notFound("unknown bot '" + Params.clip(id) + "' (ids look like long-07, short-12, amm-31)");
  }

  public static ApiError conflict(String message) {
    return new ApiError(409, "conflict", message, null);
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public String field() {
    return field;
  }

  /** The JSON body of every error the API sends. */
  public record Body(Detail error) {
    public record Detail(int status, String code, String message, String field) {}
  }

  public Body body() {
    return new Body(new Body.Detail(status, code, getMessage(), field));
  }

  public static Body body(int status, String code, String message) {
    return new Body(new Body.Detail(status, code, message, null));
  }
}
