package io.b2bhub.partners;

import com.ibm.websphere.crypto.InvalidPasswordEncodingException;
import com.ibm.websphere.crypto.PasswordUtil;
import com.ibm.websphere.crypto.UnsupportedCryptoAlgorithmException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Registers partner OAuth clients in the database store of Liberty's OAuth provider, in the same
 * transaction as the partner's own rows. The secret is written already hashed (PBKDF2, via
 * Liberty's PasswordUtil with the parameters the provider itself uses), so no readable secret is
 * ever stored.
 */
@ApplicationScoped
public class OAuthClientStore {
  /** The id of the {@code <oauthProvider>} element in security.xml. */
  static final String PROVIDER_ID = "b2bhubOAuth";

  private static final String HASH_ALGORITHM = "PBKDF2WithHmacSHA512";
  private static final int HASH_ITERATIONS = 2048;
  private static final int HASH_LENGTH = 32;
  private static final Pattern SQL_IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

  @PersistenceContext(unitName = "b2bhub")
  EntityManager em;

  @Inject
  @ConfigProperty(name = "OAUTH_DB_SCHEMA", defaultValue = "oauthdbschema")
  String schema;

  @Inject
  @ConfigProperty(name = "JWT_AUDIENCE", defaultValue = "b2bhub-api")
  String audience;

  private final SecureRandom random = new SecureRandom();

  @Transactional(Transactional.TxType.MANDATORY)
  public void register(String clientId, String secret, String displayName, List<String> scopes) {
    byte[] saltBytes = new byte[32];
    random.nextBytes(saltBytes);
    String salt = Base64.getEncoder().encodeToString(saltBytes);
    String scope = String.join(" ", scopes);
    String metadata =
        Json.createObjectBuilder()
            .add("client_secret", hash(secret, salt))
            .add("salt", salt)
            .add("hash_alg", HASH_ALGORITHM)
            .add("hash_itr", HASH_ITERATIONS)
            .add("hash_len", HASH_LENGTH)
            .add("client_name", displayName)
            .add("grant_types", Json.createArrayBuilder().add("client_credentials"))
            .add("response_types", Json.createArrayBuilder())
            .add("redirect_uris", Json.createArrayBuilder())
            .add("scope", scope)
            .add("preauthorized_scope", scope)
            .add("token_endpoint_auth_method", "client_secret_basic")
            .add("resource_ids", Json.createArrayBuilder().add(audience))
            .add("introspect_tokens", false)
            .build()
            .toString();
    em.createNativeQuery(
            "INSERT INTO "
                + table()
                + " (componentid, clientid, clientsecret, displayname, redirecturi, enabled,"
                + " clientmetadata) VALUES (?, ?, NULL, ?, NULL, 1, ?)")
        .setParameter(1, PROVIDER_ID)
        .setParameter(2, clientId)
        .setParameter(3, clientId)
        .setParameter(4, metadata)
        .executeUpdate();
  }

  /**
   * A disabled client can no longer obtain tokens; tokens already issued are refused by the API.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void setEnabled(String clientId, boolean enabled) {
    em.createNativeQuery(
            "UPDATE " + table() + " SET enabled = ? WHERE componentid = ? AND clientid = ?")
        .setParameter(1, enabled ? 1 : 0)
        .setParameter(2, PROVIDER_ID)
        .setParameter(3, clientId)
        .executeUpdate();
  }

  /**
   * Disables every still-enabled client whose partner credential is past its rotation overlap, in
   * one statement; returns how many it disabled (0 once they are all off).
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public int disableExpired(OffsetDateTime now) {
    return em.createNativeQuery(
            "UPDATE "
                + table()
                + " SET enabled = 0 WHERE componentid = ? AND enabled = 1 AND clientid IN"
                + " (SELECT lookup_key FROM partner_credential WHERE kind = 'OAUTH_CLIENT'"
                + " AND revoked_at IS NULL AND expires_at <= ?)")
        .setParameter(1, PROVIDER_ID)
        .setParameter(2, now)
        .executeUpdate();
  }

  private String table() {
    if (!SQL_IDENTIFIER.matcher(schema).matches()) {
      throw new IllegalStateException("OAUTH_DB_SCHEMA is not a plain SQL identifier");
    }
    return schema + ".oauth20clientconfig";
  }

  private static String hash(String secret, String salt) {
    Map<String, String> properties = new HashMap<>();
    properties.put(PasswordUtil.PROPERTY_HASH_ALGORITHM, HASH_ALGORITHM);
    properties.put(PasswordUtil.PROPERTY_HASH_SALT, salt);
    properties.put(PasswordUtil.PROPERTY_HASH_ITERATION, Integer.toString(HASH_ITERATIONS));
    properties.put(PasswordUtil.PROPERTY_HASH_LENGTH, Integer.toString(HASH_LENGTH));
    properties.put(PasswordUtil.PROPERTY_NO_TRIM, "true");
    try {
      return PasswordUtil.encode(secret, "hash", properties);
    } catch (UnsupportedCryptoAlgorithmException | InvalidPasswordEncodingException e) {
      throw new IllegalStateException("Liberty cannot hash client secrets", e);
    }
  }
}
