package com.alphintra.infra.local;

/**
 * What an HTTP request got: a status and body, or no answer ({@code status} -1) with the reason in
 * the body.
 */
public record HttpAnswer(int status, String body) {

  public static HttpAnswer none(String reason) {
    return new HttpAnswer(-1, reason);
  }

  public boolean answered() {
    return status >= 0;
  }

  public boolean isOk() {
    return status >= 200 && status < 300;
  }

  /** The status and the first line of the body, for a report. */
  public String describe() {
    String first = body.strip().lines().findFirst().orElse("");
    if (first.length() > 160) {
      first = first.substring(0, 160) + "...";
    }
    return answered() ? status + (first.isEmpty() ? "" : " " + first) : "no answer: " + first;
  }
}
