package org.cbamledger.signer;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** RFC 8785 JSON Canonicalization Scheme (JCS). */
public final class CanonicalJson {
    private CanonicalJson() {}

    public static byte[] canonicalize(byte[] json) throws SignerException {
        return canonicalize(parse(json));
    }

    public static byte[] canonicalize(JsonNode node) throws SignerException {
        return canonicalize(node, 256);
    }

    /** {@code expectedBytes}: about how long the result is (e.g. the bytes it was parsed from), to size the buffer once. */
    static byte[] canonicalize(JsonNode node, int expectedBytes) throws SignerException {
        StringBuilder out = new StringBuilder(expectedBytes + 16);
        write(node, out, null);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The SHA-256 digest of {@link #canonicalize(JsonNode)}, the canonical text hashed a chunk at a time instead of held
     * whole (a plant's year: a calculation result lists 180,000 entries, tens of megabytes as one string).
     */
    public static byte[] sha256(JsonNode node) throws SignerException {
        MessageDigest digest = Sha256.newDigest();
        StringBuilder out = new StringBuilder(CHUNK_CHARS + 1024);
        write(node, out, digest);
        flush(out, digest);
        return digest.digest();
    }

    private static final int CHUNK_CHARS = 1 << 16;

    /** Hashes and empties {@code out}; called between values only, so no surrogate pair is split. */
    private static void flush(StringBuilder out, MessageDigest digest) {
        digest.update(out.toString().getBytes(StandardCharsets.UTF_8));
        out.setLength(0);
    }

    /** Parses JSON strictly: well-formed UTF-8, no duplicate member names, nothing after the value. */
    static JsonNode parse(byte[] json) throws SignerException {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(json));
        } catch (CharacterCodingException e) {
            throw new SignerException("JSON is not valid UTF-8", e);
        }
        try {
            JsonNode node = JsonMappers.I_JSON.readTree(json);
            if (node == null || node.isMissingNode()) {
                throw new SignerException("JSON is empty");
            }
            return node;
        } catch (JacksonException e) {
            throw new SignerException("JSON is malformed: " + e.getOriginalMessage(), e);
        }
    }

    /** Writes {@code node} to {@code out}; with a digest, {@code out} is hashed and emptied whenever it fills a chunk. */
    private static void write(JsonNode node, StringBuilder out, MessageDigest digest) throws SignerException {
        if (digest != null && out.length() >= CHUNK_CHARS) {
            flush(out, digest);
        }
        if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> members = new ArrayList<>(node.properties());
            // RFC 8785 §3.2.3: sort by UTF-16 code units, which is String.compareTo.
            members.sort(Map.Entry.comparingByKey());
            out.append('{');
            for (int i = 0; i < members.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                writeString(members.get(i).getKey(), out);
                out.append(':');
                write(members.get(i).getValue(), out, digest);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            int i = 0;
            for (JsonNode element : node.values()) {
                if (i++ > 0) {
                    out.append(',');
                }
                write(element, out, digest);
            }
            out.append(']');
        } else if (node.isString()) {
            writeString(node.stringValue(), out);
        } else if (node.isNumber()) {
            out.append(EcmaScriptNumber.format(toDouble(node)));
        } else if (node.isBoolean()) {
            out.append(node.booleanValue() ? "true" : "false");
        } else if (node.isNull()) {
            out.append("null");
        } else {
            throw new SignerException("JSON value of unsupported type " + node.getNodeType());
        }
    }

    private static double toDouble(JsonNode number) throws SignerException {
        double value;
        if (number.isIntegralNumber()) {
            BigInteger integer = number.bigIntegerValue();
            value = integer.doubleValue();
            // Refuse rather than silently change an integer that a double cannot hold (RFC 7493 §2.2).
            if (Double.isFinite(value) && !new BigDecimal(value).toBigIntegerExact().equals(integer)) {
                throw new SignerException("JSON integer " + integer + " cannot be represented exactly as an IEEE 754 double"
                        + " (I-JSON, RFC 7493 §2.2: integers within ±2^53)");
            }
        } else if (number.isBigDecimal()) {
            BigDecimal decimal = number.decimalValue();
            value = decimal.doubleValue();
        } else {
            value = number.doubleValue();
        }
        if (!Double.isFinite(value)) {
            throw new SignerException("JSON number is not finite");
        }
        return value;
    }

    // RFC 8785 §3.2.2.2
    private static void writeString(String s, StringBuilder out) throws SignerException {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                out.append(c).append(s.charAt(++i));
                continue;
            }
            if (Character.isSurrogate(c)) {
                throw new SignerException("JSON string contains an unpaired surrogate");
            }
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
