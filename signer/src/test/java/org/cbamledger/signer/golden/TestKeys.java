package org.cbamledger.signer.golden;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;
import org.cbamledger.signer.KeyAlgorithm;
import org.cbamledger.signer.SignerException;
import org.cbamledger.signer.SigningKey;

/**
 * The fixed keys of the test vectors and the golden log, derived from their names so that anyone can
 * regenerate them: seed = SHA-256("cbam-ledger test key: " + name). Never use them for anything real.
 */
public enum TestKeys {
    OPERATOR_ROOT("operator-root", KeyAlgorithm.ED25519),
    METER_GATEWAY("meter-gateway", KeyAlgorithm.ED25519),
    SUBMITTER("submitter", KeyAlgorithm.ECDSA_P256),
    LOG("log", KeyAlgorithm.ED25519),
    LOG_ROTATED("log-rotated", KeyAlgorithm.ED25519),
    STRANGER("stranger", KeyAlgorithm.ED25519);

    private static final String ED25519_PKCS8_PREFIX = "302e020100300506032b657004220420";

    private final String fileName;
    private final KeyAlgorithm algorithm;

    TestKeys(String fileName, KeyAlgorithm algorithm) {
        this.fileName = fileName;
        this.algorithm = algorithm;
    }

    public String fileName() {
        return fileName + "-" + algorithm.wireName();
    }

    public SigningKey key() {
        byte[] seed = sha256("cbam-ledger test key: " + fileName);
        try {
            return switch (algorithm) {
                case ED25519 -> SigningKey.fromPkcs8(algorithm,
                        HexFormat.of().parseHex(ED25519_PKCS8_PREFIX + HexFormat.of().formatHex(seed)));
                case ECDSA_P256 -> SigningKey.fromPkcs8(algorithm, ecdsaPkcs8(seed));
            };
        } catch (SignerException e) {
            throw new IllegalStateException("derived test key does not load", e);
        }
    }

    private static byte[] ecdsaPkcs8(byte[] seed) {
        ECNamedDomainParameters p256 = new ECNamedDomainParameters(X9ObjectIdentifiers.prime256v1,
                ECNamedCurveTable.getByOID(X9ObjectIdentifiers.prime256v1));
        BigInteger d = new BigInteger(1, seed).mod(p256.getN().subtract(BigInteger.ONE)).add(BigInteger.ONE);
        try {
            return PrivateKeyInfoFactory.createPrivateKeyInfo(new ECPrivateKeyParameters(d, p256))
                    .getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
