package com.alphintra.sample;

/** The environment does not describe a valid instance; the message says which variable and why. */
public final class ConfigException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }
}
