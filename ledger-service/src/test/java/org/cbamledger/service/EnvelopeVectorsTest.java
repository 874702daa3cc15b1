package org.cbamledger.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.cbamledger.service.support.Http;
import org.cbamledger.service.support.RunningService;
import org.cbamledger.service.support.TestLog;
import org.cbamledger.signer.KeyAlgorithm;
import org.cbamledger.signer.PublicKeyInfo;
import org.cbamledger.spec.Kinds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * The shared envelope vectors of api-spec (vectors/README.md, read from the classpath as the signer's and the
 * verifier's tests read them) submitted to the service, each to a new log whose root registered the keys the
 * README names as known (operator-root, meter-gateway, submitter): a valid one is appended, a bad one answers its problem, naming the vector's failure
 * (the service words two itself: an unknown key is the stranger key's id not registered in the log, an oversized
 * entry names its size), and appends nothing.
 */
class EnvelopeVectorsTest {
    private static RunningService service;
    private static int logs;

    @BeforeAll
    static void start() throws Exception {
        service = RunningService.start();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    static byte[] vector(String resource) throws IOException {
        try (InputStream in = EnvelopeVectorsTest.class.getClassLoader().getResourceAsStream("vectors/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("test vector vectors/" + resource + " is not on the classpath");
            }
            return in.readAllBytes();
        }
    }

    private static PublicKeyInfo vectorKey(KeyAlgorithm algorithm, String name) throws Exception {
        return PublicKeyInfo.fromBase64(algorithm, new String(vector("keys/" + name + ".pub"), StandardCharsets.UTF_8).strip());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            valid.json                | 201 | valid              |
            valid_two_signatures.json | 201 | valid              |
            valid_pretty_printed.json | 201 | valid              |
            bad_signature.json        | 422 | bad-signature      | signature by key ede4c66fceb7a5100006923e795cf3673f59586d468db9d2d3340560f57d8fe4 does not verify
            not_canonical.json        | 400 | malformed-envelope | envelope payload is not canonical JSON (RFC 8785)
            unknown_key.json          | 422 | unknown-key        | key 65761862ee751fe4c7da8efea930f567f430aa37173f6ca63cb48f0df6ddfa8b is not registered
            oversized.json            | 413 | entry-too-large    | exceeds the limit of 65535 bytes
            wrong_kind.json           | 400 | malformed-envelope | record kind "party" does not match payloadType kind "meter-reading-batch"
            unexpected_member.json    | 400 | malformed-envelope | envelope has unexpected member "extra"
            payload_not_base64.json   | 400 | malformed-envelope | envelope payload is not valid base64
            no_signatures.json        | 400 | malformed-envelope | envelope has no signatures
            """)
    void envelopeVector_submitted(String file, int status, String slug, String detail) throws Exception {
        TestLog log = TestLog.create(service, "vectors-" + (++logs));
        List<String> kinds = Kinds.ALL.stream().filter(k -> !Kinds.isLogAuthored(k)).toList();
        log.registerKey(vectorKey(KeyAlgorithm.ED25519, "operator-root-ed25519"), "submitter", kinds);
        log.registerKey(vectorKey(KeyAlgorithm.ED25519, "meter-gateway-ed25519"), "submitter", kinds);
        log.registerKey(vectorKey(KeyAlgorithm.ECDSA_P256, "submitter-ecdsa-p256"), "submitter", kinds);
        long before = log.sequencedSize();

        HttpResponse<byte[]> response = log.submit(vector("envelopes/" + file));

        assertEquals(status, response.statusCode(), Http.text(response));
        if (slug.equals("valid")) {
            assertEquals(before + 1, log.sequencedSize());
            return;
        }
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        JsonNode problem = Http.json(response);
        assertEquals("https://cbam-ledger.org/problems/" + slug, problem.get("type").asString());
        assertTrue(problem.get("detail").asString().contains(detail), problem.toString());
        assertEquals(before, log.sequencedSize(), "a refused vector appended something");
    }
}
