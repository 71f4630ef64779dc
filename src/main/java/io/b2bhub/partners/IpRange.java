package io.b2bhub.partners;

import io.b2bhub.platform.ErrorCode;
import io.b2bhub.platform.ProblemException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** An IPv4 or IPv6 address range in CIDR notation; a bare address is a range of one. */
public record IpRange(byte[] network, int prefixLength) {
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

  public static IpRange parse(String cidr) {
    String text = cidr == null ? "" : cidr.trim();
    int slash = text.indexOf('/');
    String address = slash < 0 ? text : text.substring(0, slash);
    // Only literals: a host name here would trigger a DNS lookup and an allowlist that drifts.
    if (!IPV4.matcher(address).matches() && !IPV6.matcher(address).matches()) {
      throw invalid(cidr);
    }
    byte[] bytes = literal(address, cidr);
    int bits = bytes.length * 8;
    int prefix;
    try {
      prefix = slash < 0 ? bits : Integer.parseInt(text.substring(slash + 1));
    } catch (NumberFormatException e) {
      throw invalid(cidr);
    }
    if (prefix < 0 || prefix > bits) {
      throw invalid(cidr);
    }
    return new IpRange(mask(bytes, prefix), prefix);
  }

  public boolean contains(String address) {
    if (address == null || (!IPV4.matcher(address).matches() && !IPV6.matcher(address).matches())) {
      return false;
    }
    byte[] candidate;
    try {
      candidate = InetAddress.getByName(address).getAddress();
    } catch (UnknownHostException e) {
      return false;
    }
    return candidate.length == network.length
        && new BigInteger(1, mask(candidate, prefixLength)).equals(new BigInteger(1, network));
  }

  /** The canonical text, e.g. "10.1.0.0/16" for "10.1.2.3/16". */
  public String normalized() {
    try {
      return InetAddress.getByAddress(network).getHostAddress() + "/" + prefixLength;
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] literal(String address, String original) {
    try {
      return InetAddress.getByName(address).getAddress();
    } catch (UnknownHostException e) {
      throw invalid(original);
    }
  }

  private static byte[] mask(byte[] address, int prefix) {
    byte[] masked = address.clone();
    for (int i = 0; i < masked.length; i++) {
      int keep = Math.max(0, Math.min(8, prefix - i * 8));
      masked[i] = (byte) (masked[i] & (0xFF << (8 - keep)));
    }
    return masked;
  }

  private static ProblemException invalid(String cidr) {
    return new ProblemException(
        ErrorCode.VALIDATION_FAILED,
        "Not an IP address range in CIDR notation (e.g. 203.0.113.0/24): " + cidr);
  }
}
