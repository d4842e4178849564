package com.alphintra.infra.check.rules.net;

import java.util.Optional;

/**
 * An IPv4 prefix such as {@code 10.10.0.0/20}, as a first and last address.
 *
 * @param first the first address, as an unsigned 32-bit number
 * @param prefixLength the prefix length, 0 to 32
 */
record Cidr(long first, int prefixLength) {

  /**
   * The prefix written in {@code text}, if it is an IPv4 CIDR; IPv6 and malformed text are empty.
   */
  static Optional<Cidr> parse(String text) {
    String[] parts = text.strip().split("/");
    if (parts.length != 2) {
      return Optional.empty();
    }
    String[] octets = parts[0].split("\\.");
    if (octets.length != 4) {
      return Optional.empty();
    }
    try {
      long address = 0;
      for (String octet : octets) {
        int value = Integer.parseInt(octet);
        if (value < 0 || value > 255) {
          return Optional.empty();
        }
        address = address << 8 | value;
      }
      int length = Integer.parseInt(parts[1]);
      if (length < 0 || length > 32) {
        return Optional.empty();
      }
      long mask = length == 0 ? 0 : (0xFFFFFFFFL << (32 - length)) & 0xFFFFFFFFL;
      return Optional.of(new Cidr(address & mask, length));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  long size() {
    return 1L << (32 - prefixLength);
  }

  long last() {
    return first + size() - 1;
  }

  boolean overlaps(Cidr other) {
    return first <= other.last() && other.first <= last();
  }

  @Override
  public String toString() {
    return (first >> 24 & 255)
        + "."
        + (first >> 16 & 255)
        + "."
        + (first >> 8 & 255)
        + "."
        + (first & 255)
        + "/"
        + prefixLength;
  }
}
