package io.b2bhub.partners;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The editable description of a partner: the seed registry's fields, the flows named in its
 * integration spec header, and its rate limit (e.g. "120/1m"; absent: the configured default).
 */
public record PartnerDetails(
    @NotBlank @Size(max = 200) String name,
    @NotBlank @Size(max = 64) String mode,
    @NotBlank @Size(max = 128) String security,
    @NotBlank @Email @Size(max = 320) String contact,
    @Size(max = 500) String sla,
    @Size(max = 20) List<@Pattern(regexp = "[a-z][a-z0-9_-]{0,31}") String> flows,
    @Pattern(regexp = RateLimit.PATTERN) String rateLimit) {}
