package io.b2bhub.partners;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A request to register a partner. The hub issues an OAuth client (with {@code scopes}, or the
 * default scopes) and, when {@code security} names hmac, a webhook secret; {@code ipAllowlist}
 * restricts where the partner may call from.
 */
public record NewPartner(
    @NotBlank @Pattern(regexp = PartnerDirectory.PARTNER_ID_PATTERN) String partnerId,
    @NotBlank @Size(max = 200) String name,
    @NotBlank @Size(max = 64) String mode,
    @NotBlank @Size(max = 128) String security,
    @NotBlank @Email @Size(max = 320) String contact,
    @Size(max = 500) String sla,
    @Size(max = 20) List<@Pattern(regexp = "[a-z][a-z0-9_-]{0,31}") String> flows,
    @Size(max = 20) List<@NotBlank String> scopes,
    @Size(max = 50) List<@NotBlank String> ipAllowlist,
    @Pattern(regexp = RateLimit.PATTERN) String rateLimit) {

  public PartnerDetails details() {
    return new PartnerDetails(name, mode, security, contact, sla, flows, rateLimit);
  }
}
