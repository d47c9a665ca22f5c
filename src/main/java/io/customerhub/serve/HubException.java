package io.customerhub.serve;

/**
 * A failure with an HTTP meaning. Every error the API answers is one of these, rendered once as
 * {@code application/problem+json} by {@link Problems}; anything else becomes a 500 without internals.
 */
public class HubException extends RuntimeException {

  private final int status;
  private final String title;

  public HubException(int status, String title, String detail) {
    super(detail, null, false, false);
    this.status = status;
    this.title = title;
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  public static HubException invalid(String detail) {
    return new HubException(400, "Invalid request", detail);
  }

  public static HubException notFound(String detail) {
    return new HubException(404, "Not found", detail);
  }

  public static HubException tooLarge(String detail) {
    return new HubException(413, "Payload too large", detail);
  }

  public static HubException unsupportedMediaType(String detail) {
    return new HubException(415, "Unsupported media type", detail);
  }

  public static HubException gone(String detail) {
    return new HubException(410, "Gone", detail);
  }

  public static HubException unavailable(String detail) {
    return new HubException(503, "Service unavailable", detail);
  }

  public static HubException conflict(String detail) {
    return new HubException(409, "Conflict", detail);
  }

  public static HubException preconditionFailed(String detail) {
    return new HubException(412, "Precondition failed", detail);
  }
}
