package org.cbamledger.service.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Mints and verifies the service's bearer tokens: JWT, EdDSA over Ed25519, issuer {@code cbam-ledger},
 * space-separated {@code scope} claim. The signing key lives in {@code <dataDir>/auth/token-signing-key.jwk};
 * on first start an admin token is written beside it to {@code <dataDir>/auth/admin.token}.
 */
public final class TokenAuthority {
    public static final String ISSUER = "cbam-ledger";
    public static final String KEY_FILE = "token-signing-key.jwk";
    public static final String ADMIN_TOKEN_FILE = "admin.token";
    private static final Duration ADMIN_TOKEN_TTL = Duration.ofDays(365);

    private final OctetKeyPair key;
    private final Ed25519Verifier verifier;
    private final Clock clock;

    private TokenAuthority(OctetKeyPair key, Clock clock) throws JOSEException {
        this.key = key;
        this.verifier = new Ed25519Verifier(key.toPublicJWK());
        this.clock = clock;
    }

    public static Path authDir(Path dataDir) {
        return dataDir.resolve("auth");
    }

    /** Loads the signing key, generating it and the first admin token when the data directory has none. */
    public static TokenAuthority loadOrCreate(Path dataDir, Clock clock) throws IOException {
        Path dir = authDir(dataDir);
        Path keyFile = dir.resolve(KEY_FILE);
        try {
            if (Files.exists(keyFile)) {
                return new TokenAuthority(OctetKeyPair.parse(Files.readString(keyFile)), clock);
            }
            createPrivateDirectory(dir);
            OctetKeyPair key = new OctetKeyPairGenerator(Curve.Ed25519).keyID(UUID.randomUUID().toString()).generate();
            TokenAuthority authority = new TokenAuthority(key, clock);
            writePrivate(dir.resolve(ADMIN_TOKEN_FILE),
                    authority.mint("admin", Set.of(Scopes.ADMIN), ADMIN_TOKEN_TTL) + "\n");
            writePrivate(keyFile, key.toJSONString());
            return authority;
        } catch (JOSEException | ParseException e) {
            throw new IOException("token signing key " + keyFile + " is unusable", e);
        }
    }

    /** Only an existing key: for minting tokens outside the service. */
    public static TokenAuthority load(Path dataDir, Clock clock) throws IOException {
        Path keyFile = authDir(dataDir).resolve(KEY_FILE);
        try {
            return new TokenAuthority(OctetKeyPair.parse(Files.readString(keyFile)), clock);
        } catch (JOSEException | ParseException e) {
            throw new IOException("token signing key " + keyFile + " is unusable", e);
        }
    }

    public String mint(String subject, Collection<String> scopes, Duration ttl) {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(subject)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now.minusSeconds(60)))
                .expirationTime(Date.from(now.plus(ttl)))
                .jwtID(UUID.randomUUID().toString())
                .claim("scope", String.join(" ", scopes))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.EdDSA).keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(new Ed25519Signer(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("signing a token with an Ed25519 key failed", e);
        }
        return jwt.serialize();
    }

    /** Verified tokens: a client sends the same token with every request; verify its signature once. */
    private record Verified(Principal principal, Instant notBefore, Instant expires) {}

    private static final int MAX_CACHED_TOKENS = 10_000;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    public Principal verify(String token) throws AuthException {
        Verified cached = verified.get(token);
        if (cached == null) {
            cached = verifySignedToken(token);
            if (verified.size() >= MAX_CACHED_TOKENS) {
                verified.clear();
            }
            verified.put(token, cached);
        }
        Instant now = clock.instant();
        if (!now.isBefore(cached.expires())) {
            throw new AuthException(401, "token expired");
        }
        if (cached.notBefore() != null && now.isBefore(cached.notBefore())) {
            throw new AuthException(401, "token not valid yet");
        }
        return cached.principal();
    }

    /** Three base64url parts without padding: what {@link #mint} writes, and nothing a decoder would also take. */
    private static final Pattern COMPACT_JWS = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}]");

    private Verified verifySignedToken(String token) throws AuthException {
        if (!COMPACT_JWS.matcher(token).matches() || !canonicalBase64url(token)) {
            throw new AuthException(401, "token is not a valid JWT: not a compact JWS in canonical base64url (no padding)");
        }
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.EdDSA.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier)) {
                throw new AuthException(401, "token signature does not verify");
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            if (!ISSUER.equals(claims.getIssuer())) {
                throw new AuthException(401, "token issuer is not " + ISSUER);
            }
            if (claims.getExpirationTime() == null) {
                throw new AuthException(401, "token has no expiry");
            }
            String scope = claims.getStringClaim("scope");
            if (claims.getSubject() != null && CONTROL.matcher(claims.getSubject()).find()
                    || scope != null && CONTROL.matcher(scope).find()) {
                throw new AuthException(401, "token subject or scope holds a control character");
            }
            Set<String> scopes = new LinkedHashSet<>();
            if (scope != null && !scope.isBlank()) {
                scopes.addAll(Arrays.asList(scope.trim().split(" +")));
            }
            Principal principal = new Principal(claims.getSubject() == null ? "?" : claims.getSubject(), scopes);
            return new Verified(principal,
                    claims.getNotBeforeTime() == null ? null : claims.getNotBeforeTime().toInstant(),
                    claims.getExpirationTime().toInstant());
        } catch (ParseException | JOSEException e) {
            throw new AuthException(401, "token is not a valid JWT", e);
        }
    }

    /** Each part decodes and encodes back to itself: no set bits beyond the last byte, the one spelling of it. */
    private static boolean canonicalBase64url(String token) {
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        for (String part : token.split("\\.")) {
            try {
                if (!encoder.encodeToString(Base64.getUrlDecoder().decode(part)).equals(part)) {
                    return false;
                }
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        return true;
    }

    private static void createPrivateDirectory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Files.createDirectories(dir.getParent());
        try {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException e) {
            Files.createDirectory(dir);
        }
    }

    private static void writePrivate(Path file, String content) throws IOException {
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        Files.writeString(file, content, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
    }
}
