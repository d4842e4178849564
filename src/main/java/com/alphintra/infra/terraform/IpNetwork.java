package com.alphintra.infra.terraform;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An IPv4 or IPv6 prefix, for {@code cidrsubnet} and {@code cidrhost}; the address is kept as a
 * number.
 */
record IpNetwork(BigInteger address, int prefixLength, int bits) {

  static IpNetwork parse(String cidr) {
    int slash = cidr.indexOf('/');
    if (slash < 0) {
      throw new EvaluationException("\"" + cidr + "\" is not a CIDR prefix");
    }
    String ip = cidr.substring(0, slash);
    BigInteger address = ip.contains(":") ? parseIpv6(ip) : parseIpv4(ip);
    int bits = ip.contains(":") ? 128 : 32;
    int length = parseDecimal(cidr.substring(slash + 1), bits);
    BigInteger mask = BigInteger.ONE.shiftLeft(bits - length).subtract(BigInteger.ONE).not();
    return new IpNetwork(
        address.and(mask).and(BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)),
        length,
        bits);
  }

  /** The {@code netnum}-th subnet with {@code newBits} more prefix bits. */
  IpNetwork subnet(int newBits, BigInteger netnum) {
    if (newBits < 0 || prefixLength + newBits > bits) {
      throw new EvaluationException(
          "cannot extend a /" + prefixLength + " prefix by " + newBits + " bits");
    }
    if (netnum.signum() < 0 || netnum.bitLength() > newBits) {
      throw new EvaluationException(
          "network number " + netnum + " does not fit in " + newBits + " bits");
    }
    int length = prefixLength + newBits;
    return new IpNetwork(address.or(netnum.shiftLeft(bits - length)), length, bits);
  }

  /** The {@code hostnum}-th address; a negative number counts back from the last address. */
  BigInteger host(BigInteger hostnum) {
    BigInteger size = BigInteger.ONE.shiftLeft(bits - prefixLength);
    BigInteger offset = hostnum.signum() < 0 ? size.add(hostnum) : hostnum;
    if (offset.signum() < 0 || offset.compareTo(size) >= 0) {
      throw new EvaluationException(
          "host number " + hostnum + " is outside the /" + prefixLength + " prefix");
    }
    return address.add(offset);
  }

  String format() {
    return formatAddress(address) + "/" + prefixLength;
  }

  String formatAddress(BigInteger value) {
    if (bits == 32) {
      long v = value.longValue();
      return (v >> 24 & 255) + "." + (v >> 16 & 255) + "." + (v >> 8 & 255) + "." + (v & 255);
    }
    int[] groups = new int[8];
    for (int i = 0; i < 8; i++) {
      groups[i] = value.shiftRight(16 * (7 - i)).intValue() & 0xffff;
    }
    // RFC 5952: the longest run of two or more zero groups becomes "::" (the first such run on a
    // tie).
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < 8; ) {
      int j = i;
      while (j < 8 && groups[j] == 0) {
        j++;
      }
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
      i = j == i ? i + 1 : j;
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        out.append("::");
        i += bestLength - 1;
        continue;
      }
      if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
        out.append(':');
      }
      out.append(Integer.toHexString(groups[i]));
    }
    return out.toString().toLowerCase(Locale.ROOT);
  }

  private static BigInteger parseIpv4(String ip) {
    String[] parts = ip.split("\\.", -1);
    if (parts.length != 4) {
      throw new EvaluationException("\"" + ip + "\" is not an IPv4 address");
    }
    long value = 0;
    for (String part : parts) {
      value = value << 8 | parseDecimal(part, 255);
    }
    return BigInteger.valueOf(value);
  }

  private static BigInteger parseIpv6(String ip) {
    int doubleColon = ip.indexOf("::");
    if (doubleColon != ip.lastIndexOf("::") || ip.contains(":::")) {
      throw new EvaluationException("\"" + ip + "\" is not an IPv6 address");
    }
    List<Integer> head = groups(doubleColon < 0 ? ip : ip.substring(0, doubleColon));
    List<Integer> tail = doubleColon < 0 ? List.of() : groups(ip.substring(doubleColon + 2));
    int missing = 8 - head.size() - tail.size();
    if (doubleColon < 0 ? missing != 0 : missing < 1) {
      throw new EvaluationException("\"" + ip + "\" is not an IPv6 address");
    }
    BigInteger value = BigInteger.ZERO;
    List<Integer> all = new ArrayList<>(head);
    for (int i = 0; i < (doubleColon < 0 ? 0 : missing); i++) {
      all.add(0);
    }
    all.addAll(tail);
    for (int group : all) {
      value = value.shiftLeft(16).or(BigInteger.valueOf(group));
    }
    return value;
  }

  private static List<Integer> groups(String text) {
    List<Integer> groups = new ArrayList<>();
    if (text.isEmpty()) {
      return groups;
    }
    for (String part : text.split(":", -1)) {
      if (part.isEmpty()
          || part.length() > 4
          || !part.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
        throw new EvaluationException("\"" + text + "\" is not an IPv6 address");
      }
      groups.add(Integer.parseInt(part, 16));
    }
    return groups;
  }

  private static int parseDecimal(String text, int max) {
    if (text.isEmpty() || text.length() > 3 || !text.chars().allMatch(Character::isDigit)) {
      throw new EvaluationException("\"" + text + "\" is not a number from 0 to " + max);
    }
    int value = Integer.parseInt(text);
    if (value > max) {
      throw new EvaluationException(value + " is larger than " + max);
    }
    return value;
  }
}
