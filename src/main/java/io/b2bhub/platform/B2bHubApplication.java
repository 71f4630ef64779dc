package io.b2bhub.platform;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Contact;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.OAuthFlow;
import org.eclipse.microprofile.openapi.annotations.security.OAuthFlows;
import org.eclipse.microprofile.openapi.annotations.security.OAuthScope;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.security.SecuritySchemes;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The hub's REST surface: everything under {@code /api}, versioned below it. */
@ApplicationPath("/api")
@OpenAPIDefinition(
    info =
        @Info(
            title = "B2B Hub API",
            version = "1",
            description =
                "Partner and webshop contract API. Every error is application/problem+json with a"
                    + " stable `code` (see the error catalogue); every response carries"
                    + " X-Correlation-ID.",
            contact = @Contact(name = "B2B Hub operations")),
    tags = {
      @Tag(name = "Partner profile", description = "What a partner can read about itself."),
      @Tag(name = "Admin: partners", description = "Partner registry and credentials."),
      @Tag(name = "Admin: audit", description = "The audit log of contract calls.")
    })
@SecuritySchemes({
  @SecurityScheme(
      securitySchemeName = "partnerOAuth",
      type = SecuritySchemeType.OAUTH2,
      description =
          "OAuth2 client credentials. Token endpoint: /oidc/endpoint/OP/token (HTTPS). The access"
              + " token is a JWT; send it as `Authorization: Bearer <token>`.",
      flows =
          @OAuthFlows(
              clientCredentials =
                  @OAuthFlow(
                      tokenUrl = "/oidc/endpoint/OP/token",
                      scopes = {
                        @OAuthScope(name = "partner:read", description = "Read own profile"),
                        @OAuthScope(name = "orders:read", description = "Export orders"),
                        @OAuthScope(name = "customers:read", description = "Export customers"),
                        @OAuthScope(name = "erp.orders:write", description = "Send orders"),
                        @OAuthScope(name = "erp.customers:write", description = "Send customers"),
                        @OAuthScope(name = "events:write", description = "Hand in events"),
                        @OAuthScope(name = "invoices:read", description = "Fetch invoices")
                      }))),
  @SecurityScheme(
      securitySchemeName = "operatorBasic",
      type = SecuritySchemeType.HTTP,
      scheme = "basic",
      description = "Operators in the hub-admin role.")
})
public class B2bHubApplication extends Application {}
