package org.cbamledger.signer;

import java.io.IOException;
import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;

/** BouncyCastle lightweight-API helpers shared by keys, envelopes, notes and JWS. */
final class Crypto {
    static final ECNamedDomainParameters P256 = p256();

    private Crypto() {}

    private static ECNamedDomainParameters p256() {
        X9ECParameters x9 = ECNamedCurveTable.getByOID(X9ObjectIdentifiers.prime256v1);
        return new ECNamedDomainParameters(X9ObjectIdentifiers.prime256v1, x9);
    }


    /** Parses an SPKI DER, checking that it is the canonical encoding of a key of the algorithm. */
    static AsymmetricKeyParameter publicKey(KeyAlgorithm algorithm, byte[] spkiDer) throws SignerException {
        AsymmetricKeyParameter key;
        try {
            key = PublicKeyFactory.createKey(spkiDer);
        } catch (IOException | RuntimeException e) {
            throw new SignerException("public key is not a valid SubjectPublicKeyInfo", e);
        }
        boolean matches = switch (algorithm) {
            case ED25519 -> key instanceof Ed25519PublicKeyParameters;
            case ECDSA_P256 -> key instanceof ECPublicKeyParameters ec
                    && ec.getParameters() instanceof ECNamedDomainParameters named
                    && named.getName().equals(X9ObjectIdentifiers.prime256v1);
        };
        if (!matches) {
            throw new SignerException("public key is not an " + algorithm.wireName() + " key");
        }
        if (!Arrays.equals(spkiDer(key), spkiDer)) {
            throw new SignerException("public key is not a valid SubjectPublicKeyInfo");
        }
        return key;
    }

    static byte[] spkiDer(AsymmetricKeyParameter publicKey) {
        try {
            return SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(publicKey).getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new IllegalStateException("encoding a public key cannot fail", e);
        }
    }

    static boolean verify(AsymmetricKeyParameter key, byte[] message, byte[] signature) {
        if (key instanceof Ed25519PublicKeyParameters ed) {
            if (signature.length != 64) {
                return false;
            }
            Ed25519Signer verifier = new Ed25519Signer();
            verifier.init(false, ed);
            verifier.update(message, 0, message.length);
            return verifier.verifySignature(signature);
        }
        ECPublicKeyParameters ec = (ECPublicKeyParameters) key;
        BigInteger[] rs;
        try {
            rs = StandardDSAEncoding.INSTANCE.decode(ec.getParameters().getN(), signature);
        } catch (IOException | RuntimeException e) {
            return false;
        }
        ECDSASigner verifier = new ECDSASigner();
        verifier.init(false, ec);
        return verifier.verifySignature(Sha256.digest(message), rs[0], rs[1]);
    }
}
