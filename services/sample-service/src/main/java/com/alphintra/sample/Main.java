package com.alphintra.sample;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Starts one instance from its environment and stops it gracefully on SIGTERM (the JVM's shutdown
 * hook).
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) throws IOException {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    ServiceConfig config;
    try {
      config = ServiceConfig.fromEnvironment(System.getenv());
    } catch (ConfigException e) {
      out.println(
          JsonText.object(
              java.util.Map.of(
                  "level", "ERROR", "msg", "invalid configuration", "error", e.getMessage())));
      System.exit(2);
      return;
    }
    SampleServer server = SampleServer.start(config, out::println);
    Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown, "sigterm"));
  }
}
