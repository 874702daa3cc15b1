package org.cbamledger.signer;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.generators.Ed25519KeyPairGenerator;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519KeyGenerationParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.util.BigIntegers;

/** A private signing key, on the BouncyCastle lightweight API. Both algorithms sign deterministically. */
public final class SigningKey {
    private static final String PEM_BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String PEM_END = "-----END PRIVATE KEY-----";

    private final KeyAlgorithm algorithm;
    private final AsymmetricKeyParameter privateKey;
    private final PublicKeyInfo publicKey;

    private SigningKey(KeyAlgorithm algorithm, AsymmetricKeyParameter privateKey, AsymmetricKeyParameter publicKey) {
        this.algorithm = algorithm;
        this.privateKey = privateKey;
        this.publicKey = new PublicKeyInfo(algorithm, Crypto.spkiDer(publicKey));
    }

    public static SigningKey generate(KeyAlgorithm algorithm) {
        SecureRandom random = new SecureRandom();
        AsymmetricCipherKeyPair pair = switch (algorithm) {
            case ED25519 -> {
                Ed25519KeyPairGenerator generator = new Ed25519KeyPairGenerator();
                generator.init(new Ed25519KeyGenerationParameters(random));
                yield generator.generateKeyPair();
            }
            case ECDSA_P256 -> {
                ECKeyPairGenerator generator = new ECKeyPairGenerator();
                generator.init(new ECKeyGenerationParameters(Crypto.P256, random));
                yield generator.generateKeyPair();
            }
        };
        return new SigningKey(algorithm, pair.getPrivate(), pair.getPublic());
    }

    public static SigningKey fromPkcs8(KeyAlgorithm algorithm, byte[] pkcs8Der) throws SignerException {
        AsymmetricKeyParameter key;
        try {
            key = PrivateKeyFactory.createKey(pkcs8Der);
        } catch (IOException | RuntimeException e) {
            throw new SignerException("private key is not a valid PKCS#8 key", e);
        }
        if (algorithm == KeyAlgorithm.ED25519 && key instanceof Ed25519PrivateKeyParameters ed) {
            return new SigningKey(algorithm, ed, ed.generatePublicKey());
        }
        if (algorithm == KeyAlgorithm.ECDSA_P256
                && key instanceof ECPrivateKeyParameters ec
                && ec.getParameters() instanceof ECNamedDomainParameters named
                && named.getName().equals(X9ObjectIdentifiers.prime256v1)) {
            var q = new FixedPointCombMultiplier().multiply(named.getG(), ec.getD()).normalize();
            return new SigningKey(algorithm, ec, new ECPublicKeyParameters(q, named));
        }
        throw new SignerException("private key is not an " + algorithm.wireName() + " key");
    }

    /** Reads a PKCS#8 PEM ("PRIVATE KEY"); the algorithm comes from the key itself. */
    public static SigningKey readPem(Path file) throws SignerException, IOException {
        String pem = Files.readString(file, StandardCharsets.US_ASCII).strip();
        if (!pem.startsWith(PEM_BEGIN) || !pem.endsWith(PEM_END)) {
            throw new SignerException("private key file is not a PKCS#8 PEM");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(pem.substring(PEM_BEGIN.length(), pem.length() - PEM_END.length()));
        } catch (IllegalArgumentException e) {
            throw new SignerException("private key file is not a PKCS#8 PEM", e);
        }
        try {
            return fromPkcs8(KeyAlgorithm.ED25519, der);
        } catch (SignerException notEd25519) {
            return fromPkcs8(KeyAlgorithm.ECDSA_P256, der);
        }
    }

    /** Writes the key as PKCS#8 PEM, readable by the owner only (0600 where the file system is POSIX). */
    public void writePem(Path file) throws IOException {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pkcs8Der());
        String pem = PEM_BEGIN + "\n" + body + "\n" + PEM_END + "\n";
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        } catch (FileAlreadyExistsException e) {
            throw new IOException("key file appeared while writing: " + file, e);
        }
        Files.writeString(file, pem, StandardCharsets.US_ASCII);
    }

    public byte[] pkcs8Der() {
        try {
            return PrivateKeyInfoFactory.createPrivateKeyInfo(privateKey).getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new IllegalStateException("encoding a private key cannot fail", e);
        }
    }

    public KeyAlgorithm algorithm() {
        return algorithm;
    }

    public PublicKeyInfo publicKey() {
        return publicKey;
    }

    public String keyId() {
        return publicKey.keyId();
    }

    /** Ed25519: 64 raw bytes. ECDSA P-256: DER (r, s), RFC 6979 deterministic k, SHA-256. */
    public byte[] sign(byte[] message) {
        if (privateKey instanceof Ed25519PrivateKeyParameters ed) {
            Ed25519Signer signer = new Ed25519Signer();
            signer.init(true, ed);
            signer.update(message, 0, message.length);
            return signer.generateSignature();
        }
        ECPrivateKeyParameters ec = (ECPrivateKeyParameters) privateKey;
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, ec);
        BigInteger[] rs = signer.generateSignature(Sha256.digest(message));
        BigInteger n = ec.getParameters().getN();
        BigInteger s = rs[1].compareTo(n.shiftRight(1)) > 0 ? n.subtract(rs[1]) : rs[1]; // low-S form
        try {
            return StandardDSAEncoding.INSTANCE.encode(n, rs[0], s);
        } catch (IOException e) {
            throw new IllegalStateException("encoding a signature cannot fail", e);
        }
    }

    /** ECDSA P-256 signature as the raw 64-byte r || s that JWS ES256 uses (RFC 7518 §3.4). */
    byte[] signP1363(byte[] message) {
        byte[] der = sign(message);
        try {
            BigInteger[] rs = StandardDSAEncoding.INSTANCE.decode(Crypto.P256.getN(), der);
            byte[] out = new byte[64];
            copyUnsigned(rs[0], out, 0);
            copyUnsigned(rs[1], out, 32);
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("decoding our own signature cannot fail", e);
        }
    }

    private static void copyUnsigned(BigInteger value, byte[] out, int offset) {
        byte[] bytes = BigIntegers.asUnsignedByteArray(32, value);
        System.arraycopy(bytes, 0, out, offset, 32);
    }

    @Override
    public String toString() {
        return "SigningKey[" + algorithm.wireName() + " " + keyId() + "]";
    }
}
