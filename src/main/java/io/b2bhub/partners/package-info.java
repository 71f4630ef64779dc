/**
 * The partner registry: who the hub's trading partners are, their status (onboarding, certified,
 * live, suspended), and their credentials (OAuth clients, webhook secrets, SSH public keys, IP
 * allowlists). Also decides, per request, which partner is calling and whether it may.
 *
 * <p>Uses the platform only. Other capabilities ask it questions through {@link
 * io.b2bhub.partners.PartnerDirectory} and {@link io.b2bhub.partners.CallingPartner}; they never
 * read its tables.
 */
package io.b2bhub.partners;
