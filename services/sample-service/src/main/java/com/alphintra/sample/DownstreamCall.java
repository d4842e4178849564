package com.alphintra.sample;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The outcome of one call to a downstream service.
 *
 * @param target the downstream's base URL
 * @param status the HTTP status it answered, or empty when no answer came (refused, timed out)
 * @param error why no answer came, or empty
 * @param body its response body (JSON from another sample service, or the mesh's text such as
 *     {@code RBAC: access denied})
 * @param duration how long the call took
 */
public record DownstreamCall(
    URI target, Optional<Integer> status, Optional<String> error, String body, Duration duration) {

  public boolean succeeded() {
    return status.map(code -> code >= 200 && code < 300).orElse(false);
  }

  /** For metrics: the status code, or the kind of error. */
  public String outcome() {
    return status.map(String::valueOf).orElseGet(() -> error.orElse("error"));
  }

  /**
   * This call as a JSON object; a downstream's JSON body is nested as it is, so the tree shows the
   * graph.
   */
  public String toJson() {
    java.util.Map<String, Object> fields = new java.util.LinkedHashMap<>();
    fields.put("target", target.toString());
    fields.put("status", status.orElse(null));
    error.ifPresent(message -> fields.put("error", message));
    fields.put("durationMs", duration.toMillis());
    String trimmed = body.strip();
    if (trimmed.startsWith("{") && trimmed.endsWith("}")) {
      fields.put("response", new JsonText.RawJson(trimmed));
    } else if (!trimmed.isEmpty()) {
      fields.put("response", trimmed.length() > 200 ? trimmed.substring(0, 200) : trimmed);
    }
    return JsonText.object(fields);
  }
}
