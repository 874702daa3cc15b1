package org.cbamledger.signer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one-pass reader against the strict parse: it reads what the strict parse reads alike, and nothing else. */
class CanonicalEnvelopeTest {
    private static final SigningKey DEVICE = SigningKey.generate(KeyAlgorithm.ED25519);
    private static final SigningKey OPERATOR = SigningKey.generate(KeyAlgorithm.ECDSA_P256);
    private static final byte[] ODD = "A\\/\"=+ -{}[],:".getBytes(StandardCharsets.US_ASCII);

    private static List<byte[]> canonicalEntries() throws SignerException {
        List<byte[]> entries = new ArrayList<>();
        for (String meterId : List.of("M", "M-", "M-7", "M-77")) {
            byte[] record = ("{\"meterId\":\"" + meterId + "\",\"kind\":\"meter\"}").getBytes(StandardCharsets.UTF_8);
            entries.add(Envelope.sign("meter", record, DEVICE).canonicalBytes());
            entries.add(Envelope.sign("meter", record, DEVICE, OPERATOR).canonicalBytes());
        }
        return entries;
    }

    /** The strict parse of the envelope's own members, or null where it refuses. */
    private static Envelope strict(byte[] json) {
        try {
            return Envelope.shell(CanonicalJson.parse(json));
        } catch (SignerException | RuntimeException e) {
            return null;
        }
    }

    private static void assertAgrees(byte[] json, String what) {
        Envelope fast = CanonicalEnvelope.read(json);
        Envelope strict = strict(json);
        if (fast != null) {
            assertEquals(strict, fast, what + ": read, so the strict parse reads it alike");
        } else {
            assertFalse(strict != null && Arrays.equals(strict.canonicalBytes(), json),
                    what + ": canonical bytes the strict parse reads must be read");
        }
    }

    @Test
    void canonicalEntries_readAsTheStrictParseReadsThem() throws SignerException {
        for (byte[] entry : canonicalEntries()) {
            Envelope fast = CanonicalEnvelope.read(entry);
            assertNotNull(fast);
            assertEquals(Envelope.parse(entry), fast);
            assertArrayEquals(entry, fast.canonicalBytes());
        }
    }

    /** The verifier accepts an entry only in its canonical form: parseWith says whether the bytes are that form. */
    @Test
    void parseWith_saysCanonicalOnlyForTheCanonicalBytes() throws SignerException {
        for (byte[] entry : canonicalEntries()) {
            assertTrue(Envelope.parseWith(entry, (kind, payload) -> null).canonical());
            String text = new String(entry, StandardCharsets.UTF_8);
            byte[] spaced = text.replace("\"payloadType\":", "\"payloadType\": ").getBytes(StandardCharsets.UTF_8);
            byte[] reordered = ("{\"payloadType\":" + text.substring(text.indexOf("\"payloadType\":") + 14,
                    text.indexOf(",\"signatures\"")) + ",\"payload\":" + text.substring(11, text.indexOf(",\"payloadType\""))
                    + text.substring(text.indexOf(",\"signatures\""))).getBytes(StandardCharsets.UTF_8);
            for (byte[] other : List.of(spaced, reordered)) {
                Envelope.Read<Object> read = Envelope.parseWith(other, (kind, payload) -> null);
                assertEquals(Envelope.parse(entry), read.envelope(), "the same envelope, written otherwise");
                assertFalse(read.canonical(), new String(other, StandardCharsets.UTF_8));
            }
        }
    }

    /** Every byte replaced by characters that matter to JSON and base64, dropped, or doubled. */
    @Test
    void everyOneByteChange_isReadAsTheStrictParseReadsIt_orNotAtAll() throws SignerException {
        for (byte[] entry : canonicalEntries()) {
            for (int i = 0; i < entry.length; i++) {
                for (byte b : ODD) {
                    byte[] changed = entry.clone();
                    changed[i] = b;
                    assertAgrees(changed, "byte " + i + " as " + (char) b);
                }
                byte[] dropped = new byte[entry.length - 1];
                System.arraycopy(entry, 0, dropped, 0, i);
                System.arraycopy(entry, i + 1, dropped, i, entry.length - i - 1);
                assertAgrees(dropped, "byte " + i + " dropped");
                byte[] doubled = new byte[entry.length + 1];
                System.arraycopy(entry, 0, doubled, 0, i + 1);
                System.arraycopy(entry, i, doubled, i + 1, entry.length - i);
                assertAgrees(doubled, "byte " + i + " doubled");
            }
        }
    }

    @Test
    void nonCanonicalBase64_whitespace_escapesAndOtherOrders_areLeftToTheStrictParse() throws SignerException {
        byte[] entry = Envelope.sign("meter", "{\"kind\":\"meter\",\"meterId\":\"M-7\"}".getBytes(StandardCharsets.UTF_8),
                DEVICE).canonicalBytes();
        String text = new String(entry, StandardCharsets.US_ASCII);
        String payload = text.substring(12, text.indexOf('"', 12));
        // "M-7\"}" ends in one '=' of padding: its last character's two unused bits set is the same bytes in base64
        // that is not canonical (RFC 4648 §3.5)
        char last = payload.charAt(payload.length() - 2);
        String loose = payload.substring(0, payload.length() - 2) + (char) (last + 1) + "=";
        assertArrayEquals(Base64.getDecoder().decode(payload), Base64.getDecoder().decode(loose));
        for (String variant : List.of(
                text.replace(payload, loose),
                text.replace(payload, payload.replace("=", "")),
                text.replace("\":\"", "\": \""),
                " " + text,
                text + "\n",
                text.replace("{\"keyid\"", "{\"sig\":\"AA==\",\"keyid\"").replace("\",\"sig\":\"", "\",\"x\":\""),
                text.replace("application/", "application\\/"),
                text.replace("\"payloadType\"", "\"payload\\u0054ype\""),
                text.replace("[{", "[ {"),
                text.replace("]}", "],\"payload\":\"\"}"),
                text.replace("\"}]}", "\",\"payloadType\":\"" + payload + "\"}]}"))) {
            assertNull(CanonicalEnvelope.read(variant.getBytes(StandardCharsets.US_ASCII)), variant);
        }
        String escaped = text.replace("application/", "application\\/");
        assertEquals(Envelope.parse(entry), Envelope.parse(escaped.getBytes(StandardCharsets.US_ASCII)),
                "the strict parse still reads an escaped solidus");
        assertThrows(SignerException.class, () -> Envelope.parse(text.replace(payload, loose).getBytes(StandardCharsets.US_ASCII)));
    }

    /** What parseWithRecord makes of {@code json}: envelope, record and canonical bytes, or its refusal. */
    private static List<Object> parsed(byte[] json, boolean tree) {
        try {
            Envelope.Parsed p = tree ? Envelope.parseTree(CanonicalJson.parse(json)) : Envelope.parseWithRecord(json);
            return List.of(p.envelope(), p.record(), Base64.getEncoder().encodeToString(p.canonicalBytes()));
        } catch (SignerException | RuntimeException e) {
            return List.of("refused", String.valueOf(e.getMessage()));
        }
    }

    @Test
    void parseWithRecord_onCanonicalBytes_makesWhatTheTreeParseMakes() throws SignerException {
        List<byte[]> cases = new ArrayList<>(canonicalEntries());
        // canonical envelopes around payloads that are no canonical record of their kind
        for (String payload : List.of("{\"meterId\":\"M\", \"kind\":\"meter\"}", "{\"kind\":\"meter\",\"meterId\":\"M\"}",
                "{\"kind\":\"other\"}", "[1]", "{\"kind\":\"meter\"")) {
            cases.add(new Envelope(Envelope.payloadTypeFor("meter"), payload.getBytes(StandardCharsets.UTF_8),
                    List.of(new DsseSignature(DEVICE.keyId(), new byte[64]))).canonicalBytes());
        }
        for (byte[] json : cases) {
            assertEquals(parsed(json, true), parsed(json, false), new String(json, StandardCharsets.UTF_8));
            Envelope read = Envelope.readCanonical(json);
            assertNotNull(read);
            List<Object> withRecord;
            try {
                Envelope.Parsed p = read.withRecord();
                withRecord = List.of(p.envelope(), p.record(), Base64.getEncoder().encodeToString(p.canonicalBytes()));
            } catch (SignerException e) {
                withRecord = List.of("refused", e.getMessage());
            }
            assertEquals(parsed(json, true), withRecord);
        }
        assertEquals("refused", parsed(cases.get(8), false).getFirst(), "a payload with whitespace is refused");
        assertEquals(parsed(cases.getFirst(), true).get(0), parsed(cases.getFirst(), false).get(0));
    }

    @Test
    void readCanonical_refusesAnythingButTheCanonicalForm() throws SignerException {
        byte[] entry = canonicalEntries().getFirst();
        String text = new String(entry, StandardCharsets.US_ASCII);
        assertNotNull(Envelope.readCanonical(entry));
        assertNull(Envelope.readCanonical((" " + text).getBytes(StandardCharsets.US_ASCII)));
        assertNull(Envelope.readCanonical(text.replace("\":\"", "\": \"").getBytes(StandardCharsets.US_ASCII)));
        assertNull(Envelope.readCanonical(Arrays.copyOf(entry, entry.length - 1)));
        assertNull(Envelope.readCanonical(new byte[Envelope.MAX_BYTES + 1]));
    }
}
