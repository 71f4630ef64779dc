package it.io.b2bhub;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.Date;
import java.util.Iterator;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.CompressionAlgorithmTags;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPCompressedDataGenerator;
import org.bouncycastle.openpgp.PGPEncryptedDataGenerator;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPKeyPair;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPLiteralDataGenerator;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRingCollection;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.operator.jcajce.JcaKeyFingerprintCalculator;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPDigestCalculatorProviderBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPKeyPair;
import org.bouncycastle.openpgp.operator.jcajce.JcePBESecretKeyEncryptorBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcePGPDataEncryptorBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcePublicKeyKeyEncryptionMethodGenerator;

/**
 * A partner's OpenPGP side: its own key pair, and files signed with it and encrypted to the hub.
 */
final class PartnerPgp {
  private final PGPKeyPair pair;
  private final String armoredPublicKey;

  private PartnerPgp(PGPKeyPair pair, String armoredPublicKey) {
    this.pair = pair;
    this.armoredPublicKey = armoredPublicKey;
  }

  static PartnerPgp newKey() throws GeneralSecurityException, IOException, PGPException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    PGPKeyPair pair =
        new JcaPGPKeyPair(PGPPublicKey.RSA_GENERAL, generator.generateKeyPair(), new Date());
    PGPSecretKey certified =
        new PGPSecretKey(
            PGPSignature.DEFAULT_CERTIFICATION,
            pair,
            "Partner files <files@partner.example>",
            new JcaPGPDigestCalculatorProviderBuilder().build().get(HashAlgorithmTags.SHA1),
            null,
            null,
            new JcaPGPContentSignerBuilder(
                pair.getPublicKey().getAlgorithm(), HashAlgorithmTags.SHA256),
            new JcePBESecretKeyEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256)
                .build("partner-passphrase".toCharArray()));
    ByteArrayOutputStream armored = new ByteArrayOutputStream();
    try (ArmoredOutputStream out = new ArmoredOutputStream(armored)) {
      certified.getPublicKey().encode(out);
    }
    return new PartnerPgp(pair, armored.toString(StandardCharsets.US_ASCII));
  }

  String armoredPublicKey() {
    return armoredPublicKey;
  }

  /** Signs {@code data} with the partner's key and encrypts it to {@code recipientArmored}. */
  byte[] signAndEncrypt(byte[] data, String fileName, String recipientArmored)
      throws IOException, PGPException {
    PGPPublicKey recipient = firstKey(recipientArmored);
    ByteArrayOutputStream result = new ByteArrayOutputStream();
    PGPEncryptedDataGenerator encryption =
        new PGPEncryptedDataGenerator(
            new JcePGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256)
                .setWithIntegrityPacket(true)
                .setSecureRandom(new SecureRandom()));
    encryption.addMethod(new JcePublicKeyKeyEncryptionMethodGenerator(recipient));
    try (OutputStream encrypted = encryption.open(result, new byte[1 << 16])) {
      PGPCompressedDataGenerator compression =
          new PGPCompressedDataGenerator(CompressionAlgorithmTags.ZIP);
      try (OutputStream compressed = compression.open(encrypted)) {
        PGPSignatureGenerator signer =
            new PGPSignatureGenerator(
                new JcaPGPContentSignerBuilder(
                    pair.getPublicKey().getAlgorithm(), HashAlgorithmTags.SHA256),
                pair.getPublicKey());
        signer.init(PGPSignature.BINARY_DOCUMENT, pair.getPrivateKey());
        signer.generateOnePassVersion(false).encode(compressed);
        PGPLiteralDataGenerator literal = new PGPLiteralDataGenerator();
        try (OutputStream out =
            literal.open(compressed, PGPLiteralData.BINARY, fileName, data.length, new Date())) {
          out.write(data);
        }
        signer.update(data);
        signer.generate().encode(compressed);
      }
    }
    return result.toByteArray();
  }

  private static PGPPublicKey firstKey(String armored) throws IOException, PGPException {
    PGPPublicKeyRingCollection rings =
        new PGPPublicKeyRingCollection(
            PGPUtil.getDecoderStream(
                new ByteArrayInputStream(armored.getBytes(StandardCharsets.US_ASCII))),
            new JcaKeyFingerprintCalculator());
    Iterator<PGPPublicKey> keys = rings.getKeyRings().next().getPublicKeys();
    while (keys.hasNext()) {
      PGPPublicKey key = keys.next();
      if (key.isEncryptionKey()) {
        return key;
      }
    }
    throw new IOException("no encryption key");
  }
}
