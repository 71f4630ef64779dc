package io.b2bhub.files;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.bouncycastle.openpgp.PGPSecretKeyRingCollection;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The hub's OpenPGP key, which partners encrypt their files to. Production supplies it (armored
 * secret key file and passphrase from configuration); the sandbox generates one on first use and
 * keeps it beside the files, so the public key partners were given stays valid across restarts.
 */
@ApplicationScoped
public class HubPgpKey {
  static final String SANDBOX_PASSPHRASE = "sandbox-pgp-passphrase";

  @Inject FileSettings settings;

  @Inject
  @ConfigProperty(name = "b2bhub.files.pgp.secret-key-file")
  Optional<String> secretKeyFile;

  @Inject
  @ConfigProperty(name = "b2bhub.files.pgp.passphrase", defaultValue = SANDBOX_PASSPHRASE)
  String passphrase;

  @Inject
  @ConfigProperty(name = "b2bhub.profile", defaultValue = "sandbox")
  String profile;

  private PGPSecretKeyRingCollection keys;
  private String publicKey;

  synchronized PGPSecretKeyRingCollection secretKeys() {
    load();
    return keys;
  }

  char[] passphrase() {
    return passphrase.toCharArray();
  }

  /** The armored public key to hand to partners. */
  public synchronized String publicKey() {
    load();
    return publicKey;
  }

  private void load() {
    if (keys != null) {
      return;
    }
    Path secret = secretKeyFile.map(Path::of).orElse(settings.root().resolve("hub-pgp-secret.asc"));
    Path published = secret.resolveSibling(secret.getFileName() + ".pub");
    try {
      if (!Files.exists(secret)) {
        if (!"sandbox".equals(profile)) {
          throw new IllegalStateException(
              "b2bhub.files.pgp.secret-key-file names no file: production supplies the hub's key");
        }
        String[] generated = OpenPgp.generate("B2B Hub files <files@b2bhub.invalid>", passphrase());
        Files.createDirectories(secret.getParent());
        Files.writeString(secret, generated[0], StandardCharsets.US_ASCII);
        Files.writeString(published, generated[1], StandardCharsets.US_ASCII);
      }
      keys = OpenPgp.secretKeys(Files.readString(secret, StandardCharsets.US_ASCII));
      publicKey =
          Files.exists(published)
              ? Files.readString(published, StandardCharsets.US_ASCII)
              : OpenPgp.armor(keys.getKeyRings().next().getPublicKey()::encode);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
