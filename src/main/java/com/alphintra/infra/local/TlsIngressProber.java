package com.alphintra.infra.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * An HTTPS request to 127.0.0.1 with the gateway's host name as SNI and Host header, trusting only
 * the local CA: an answer proves the published port, the gateway, its certificate and its routing
 * work. Any HTTP status counts as an answer; the platform's own services may not be deployed yet.
 */
public final class TlsIngressProber implements IngressProber {

  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final Path caCertificate;

  public TlsIngressProber(Path caCertificate) {
    this.caCertificate = caCertificate;
  }

  @Override
  public ProbeResult probe(String host, int port) {
    if (!Files.isRegularFile(caCertificate)) {
      return new ProbeResult(false, "no local CA at " + caCertificate + " (run 'alphintra up')");
    }
    try (Socket plain = new Socket()) {
      plain.connect(new InetSocketAddress("127.0.0.1", port), (int) TIMEOUT.toMillis());
      plain.setSoTimeout((int) TIMEOUT.toMillis());
      try (SSLSocket socket =
          (SSLSocket)
              LocalCertificateAuthority.trustingOnly(caCertificate)
                  .getSocketFactory()
                  .createSocket(plain, host, port, true)) {
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setServerNames(List.of(new SNIHostName(host)));
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        socket.setSSLParameters(parameters);
        OutputStream out = socket.getOutputStream();
        out.write(
            ("GET / HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String status =
            new BufferedReader(
                    new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                .readLine();
        return status != null && status.startsWith("HTTP/")
            ? new ProbeResult(true, "https://" + host + ":" + port + " answered " + status.strip())
            : new ProbeResult(
                false, "https://" + host + ":" + port + " closed without an HTTP answer");
      }
    } catch (IOException | GeneralSecurityException e) {
      return new ProbeResult(
          false, "https://" + host + ":" + port + " via 127.0.0.1: " + e.getMessage());
    }
  }
}
