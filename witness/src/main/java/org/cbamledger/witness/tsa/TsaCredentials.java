package org.cbamledger.witness.tsa;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.cbamledger.signer.Rfc3161;
import org.cbamledger.signer.SignerException;

/**
 * The TSA's ECDSA P-256 key and self-signed certificate (critical extended key usage timeStamping only, RFC 3161
 * §2.3), created under the data directory on first start: {@code tsa-key.pem}, {@code tsa-cert.pem}.
 */
record TsaCredentials(PrivateKey key, X509Certificate certificate) {
    static final String KEY_FILE = "tsa-key.pem";
    static final String CERT_FILE = "tsa-cert.pem";
    private static final Duration VALIDITY = Duration.ofDays(3650);

    static TsaCredentials loadOrCreate(Path dir) throws IOException {
        Path keyFile = dir.resolve(KEY_FILE);
        Path certFile = dir.resolve(CERT_FILE);
        try {
            if (Files.exists(keyFile) && Files.exists(certFile)) {
                PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(
                        Base64.getMimeDecoder().decode(pemBody(Files.readString(keyFile, StandardCharsets.US_ASCII)))));
                return new TsaCredentials(key, Rfc3161.readCertificates(Files.readAllBytes(certFile)).getFirst());
            }
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            X509Certificate certificate = selfSigned(pair);
            Files.writeString(keyFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
            Files.writeString(certFile, pem("CERTIFICATE", certificate.getEncoded()), StandardCharsets.US_ASCII);
            return new TsaCredentials(pair.getPrivate(), certificate);
        } catch (GeneralSecurityException | SignerException | OperatorCreationException e) {
            throw new IOException("TSA key or certificate under " + dir + ": " + e.getMessage(), e);
        }
    }

    String certificatePem() {
        try {
            return pem("CERTIFICATE", certificate.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encoding a parsed certificate cannot fail", e);
        }
    }

    private static X509Certificate selfSigned(KeyPair pair)
            throws IOException, GeneralSecurityException, OperatorCreationException {
        byte[] serial = new byte[16];
        new SecureRandom().nextBytes(serial);
        X500Name name = new X500Name("CN=cbam-ledger TSA " + HexFormat.of().formatHex(serial, 0, 4));
        Instant now = Instant.now();
        var builder = new JcaX509v3CertificateBuilder(name, new BigInteger(1, serial),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(VALIDITY)), name, pair.getPublic());
        builder.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        var signer = new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate());
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static String pemBody(String pem) {
        return pem.replaceAll("-----[A-Z ]+-----", "").strip();
    }
}
