package com.alphintra.infra.image;

import com.alphintra.infra.error.OperationFailedException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Asks a registry whether it holds a tag, over the registry HTTP API ({@code HEAD
 * /v2/NAME/manifests/TAG}), with the Docker token flow when the registry asks for it: so a push
 * that is already there can be skipped, which a registry with immutable tags requires.
 */
public final class RegistryManifests {

  private static final Duration TIMEOUT = Duration.ofSeconds(20);
  private static final String ACCEPT =
      String.join(
          ", ",
          "application/vnd.oci.image.index.v1+json",
          "application/vnd.oci.image.manifest.v1+json",
          "application/vnd.docker.distribution.manifest.list.v2+json",
          "application/vnd.docker.distribution.manifest.v2+json");
  private static final Pattern CHALLENGE_PARAMETER = Pattern.compile("(\\w+)=\"([^\"]*)\"");

  private final HttpClient client =
      HttpClient.newBuilder()
          .connectTimeout(TIMEOUT)
          .followRedirects(HttpClient.Redirect.NORMAL)
          .build();

  /**
   * The digest the registry serves {@code reference} under, or empty when it has no such tag.
   *
   * @throws OperationFailedException when the registry cannot be asked or refuses
   */
  public Optional<String> digestOf(String reference, Optional<RegistryCredential> credential) {
    ImageReference image;
    try {
      image = ImageReference.parse(reference);
    } catch (InvalidImageReferenceException e) {
      throw new OperationFailedException(
          "invalid image reference: " + reference, "check the registry and the image name");
    }
    String scheme = ImageBuilder.isLoopbackRegistry(reference) ? "http" : "https";
    URI uri =
        URI.create(
            scheme
                + "://"
                + image.getRegistry()
                + "/v2/"
                + image.getRepository()
                + "/manifests/"
                + image.getQualifier());
    try {
      HttpResponse<Void> response = head(uri, Optional.empty());
      if (response.statusCode() == 401) {
        Optional<String> authorization =
            authorization(
                response.headers().firstValue("WWW-Authenticate").orElse(""),
                credential,
                reference);
        response = head(uri, authorization);
      }
      return switch (response.statusCode()) {
        case 200 ->
            Optional.of(
                response
                    .headers()
                    .firstValue("Docker-Content-Digest")
                    .orElseThrow(
                        () ->
                            new OperationFailedException(
                                image.getRegistry()
                                    + " answered without a Docker-Content-Digest for "
                                    + reference,
                                "is it a container registry (distribution API v2)?")));
        case 404 -> Optional.empty();
        default ->
            throw new OperationFailedException(
                image.getRegistry()
                    + " refused to say whether it holds "
                    + reference
                    + ": HTTP "
                    + response.statusCode(),
                "check that the credentials may read the repository (roles/artifactregistry.reader)");
      };
    } catch (IOException e) {
      throw new OperationFailedException(
          "cannot reach " + image.getRegistry() + " for " + reference + ": " + e.getMessage(),
          "check the network and the registry's address");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OperationFailedException("interrupted while asking for " + reference, "run again");
    }
  }

  private HttpResponse<Void> head(URI uri, Optional<String> authorization)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .header("Accept", ACCEPT)
            .method("HEAD", HttpRequest.BodyPublishers.noBody())
            .timeout(TIMEOUT);
    authorization.ifPresent(value -> request.header("Authorization", value));
    return client.send(request.build(), HttpResponse.BodyHandlers.discarding());
  }

  /** Answers a {@code Basic} or {@code Bearer} challenge (the token flow) with the credential. */
  private Optional<String> authorization(
      String challenge, Optional<RegistryCredential> credential, String reference)
      throws IOException, InterruptedException {
    Optional<String> basic =
        credential.map(
            given ->
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString(
                            (given.username() + ":" + given.secret())
                                .getBytes(StandardCharsets.UTF_8)));
    if (!challenge.regionMatches(true, 0, "Bearer", 0, 6)) {
      return basic;
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    Matcher matcher = CHALLENGE_PARAMETER.matcher(challenge);
    while (matcher.find()) {
      parameters.put(matcher.group(1), matcher.group(2));
    }
    String realm = parameters.remove("realm");
    if (realm == null) {
      return basic;
    }
    StringBuilder query = new StringBuilder();
    parameters.forEach(
        (name, value) ->
            query
                .append(query.length() == 0 ? "?" : "&")
                .append(name)
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
    HttpRequest.Builder tokenRequest =
        HttpRequest.newBuilder(URI.create(realm + query)).timeout(TIMEOUT).GET();
    basic.ifPresent(value -> tokenRequest.header("Authorization", value));
    HttpResponse<String> answer =
        client.send(tokenRequest.build(), HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != 200) {
      throw new OperationFailedException(
          "the registry's token service refused access to "
              + reference
              + ": HTTP "
              + answer.statusCode(),
          "check the credentials (gcloud auth application-default login, or the CI's Workload"
              + " Identity Federation)");
    }
    JsonNode token = new ObjectMapper().readTree(answer.body());
    String value = token.path("token").asText(token.path("access_token").asText(""));
    return value.isEmpty() ? basic : Optional.of("Bearer " + value);
  }
}
