package org.cbamledger.service.importer;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.cbamledger.service.db.StoreException;

/**
 * The statement-issuer keys of every log as an RFC 7517 JWK set. A key revoked at or before now is left out: a
 * relying party must not accept new statements under it, and the statements it signed earlier stay checkable
 * against the key registration in the log itself. A key registered in several logs appears once.
 */
public final class IssuerJwks {
    static final String ISSUER_ROLE = "statement-issuer";
    // RFC 8410 §4: Ed25519 SubjectPublicKeyInfo is this 12-byte prefix and the 32-byte key.
    private static final int ED25519_SPKI_LENGTH = 44;
    private static final int P256_COORDINATE_BYTES = 32;
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    /** One JWK; {@code y} is null for an OKP key. */
    public record Jwk(String kty, String crv, String kid, String use, String alg, String x, String y) {}

    private final DataSource dataSource;
    private final Clock clock;

    public IssuerJwks(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** The statement-issuer keys not revoked now; a database failure is a {@link StoreException}. */
    public List<Jwk> keys() {
        return StoreException.wrapping(this::unrevokedKeys);
    }

    private List<Jwk> unrevokedKeys() throws SQLException {
        Map<String, Jwk> byKid = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select key_id, algorithm, spki from log_keys"
                        + " where role = ? and (revoked_at is null or revoked_at > ?) order by key_id, log_id")) {
            s.setString(1, ISSUER_ROLE);
            s.setTimestamp(2, Timestamp.from(clock.instant()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String kid = r.getString(1);
                    if (!byKid.containsKey(kid)) {
                        byKid.put(kid, jwk(kid, r.getString(2), r.getBytes(3)));
                    }
                }
            }
        }
        return new ArrayList<>(byKid.values());
    }

    static Jwk jwk(String kid, String algorithm, byte[] spki) throws SQLException {
        switch (algorithm) {
            case "ed25519" -> {
                if (spki.length != ED25519_SPKI_LENGTH) {
                    throw new SQLException("stored ed25519 key " + kid + " is not a 44-byte SubjectPublicKeyInfo");
                }
                return new Jwk("OKP", "Ed25519", kid, "sig", "EdDSA",
                        B64URL.encodeToString(Arrays.copyOfRange(spki, ED25519_SPKI_LENGTH - 32, ED25519_SPKI_LENGTH)),
                        null);
            }
            case "ecdsa-p256" -> {
                try {
                    ECPublicKey key = (ECPublicKey) KeyFactory.getInstance("EC")
                            .generatePublic(new X509EncodedKeySpec(spki));
                    return new Jwk("EC", "P-256", kid, "sig", "ES256", coordinate(key.getW().getAffineX()),
                            coordinate(key.getW().getAffineY()));
                } catch (GeneralSecurityException | ClassCastException e) {
                    throw new SQLException("stored ecdsa-p256 key " + kid + " does not parse", e);
                }
            }
            default -> throw new SQLException("stored key " + kid + " has an unknown algorithm " + algorithm);
        }
    }

    // RFC 7518 §6.2.1.2: each coordinate is the full 32 bytes, left-padded with zeros.
    private static String coordinate(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] fixed = new byte[P256_COORDINATE_BYTES];
        int copy = Math.min(raw.length, P256_COORDINATE_BYTES);
        System.arraycopy(raw, raw.length - copy, fixed, P256_COORDINATE_BYTES - copy, copy);
        return B64URL.encodeToString(fixed);
    }
}
