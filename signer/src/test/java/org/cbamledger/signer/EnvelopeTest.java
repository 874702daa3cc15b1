package org.cbamledger.signer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnvelopeTest {
    private static final SigningKey DEVICE = SigningKey.generate(KeyAlgorithm.ED25519);
    private static final SigningKey OPERATOR = SigningKey.generate(KeyAlgorithm.ECDSA_P256);
    private static final byte[] RECORD =
            "{ \"meterId\": \"M-7\", \"kind\": \"meter\", \"unit\": \"kWh\" }".getBytes(StandardCharsets.UTF_8);

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void parse_ofASequenceNumberBeyondTwoToThe53_saysWhatIsWrong() {
        String payload = "{\"kind\":\"meter-reading-batch\",\"sequence\":9007199254740993}";
        String envelope = "{\"payloadType\":\"application/vnd.cbamledger.meter-reading-batch.v1+json\",\"payload\":\""
                + Base64.getEncoder().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + "\",\"signatures\":[{\"keyid\":\"" + "a".repeat(64) + "\",\"sig\":\""
                + Base64.getEncoder().encodeToString(new byte[64]) + "\"}]}";
        SignerException e = assertThrows(SignerException.class,
                () -> Envelope.parse(envelope.getBytes(StandardCharsets.UTF_8)));
        assertEquals("envelope payload is not a JSON record: JSON integer 9007199254740993 cannot be represented"
                + " exactly as an IEEE 754 double (I-JSON, RFC 7493 §2.2: integers within ±2^53)", e.getMessage());
    }

    @Test
    void pae_matchesDsseSpecExample() {
        assertEquals("DSSEv1 29 http://example.com/HelloWorld 11 hello world",
                new String(Envelope.pae("http://example.com/HelloWorld", bytes("hello world")), StandardCharsets.UTF_8));
    }

    @Test
    void sign_canonicalizesRecordAndSignsPaeWithEveryKey() throws SignerException {
        Envelope envelope = Envelope.sign("meter", RECORD, DEVICE, OPERATOR);
        assertEquals("application/vnd.cbamledger.meter.v1+json", envelope.payloadType());
        assertEquals("meter", envelope.kind());
        assertEquals("{\"kind\":\"meter\",\"meterId\":\"M-7\",\"unit\":\"kWh\"}",
                new String(envelope.payload(), StandardCharsets.UTF_8));
        assertTrue(envelope.isSignedBy(DEVICE.publicKey()));
        assertTrue(envelope.isSignedBy(OPERATOR.publicKey()));
        assertFalse(envelope.isSignedBy(SigningKey.generate(KeyAlgorithm.ED25519).publicKey()));
        assertEquals("M-7", envelope.record().get("meterId").stringValue());
    }

    @Test
    void canonicalLength_isTheLengthOfTheCanonicalBytes_forEveryBase64PaddingAndSignatureCount() throws SignerException {
        for (String meterId : List.of("M", "M-", "M-7", "M-77")) {
            byte[] record = bytes("{\"meterId\":\"" + meterId + "\",\"kind\":\"meter\",\"unit\":\"kWh\"}");
            for (Envelope envelope : List.of(Envelope.sign("meter", record, DEVICE), Envelope.sign("meter", record, DEVICE, OPERATOR))) {
                assertEquals(envelope.canonicalBytes().length, envelope.canonicalLength(), meterId);
            }
        }
    }

    @Test
    void canonicalBytes_areTheRfc8785FormOfTheEnvelope() throws SignerException {
        Envelope envelope = Envelope.sign("meter", RECORD, DEVICE, OPERATOR);
        assertArrayEquals(CanonicalJson.canonicalize(envelope.canonicalBytes()), envelope.canonicalBytes());
        assertArrayEquals(Merkle.leafHash(envelope.canonicalBytes()), envelope.leafHash());
    }

    @Test
    void parse_roundTripsCanonicalBytesAndPrettyPrintedInput() throws SignerException {
        Envelope envelope = Envelope.sign("meter", RECORD, DEVICE);
        assertEquals(envelope, Envelope.parse(envelope.canonicalBytes()));
        String pretty = "{\n  \"signatures\": [{\"sig\": \"" + Base64.getEncoder().encodeToString(envelope.signatures().getFirst().sig())
                + "\", \"keyid\": \"" + DEVICE.keyId() + "\"}],\n  \"payloadType\": \"" + envelope.payloadType()
                + "\",\n  \"payload\": \"" + Base64.getEncoder().encodeToString(envelope.payload()) + "\"\n}\n";
        assertArrayEquals(envelope.canonicalBytes(), Envelope.parse(bytes(pretty)).canonicalBytes());
    }

    @Test
    void parseTree_ofAPrettyPrintedTree_givesTheEnvelopeItsRecordAndItsCanonicalBytes() throws SignerException {
        Envelope envelope = Envelope.sign("meter", RECORD, DEVICE, OPERATOR);
        String pretty = "{\n  \"signatures\": [" + signatureJson(envelope, 1) + ", " + signatureJson(envelope, 0)
                + "],\n  \"payloadType\": \"" + envelope.payloadType() + "\",\n  \"payload\": \""
                + Base64.getEncoder().encodeToString(envelope.payload()) + "\"\n}\n";
        Envelope.Parsed parsed = Envelope.parseTree(CanonicalJson.parse(bytes(pretty)));
        Envelope reordered = new Envelope(envelope.payloadType(), envelope.payload(),
                List.of(envelope.signatures().get(1), envelope.signatures().get(0)));
        assertEquals(reordered, parsed.envelope());
        assertArrayEquals(reordered.canonicalBytes(), parsed.canonicalBytes());
        assertEquals(envelope.record(), parsed.record());
        assertArrayEquals(Envelope.parseWithRecord(bytes(pretty)).canonicalBytes(), parsed.canonicalBytes());
    }

    @Test
    void parseTree_refusesAPayloadLargerThanAnEntryBeforeDecodingIt() throws SignerException {
        String tree = "{\"payload\":\"" + "!".repeat(Envelope.MAX_BYTES + 1) + "\",\"payloadType\":"
                + "\"application/vnd.cbamledger.meter.v1+json\",\"signatures\":[" + signatureJson(Envelope.sign("meter", RECORD, DEVICE), 0) + "]}";
        assertEquals("envelope exceeds 65536 bytes",
                assertThrows(SignerException.class, () -> Envelope.parseTree(CanonicalJson.parse(bytes(tree)))).getMessage());
    }

    private static String signatureJson(Envelope envelope, int index) {
        DsseSignature signature = envelope.signatures().get(index);
        return "{\"sig\": \"" + Base64.getEncoder().encodeToString(signature.sig()) + "\", \"keyid\": \"" + signature.keyId() + "\"}";
    }

    @Test
    void sign_rejectsRecordOfOtherKind() {
        SignerException e = assertThrows(SignerException.class, () -> Envelope.sign("party", RECORD, DEVICE));
        assertEquals("record kind \"meter\" does not match payloadType kind \"party\"", e.getMessage());
    }

    @Test
    void sign_rejectsRecordWithoutKind() {
        SignerException e = assertThrows(SignerException.class, () -> Envelope.sign("meter", bytes("{\"a\":1}"), DEVICE));
        assertEquals("record has no string member \"kind\"", e.getMessage());
    }

    @Test
    void parse_rejectsUnexpectedMember() throws SignerException {
        String json = new String(Envelope.sign("meter", RECORD, DEVICE).canonicalBytes(), StandardCharsets.UTF_8);
        String extra = json.replaceFirst("\\{", "{\"extra\":1,");
        assertEquals("envelope has unexpected member \"extra\"",
                assertThrows(SignerException.class, () -> Envelope.parse(bytes(extra))).getMessage());
    }

    @Test
    void parse_rejectsMissingSignatures() {
        String json = "{\"payload\":\"e30=\",\"payloadType\":\"application/vnd.cbamledger.meter.v1+json\"}";
        assertEquals("envelope is missing member \"signatures\"",
                assertThrows(SignerException.class, () -> Envelope.parse(bytes(json))).getMessage());
        String empty = "{\"payload\":\"e30=\",\"payloadType\":\"application/vnd.cbamledger.meter.v1+json\",\"signatures\":[]}";
        assertEquals("envelope has no signatures",
                assertThrows(SignerException.class, () -> Envelope.parse(bytes(empty))).getMessage());
    }

    @Test
    void parse_rejectsUnpaddedBase64() throws SignerException {
        Envelope envelope = Envelope.sign("meter", RECORD, DEVICE);
        String payload = Base64.getEncoder().encodeToString(envelope.payload());
        String json = new String(envelope.canonicalBytes(), StandardCharsets.UTF_8)
                .replace(payload, payload.replace("=", ""));
        if (payload.contains("=")) {
            assertEquals("envelope payload is not valid base64",
                    assertThrows(SignerException.class, () -> Envelope.parse(bytes(json))).getMessage());
        }
        String badSig = new String(envelope.canonicalBytes(), StandardCharsets.UTF_8).replace("\"sig\":\"", "\"sig\":\"*");
        assertEquals("envelope signature sig is not valid base64",
                assertThrows(SignerException.class, () -> Envelope.parse(bytes(badSig))).getMessage());
    }

    @Test
    void parse_rejectsForeignPayloadType() {
        String json = "{\"payload\":\"e30=\",\"payloadType\":\"application/vnd.in-toto+json\",\"signatures\":[]}";
        assertEquals("envelope payloadType \"application/vnd.in-toto+json\" is not a cbam-ledger record type",
                assertThrows(SignerException.class, () -> Envelope.parse(bytes(json))).getMessage());
    }

    @Test
    void parse_rejectsOversizedInput() {
        byte[] big = new byte[Envelope.MAX_BYTES + 1];
        assertEquals("envelope exceeds 65536 bytes",
                assertThrows(SignerException.class, () -> Envelope.parse(big)).getMessage());
    }

    @Test
    void sign_rejectsRecordThatMakesEnvelopeOversized() {
        String record = "{\"kind\":\"meter\",\"note\":\"" + "x".repeat(50_000) + "\"}";
        assertEquals("envelope exceeds 65536 bytes",
                assertThrows(SignerException.class, () -> Envelope.sign("meter", bytes(record), DEVICE)).getMessage());
    }

    @Test
    void envelopeVerifier_acceptsKnownSignerAndIgnoresUnknownCosigner() throws SignerException {
        Envelope envelope = Envelope.sign("meter", RECORD, DEVICE, OPERATOR);
        assertEquals(List.of(DEVICE.publicKey()), EnvelopeVerifier.verify(envelope, List.of(DEVICE.publicKey())));
    }

    @Test
    void envelopeVerifier_rejectsEnvelopeWithoutKnownSigner() throws SignerException {
        Envelope envelope = Envelope.sign("meter", RECORD, DEVICE);
        assertEquals("envelope has no signature by a known key", assertThrows(SignerException.class,
                () -> EnvelopeVerifier.verify(envelope, List.of(OPERATOR.publicKey()))).getMessage());
    }

    @Test
    void envelopeVerifier_rejectsBadSignatureByKnownKey() throws SignerException {
        Envelope signed = Envelope.sign("meter", RECORD, DEVICE);
        byte[] sig = signed.signatures().getFirst().sig();
        sig[0] ^= 1;
        Envelope tampered = new Envelope(signed.payloadType(), signed.payload(), List.of(new DsseSignature(DEVICE.keyId(), sig)));
        assertEquals("envelope signature by key " + DEVICE.keyId() + " does not verify", assertThrows(SignerException.class,
                () -> EnvelopeVerifier.verify(tampered, List.of(DEVICE.publicKey()))).getMessage());
    }
}
