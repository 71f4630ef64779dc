package io.b2bhub.partners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.b2bhub.platform.ProblemException;
import org.junit.jupiter.api.Test;

class IpRangeTest {
  @Test
  void ipv4RangeContainsItsAddressesOnly() {
    IpRange range = IpRange.parse("203.0.113.77/24");
    assertEquals("203.0.113.0/24", range.normalized());
    assertTrue(range.contains("203.0.113.1"));
    assertTrue(range.contains("203.0.113.255"));
    assertFalse(range.contains("203.0.114.1"));
    assertFalse(range.contains("::1"));
  }

  @Test
  void bareAddressIsARangeOfOne() {
    IpRange range = IpRange.parse("127.0.0.1");
    assertEquals("127.0.0.1/32", range.normalized());
    assertTrue(range.contains("127.0.0.1"));
    assertFalse(range.contains("127.0.0.2"));
  }

  @Test
  void ipv6RangesWork() {
    IpRange range = IpRange.parse("2001:db8::/32");
    assertTrue(range.contains("2001:db8:1::5"));
    assertFalse(range.contains("2001:db9::1"));
    assertTrue(IpRange.parse("::1/128").contains("0:0:0:0:0:0:0:1"));
  }

  @Test
  void oddPrefixesMaskPartialBytes() {
    IpRange range = IpRange.parse("10.0.0.0/12");
    assertTrue(range.contains("10.15.255.255"));
    assertFalse(range.contains("10.16.0.0"));
  }

  @Test
  void hostNamesAndNonsenseAreRefusedWithoutLookingThemUp() {
    for (String bad : new String[] {"intranet.example", "10.0.0.0/33", "10.0.0.0/x", "", "1.2.3"}) {
      assertThrows(ProblemException.class, () -> IpRange.parse(bad), bad);
    }
    assertFalse(IpRange.parse("10.0.0.0/8").contains("localhost"));
  }
}
