package org.cbamledger.signer;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Reads an envelope whose bytes are exactly its canonical form ({@link Envelope#canonicalBytes}, every log entry's
 * form) in one pass, without a JSON tree or re-encoding its base64: a plant's year is 180,000 of them. Anything else
 * (other whitespace, member order, escapes, base64 that is not canonical) is {@code null}, for the strict parse to
 * read or refuse; what this reads, the strict parse reads alike (EnvelopeTest, CanonicalEnvelopeTest).
 */
final class CanonicalEnvelope {
    private static final byte[] PAYLOAD = ascii("{\"payload\":\"");
    private static final byte[] PAYLOAD_TYPE = ascii("\",\"payloadType\":\"");
    private static final byte[] SIGNATURES = ascii("\",\"signatures\":[");
    private static final byte[] KEY_ID = ascii("{\"keyid\":\"");
    private static final byte[] SIG = ascii("\",\"sig\":\"");
    private static final byte[] SIGNATURE_END = ascii("\"}");
    private static final byte[] END = ascii("]}");
    private static final int KEY_ID_CHARS = 64;

    private final byte[] json;
    /** Where the envelope's bytes end in {@link #json}. */
    private final int limit;
    private int at;

    private CanonicalEnvelope(byte[] json, int from, int end) {
        this.json = json;
        this.at = from;
        this.limit = end;
    }

    /** The envelope's members as read, its payload decoded: the array is the caller's, no copy of it is made. */
    record Parts(String payloadType, byte[] payload, List<DsseSignature> signatures) {}

    /** The envelope, or {@code null} when the bytes are not exactly a canonical envelope this reader checks. */
    static Envelope read(byte[] json) {
        Parts parts = parts(json, 0, json.length);
        return parts == null ? null : new Envelope(parts.payloadType(), parts.payload(), parts.signatures());
    }

    /** As {@link #read}, of the bytes [from, to) of {@code json}, without making the Envelope. */
    static Parts parts(byte[] json, int from, int to) {
        return new CanonicalEnvelope(json, from, to).envelope();
    }

    private Parts envelope() {
        if (!literal(PAYLOAD)) {
            return null;
        }
        // the payload, most of the bytes, ends where payloadType begins: found from the end, since nothing after it
        // holds a quote but its own literals; a quote within the payload is not base64, which the decoder refuses
        int payloadEnd = lastIndexOf(PAYLOAD_TYPE);
        byte[] payload = payloadEnd < at ? null : base64(payloadEnd);
        if (payload == null || !literal(PAYLOAD_TYPE)) {
            return null;
        }
        String payloadType = string();
        if (payloadType == null || !Envelope.isPayloadType(payloadType) || !literal(SIGNATURES)) {
            return null;
        }
        List<DsseSignature> signatures = new ArrayList<>(1);
        while (true) {
            if (!literal(KEY_ID)) {
                return null;
            }
            String keyId = keyId();
            if (keyId == null || !literal(SIG)) {
                return null;
            }
            int sigEnd = stringEnd();
            byte[] sig = sigEnd < 0 ? null : base64(sigEnd);
            if (sig == null || !literal(SIGNATURE_END)) {
                return null;
            }
            signatures.add(new DsseSignature(keyId, sig));
            if (at == limit || json[at] != ',') {
                break;
            }
            at++;
        }
        return literal(END) && at == limit ? new Parts(payloadType, payload, signatures) : null;
    }

    private boolean literal(byte[] expected) {
        if (limit - at < expected.length || !Arrays.equals(json, at, at + expected.length, expected, 0, expected.length)) {
            return false;
        }
        at += expected.length;
        return true;
    }

    /** Up to the next quote, every byte printable ASCII other than the backslash (no escapes); null otherwise. */
    private int stringEnd() {
        for (int i = at; i < limit; i++) {
            byte b = json[i];
            if (b == '"') {
                return i;
            }
            if (b < 0x20 || b > 0x7e || b == '\\') {
                return -1;
            }
        }
        return -1;
    }

    private String string() {
        int end = stringEnd();
        if (end < 0) {
            return null;
        }
        String value = new String(json, at, end - at, StandardCharsets.US_ASCII);
        at = end;
        return value;
    }

    private String keyId() {
        if (limit - at < KEY_ID_CHARS) {
            return null;
        }
        for (int i = at; i < at + KEY_ID_CHARS; i++) {
            byte b = json[i];
            if (!(b >= '0' && b <= '9' || b >= 'a' && b <= 'f')) {
                return null;
            }
        }
        String keyId = new String(json, at, KEY_ID_CHARS, StandardCharsets.US_ASCII);
        at += KEY_ID_CHARS;
        return keyId;
    }

    /** Where {@code literal} last begins in the bytes, or -1. */
    private int lastIndexOf(byte[] literal) {
        for (int i = limit - literal.length; i >= at; i--) {
            if (Arrays.equals(json, i, i + literal.length, literal, 0, literal.length)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Canonical padded base64 (RFC 4648 §4, §3.5: unused bits zero) from here to {@code end}, decoded; null otherwise.
     * The decoder refuses any byte outside the alphabet and padding, a quote or a backslash among them.
     */
    private byte[] base64(int end) {
        int length = end - at;
        if (length % 4 != 0) {
            return null;
        }
        byte[] decoded;
        try {
            ByteBuffer buffer = Base64.getDecoder().decode(ByteBuffer.wrap(json, at, length));
            decoded = buffer.array().length == buffer.remaining() ? buffer.array() : Arrays.copyOf(buffer.array(), buffer.remaining());
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (length > 0 && json[end - 1] == '=') {
            boolean two = json[end - 2] == '=';
            int last = value(json[end - (two ? 3 : 2)]);
            if ((last & (two ? 0x0f : 0x03)) != 0) {
                return null;
            }
        }
        at = end;
        return decoded;
    }

    /** The six bits of a base64 alphabet character (the decoder has already refused any other). */
    private static int value(byte c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        return c == '+' ? 62 : 63;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
