package com.alphintra.infra.cloud;

import java.util.Locale;

/** The Google Cloud environments, each a root under infra/terraform/environments/. */
public enum Environment {
  DEV,
  STAGING,
  PROD;

  /** The folder name and the name people type: {@code dev}, {@code staging}, {@code prod}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Production changes need a typed confirmation; mistakes there cost money and customer trust. */
  public boolean needsConfirmation() {
    return this == PROD;
  }
}
