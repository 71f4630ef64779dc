package io.b2bhub.files;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.util.Date;
import java.util.HexFormat;
import java.util.Iterator;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openpgp.PGPCompressedData;
import org.bouncycastle.openpgp.PGPEncryptedDataList;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPKeyPair;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPOnePassSignature;
import org.bouncycastle.openpgp.PGPOnePassSignatureList;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyEncryptedData;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPPublicKeyRingCollection;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRingCollection;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.jcajce.JcaPGPObjectFactory;
import org.bouncycastle.openpgp.operator.jcajce.JcaKeyFingerprintCalculator;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPContentVerifierBuilderProvider;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPDigestCalculatorProviderBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPKeyPair;
import org.bouncycastle.openpgp.operator.jcajce.JcePBESecretKeyDecryptorBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcePBESecretKeyEncryptorBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcePublicKeyDataDecryptorFactoryBuilder;

/**
 * OpenPGP with Bouncy Castle: decrypting a partner's file with the hub's key while checking the
 * partner's signature, and generating a key pair. The provider is used per call, never installed
 * globally.
 */
public final class OpenPgp {
  static final Provider BC = new BouncyCastleProvider();

  private OpenPgp() {}

  /** What the signature inside a decrypted message said. */
  public enum Signature {
    VALID,
    INVALID,
    ABSENT
  }

  /** Why a message could not be opened. */
  public static final class NotDecryptable extends Exception {
    NotDecryptable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * Decrypts {@code encrypted} into {@code plain} with one of {@code hubKeys}, checking a one-pass
   * signature against {@code signer} (if given) and the message's integrity protection.
   */
  public static Signature decrypt(
      InputStream encrypted,
      OutputStream plain,
      PGPSecretKeyRingCollection hubKeys,
      char[] passphrase,
      PGPPublicKey signer)
      throws IOException, NotDecryptable {
    try {
      JcaPGPObjectFactory objects = new JcaPGPObjectFactory(PGPUtil.getDecoderStream(encrypted));
      Object first = objects.nextObject();
      while (first != null && !(first instanceof PGPEncryptedDataList)) {
        first = objects.nextObject();
      }
      if (first == null) {
        throw new NotDecryptable("not an OpenPGP encrypted message", null);
      }
      PGPPublicKeyEncryptedData data = null;
      PGPPrivateKey key = null;
      for (Iterator<?> it = ((PGPEncryptedDataList) first).getEncryptedDataObjects();
          it.hasNext() && key == null; ) {
        Object candidate = it.next();
        if (candidate instanceof PGPPublicKeyEncryptedData pk) {
          PGPSecretKey secret = hubKeys.getSecretKey(pk.getKeyID());
          if (secret != null) {
            key =
                secret.extractPrivateKey(
                    new JcePBESecretKeyDecryptorBuilder().setProvider(BC).build(passphrase));
            data = pk;
          }
        }
      }
      if (key == null) {
        throw new NotDecryptable("the file is not encrypted for the hub's key", null);
      }
      InputStream clear =
          data.getDataStream(
              new JcePublicKeyDataDecryptorFactoryBuilder().setProvider(BC).build(key));
      JcaPGPObjectFactory message = new JcaPGPObjectFactory(clear);
      Object part = message.nextObject();
      if (part instanceof PGPCompressedData compressed) {
        message = new JcaPGPObjectFactory(compressed.getDataStream());
        part = message.nextObject();
      }
      PGPOnePassSignature onePass = null;
      if (part instanceof PGPOnePassSignatureList signatures) {
        onePass = signatures.get(0);
        if (signer != null && onePass.getKeyID() == signer.getKeyID()) {
          onePass.init(new JcaPGPContentVerifierBuilderProvider().setProvider(BC), signer);
        } else {
          onePass = null;
          if (signer != null) {
            drain((PGPLiteralData) message.nextObject(), plain, null);
            return Signature.INVALID;
          }
        }
        part = message.nextObject();
      }
      if (!(part instanceof PGPLiteralData literal)) {
        throw new NotDecryptable("the message holds no file", null);
      }
      drain(literal, plain, onePass);
      // The signature follows the data; the integrity check reads to the end, so it comes last.
      Signature signature = Signature.ABSENT;
      if (onePass != null) {
        PGPSignatureList signatures = (PGPSignatureList) message.nextObject();
        signature = onePass.verify(signatures.get(0)) ? Signature.VALID : Signature.INVALID;
      }
      if (data.isIntegrityProtected() && !data.verify()) {
        throw new NotDecryptable("the message failed its integrity check", null);
      }
      return signature;
    } catch (PGPException | ClassCastException e) {
      throw new NotDecryptable("the file could not be decrypted: " + e.getMessage(), e);
    }
  }

  private static void drain(PGPLiteralData literal, OutputStream plain, PGPOnePassSignature onePass)
      throws IOException {
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = literal.getInputStream()) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        plain.write(buffer, 0, n);
        if (onePass != null) {
          onePass.update(buffer, 0, n);
        }
      }
    }
  }

  public static PGPSecretKeyRingCollection secretKeys(String armored) throws IOException {
    try {
      return new PGPSecretKeyRingCollection(
          PGPUtil.getDecoderStream(
              new ByteArrayInputStream(armored.getBytes(StandardCharsets.US_ASCII))),
          new JcaKeyFingerprintCalculator());
    } catch (PGPException e) {
      throw new IOException("not an OpenPGP secret key", e);
    }
  }

  /** The signing key in an armored public key (the master key of its first ring). */
  public static PGPPublicKey publicKey(String armored) throws IOException {
    try {
      PGPPublicKeyRingCollection rings =
          new PGPPublicKeyRingCollection(
              PGPUtil.getDecoderStream(
                  new ByteArrayInputStream(armored.getBytes(StandardCharsets.US_ASCII))),
              new JcaKeyFingerprintCalculator());
      Iterator<PGPPublicKeyRing> it = rings.getKeyRings();
      if (!it.hasNext()) {
        throw new IOException("no public key in the text");
      }
      return it.next().getPublicKey();
    } catch (PGPException e) {
      throw new IOException("not an OpenPGP public key", e);
    }
  }

  public static String fingerprint(PGPPublicKey key) {
    return HexFormat.of().withUpperCase().formatHex(key.getFingerprint());
  }

  /** A new RSA-3072 key for signing and encryption, armored: [secret key, public key]. */
  public static String[] generate(String userId, char[] passphrase) throws IOException {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(3072);
      PGPKeyPair pair =
          new JcaPGPKeyPair(PGPPublicKey.RSA_GENERAL, generator.generateKeyPair(), new Date());
      PGPSecretKey secret =
          new PGPSecretKey(
              PGPSignature.DEFAULT_CERTIFICATION,
              pair,
              userId,
              new JcaPGPDigestCalculatorProviderBuilder().build().get(HashAlgorithmTags.SHA1),
              null,
              null,
              new JcaPGPContentSignerBuilder(
                  pair.getPublicKey().getAlgorithm(), HashAlgorithmTags.SHA256),
              new JcePBESecretKeyEncryptorBuilder(
                      SymmetricKeyAlgorithmTags.AES_256,
                      new JcaPGPDigestCalculatorProviderBuilder()
                          .build()
                          .get(HashAlgorithmTags.SHA1))
                  .setProvider(BC)
                  .build(passphrase));
      return new String[] {armor(secret::encode), armor(secret.getPublicKey()::encode)};
    } catch (NoSuchAlgorithmException | PGPException e) {
      throw new IOException("OpenPGP key not generated", e);
    }
  }

  interface Encoder {
    void encode(OutputStream out) throws IOException;
  }

  static String armor(Encoder encoder) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ArmoredOutputStream armored = new ArmoredOutputStream(bytes)) {
      encoder.encode(armored);
    }
    return bytes.toString(StandardCharsets.US_ASCII);
  }
}
