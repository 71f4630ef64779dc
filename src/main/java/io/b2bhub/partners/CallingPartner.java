package io.b2bhub.partners;

import io.b2bhub.platform.ErrorCode;
import io.b2bhub.platform.ProblemException;
import jakarta.enterprise.context.RequestScoped;

/** The partner the current request was authenticated as; set by {@link PartnerAccessFilter}. */
@RequestScoped
public class CallingPartner {
  private String partnerId;

  void set(String partnerId) {
    this.partnerId = partnerId;
  }

  public String partnerId() {
    if (partnerId == null) {
      throw new ProblemException(ErrorCode.AUTHENTICATION_REQUIRED, "No partner is calling.");
    }
    return partnerId;
  }

  /**
   * Hides other partners' data: asking for another partner's resource answers exactly as if it did
   * not exist, so ids cannot be probed.
   */
  public void requireSelf(String requestedPartnerId) {
    if (!partnerId().equals(requestedPartnerId)) {
      throw new ProblemException(
          ErrorCode.PARTNER_NOT_FOUND, "No partner with id " + requestedPartnerId + ".");
    }
  }
}
