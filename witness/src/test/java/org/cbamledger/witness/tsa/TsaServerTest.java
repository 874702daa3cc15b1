package org.cbamledger.witness.tsa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.cbamledger.signer.Rfc3161;
import org.cbamledger.signer.SignerException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TsaServerTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String CHECKPOINT = "cbam-ledger/acme\n3\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n";

    @TempDir
    Path dir;

    private static byte[] timestamp(TsaServer server, byte[] imprint) throws Exception {
        byte[] request = Rfc3161.request(imprint, BigInteger.valueOf(42));
        HttpResponse<byte[]> reply = HTTP.send(HttpRequest.newBuilder(server.url())
                .header("Content-Type", "application/timestamp-query")
                .POST(HttpRequest.BodyPublishers.ofByteArray(request)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, reply.statusCode());
        assertEquals("application/timestamp-reply", reply.headers().firstValue("Content-Type").orElseThrow());
        return Rfc3161.tokenOf(reply.body(), request);
    }

    private static List<X509Certificate> certificate(TsaServer server) throws Exception {
        String pem = HTTP.send(HttpRequest.newBuilder(server.url().resolve("certificate")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return Rfc3161.readCertificates(pem.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void token_verifiesAgainstThePinnedCertificate_andStatesTheTime() throws Exception {
        try (TsaServer server = new TsaServer(TimestampAuthority.open(dir, Clock.systemUTC()), "127.0.0.1", 0)) {
            byte[] imprint = Rfc3161.imprint(CHECKPOINT);
            Instant before = Instant.now().minusSeconds(1);
            Instant genTime = Rfc3161.verify(timestamp(server, imprint), imprint, certificate(server));
            assertTrue(!genTime.isBefore(before) && genTime.isBefore(Instant.now().plus(Duration.ofSeconds(1))),
                    genTime.toString());
            assertTrue(certificate(server).getFirst().getExtendedKeyUsage().contains("1.3.6.1.5.5.7.3.8"));
        }
    }

    @Test
    void tokenForAnotherImprint_fails() throws Exception {
        try (TsaServer server = new TsaServer(TimestampAuthority.open(dir, Clock.systemUTC()), "127.0.0.1", 0)) {
            byte[] token = timestamp(server, Rfc3161.imprint(CHECKPOINT));
            SignerException e = assertThrows(SignerException.class, () -> Rfc3161.verify(token,
                    Rfc3161.imprint(CHECKPOINT.replace("\n3\n", "\n4\n")), certificate(server)));
            assertEquals("time-stamp token is for another imprint than this checkpoint's", e.getMessage());
        }
    }

    @Test
    void tokenOfAnotherTsa_failsUnderThePinnedCertificate() throws Exception {
        Path otherDir = Files.createDirectories(dir.resolve("other"));
        try (TsaServer server = new TsaServer(TimestampAuthority.open(dir, Clock.systemUTC()), "127.0.0.1", 0);
                TsaServer other = new TsaServer(TimestampAuthority.open(otherDir, Clock.systemUTC()), "127.0.0.1", 0)) {
            byte[] imprint = Rfc3161.imprint(CHECKPOINT);
            byte[] token = timestamp(other, imprint);
            SignerException e = assertThrows(SignerException.class,
                    () -> Rfc3161.verify(token, imprint, certificate(server)));
            assertEquals("time-stamp token is not signed by a pinned TSA certificate", e.getMessage());
        }
    }

    @Test
    void restart_keepsKeyCertificateAndSerials() throws Exception {
        byte[] imprint = Rfc3161.imprint(CHECKPOINT);
        List<X509Certificate> first;
        try (TsaServer server = new TsaServer(TimestampAuthority.open(dir, Clock.systemUTC()), "127.0.0.1", 0)) {
            first = certificate(server);
            timestamp(server, imprint);
            timestamp(server, imprint);
        }
        try (TsaServer server = new TsaServer(TimestampAuthority.open(dir, Clock.systemUTC()), "127.0.0.1", 0)) {
            Rfc3161.verify(timestamp(server, imprint), imprint, first);
        }
        assertEquals("3", Files.readString(dir.resolve("serial")).strip());
    }
}
