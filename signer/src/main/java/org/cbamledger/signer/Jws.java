package org.cbamledger.signer;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import tools.jackson.databind.JsonNode;

/** Compact JWS (RFC 7515) with alg EdDSA (Ed25519, RFC 8037) or ES256 (RFC 7518 §3.4); kid = key id. */
public final class Jws {
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Set<String> HEADER_MEMBERS = Set.of("alg", "kid", "typ", "cty");

    private Jws() {}

    public static String sign(byte[] payload, SigningKey key) {
        // Members written in RFC 8785 order so the header is the same bytes every time.
        String header = "{\"alg\":\"" + alg(key.algorithm()) + "\",\"kid\":\"" + key.keyId() + "\"}";
        String signingInput = B64URL.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + B64URL.encodeToString(payload);
        byte[] input = signingInput.getBytes(StandardCharsets.US_ASCII);
        byte[] signature = key.algorithm() == KeyAlgorithm.ED25519 ? key.sign(input) : key.signP1363(input);
        return signingInput + "." + B64URL.encodeToString(signature);
    }

    /** Returns the payload if the JWS is signed by this key with its algorithm; the kid must match. */
    public static byte[] verify(String compact, PublicKeyInfo key) throws SignerException {
        String[] parts = compact.split("\\.", -1);
        if (parts.length != 3) {
            throw new SignerException("JWS is not in compact form");
        }
        JsonNode header = CanonicalJson.parse(decode(parts[0]));
        if (!header.isObject()) {
            throw new SignerException("JWS header is not a JSON object");
        }
        for (String name : header.propertyNames()) {
            if (!HEADER_MEMBERS.contains(name)) {
                throw new SignerException("JWS header member \"" + name + "\" is not supported");
            }
        }
        JsonNode alg = header.get("alg");
        if (alg == null || !alg.isString() || !alg.stringValue().equals(alg(key.algorithm()))) {
            throw new SignerException("JWS alg does not match the key");
        }
        JsonNode kid = header.get("kid");
        if (kid == null || !kid.isString() || !kid.stringValue().equals(key.keyId())) {
            throw new SignerException("JWS kid does not match the key");
        }
        byte[] payload = decode(parts[1]);
        byte[] signature = decode(parts[2]);
        if (key.algorithm() == KeyAlgorithm.ECDSA_P256) {
            signature = p1363ToDer(signature);
        }
        byte[] input = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
        if (signature == null || !key.verify(input, signature)) {
            throw new SignerException("JWS signature does not verify");
        }
        return payload;
    }

    private static String alg(KeyAlgorithm algorithm) {
        return algorithm == KeyAlgorithm.ED25519 ? "EdDSA" : "ES256";
    }

    private static byte[] decode(String part) throws SignerException {
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(part);
            if (part.contains("=") || !B64URL.encodeToString(bytes).equals(part)) {
                throw new SignerException("JWS is not valid base64url");
            }
            return bytes;
        } catch (IllegalArgumentException e) {
            throw new SignerException("JWS is not valid base64url");
        }
    }

    private static byte[] p1363ToDer(byte[] rs) {
        if (rs.length != 64) {
            return null;
        }
        try {
            return StandardDSAEncoding.INSTANCE.encode(Crypto.P256.getN(),
                    new BigInteger(1, Arrays.copyOf(rs, 32)), new BigInteger(1, Arrays.copyOfRange(rs, 32, 64)));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
