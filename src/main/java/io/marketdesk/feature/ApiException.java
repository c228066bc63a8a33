package io.marketdesk.feature;

/**
 * An API error: answered as JSON {@code {"status": N, "error": "message"}} with that HTTP status
 * (400 bad input, 401, 404, 409 conflict, 422 refused by a rule).
 */
public final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;

  public ApiException(int status, String message) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }

  public static ApiException badRequest(String m) {
    return new ApiException(400, m);
  }

  public static ApiException notFound(String m) {
    return new ApiException(404, m);
  }

  public static ApiException conflict(String m) {
    return new ApiException(409, m);
  }

  public static ApiException refused(String m) {
    return new ApiException(422, m);
  }
}
