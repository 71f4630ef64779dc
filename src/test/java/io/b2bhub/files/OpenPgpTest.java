package io.b2bhub.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Date;
import org.bouncycastle.openpgp.PGPEncryptedDataGenerator;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPLiteralDataGenerator;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.operator.jcajce.JcePGPDataEncryptorBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcePublicKeyKeyEncryptionMethodGenerator;
import org.junit.jupiter.api.Test;

class OpenPgpTest {
  private static final char[] PASSPHRASE = "test-passphrase".toCharArray();

  private static byte[] encryptUnsigned(byte[] data, PGPPublicKey recipient) throws Exception {
    ByteArrayOutputStream result = new ByteArrayOutputStream();
    PGPEncryptedDataGenerator encryption =
        new PGPEncryptedDataGenerator(
            new JcePGPDataEncryptorBuilder(org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags.AES_256)
                .setWithIntegrityPacket(true)
                .setSecureRandom(new SecureRandom()));
    encryption.addMethod(new JcePublicKeyKeyEncryptionMethodGenerator(recipient));
    try (OutputStream encrypted = encryption.open(result, new byte[4096]);
        OutputStream literal =
            new PGPLiteralDataGenerator()
                .open(encrypted, PGPLiteralData.BINARY, "f.csv", data.length, new Date())) {
      literal.write(data);
    }
    return result.toByteArray();
  }

  @Test
  void hubKeyDecryptsWhatWasEncryptedToItAndReportsAMissingSignature() throws Exception {
    String[] hub = OpenPgp.generate("hub <hub@example.invalid>", PASSPHRASE);
    byte[] data = "sku,location,qty,as_of\n".getBytes(StandardCharsets.UTF_8);
    byte[] encrypted = encryptUnsigned(data, encryptionKey(hub[1]));

    ByteArrayOutputStream plain = new ByteArrayOutputStream();
    OpenPgp.Signature signature =
        OpenPgp.decrypt(
            new ByteArrayInputStream(encrypted),
            plain,
            OpenPgp.secretKeys(hub[0]),
            PASSPHRASE,
            null);

    assertArrayEquals(data, plain.toByteArray());
    assertEquals(OpenPgp.Signature.ABSENT, signature);
  }

  @Test
  void aFileForAnotherKeyIsNotDecryptable() throws Exception {
    String[] hub = OpenPgp.generate("hub <hub@example.invalid>", PASSPHRASE);
    String[] other = OpenPgp.generate("other <other@example.invalid>", PASSPHRASE);
    byte[] encrypted = encryptUnsigned(new byte[] {1, 2, 3}, encryptionKey(other[1]));

    assertThrows(
        OpenPgp.NotDecryptable.class,
        () ->
            OpenPgp.decrypt(
                new ByteArrayInputStream(encrypted),
                new ByteArrayOutputStream(),
                OpenPgp.secretKeys(hub[0]),
                PASSPHRASE,
                null));
  }

  private static PGPPublicKey encryptionKey(String armored) throws Exception {
    return OpenPgp.publicKey(armored);
  }
}
