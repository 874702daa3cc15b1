package org.cbamledger.signer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** A DSSE envelope holding one record (CONTRACTS.md "Records and envelopes"). */
public record Envelope(String payloadType, byte[] payload, List<DsseSignature> signatures) {
    /** Maximum size of an entry's canonical bytes (CONTRACTS.md). */
    public static final int MAX_BYTES = 65_536;

    private static final Pattern KEY_ID = Pattern.compile("[0-9a-f]{64}");

    public Envelope {
        payload = payload.clone();
        signatures = List.copyOf(signatures);
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    public static String payloadTypeFor(String kind) {
        return "application/vnd.cbamledger." + kind + ".v1+json";
    }

    /** Canonicalizes the record (RFC 8785), checks its kind and signs the DSSE PAE with every key. */
    public static Envelope sign(String kind, byte[] recordJson, SigningKey... keys) throws SignerException {
        if (keys.length == 0) {
            throw new SignerException("envelope has no signatures");
        }
        String payloadType = payloadTypeFor(kind);
        if (PayloadTypes.kind(payloadType) == null) {
            throw new SignerException("record kind \"" + kind + "\" is not a valid kind");
        }
        JsonNode record = CanonicalJson.parse(recordJson);
        byte[] canonical = CanonicalJson.canonicalize(record);
        checkRecordKind(kind, record);
        byte[] pae = pae(payloadType, canonical);
        List<DsseSignature> signatures = new ArrayList<>();
        for (SigningKey key : keys) {
            signatures.add(new DsseSignature(key.keyId(), key.sign(pae)));
        }
        Envelope envelope = new Envelope(payloadType, canonical, signatures);
        if (envelope.canonicalBytes().length > MAX_BYTES) {
            throw new SignerException("envelope exceeds " + MAX_BYTES + " bytes");
        }
        return envelope;
    }

    /**
     * Parses an envelope strictly: exactly the members payloadType, payload and signatures (each
     * signature exactly keyid and sig), canonical base64, a payload that is the RFC 8785 form of a
     * record whose kind matches payloadType. Signatures are not verified here (see EnvelopeVerifier).
     */
    public static Envelope parse(byte[] json) throws SignerException {
        return parseWithRecord(json).envelope();
    }

    /**
     * An envelope, its record and its canonical bytes (the entry as stored and hashed), each made once. When the bytes
     * parsed were exactly the canonical form, {@code canonicalBytes} is the caller's own array: not to be changed.
     */
    public record Parsed(Envelope envelope, JsonNode record, byte[] canonicalBytes) {}

    /** {@link #parse}, keeping what it made: the write path reads each payload once, not again by {@link #record}. */
    public static Parsed parseWithRecord(byte[] json) throws SignerException {
        if (json.length > MAX_BYTES) {
            throw new SignerException("envelope exceeds " + MAX_BYTES + " bytes");
        }
        Envelope canonical = CanonicalEnvelope.read(json);
        if (canonical != null) {
            // the bytes are exactly the envelope's canonical form, so they are its canonical bytes
            return new Parsed(canonical, record(canonical.kind(), canonical.payload), json);
        }
        return parseTree(CanonicalJson.parse(json));
    }

    /**
     * The envelope when {@code json} is exactly its canonical form (every log entry; a client that serialises
     * envelopes canonically), read in one pass without a tree; else {@code null}, for {@link #parseWithRecord} to read
     * or refuse. Its payload is not read yet: see {@link #withRecord}.
     */
    public static Envelope readCanonical(byte[] json) {
        return json.length > MAX_BYTES ? null : CanonicalEnvelope.read(json);
    }

    /** This envelope as {@link #parseWithRecord} makes it: its payload checked as a record of its kind, its canonical bytes. */
    public Parsed withRecord() throws SignerException {
        return new Parsed(this, record(kind(), payload), sized(this));
    }

    /**
     * {@link #parseWithRecord} on an envelope already parsed as JSON, e.g. an element of a batch body: the tree must
     * come from a strict parse (no duplicate member names, as {@link CanonicalJson#parse}). Every other check of
     * {@link #parse} is made here, the envelope's size on its canonical bytes.
     */
    public static Parsed parseTree(JsonNode root) throws SignerException {
        Envelope envelope = shell(root);
        JsonNode record = record(envelope.kind(), envelope.payload);
        return new Parsed(envelope, record, sized(envelope));
    }

    /** Reads a payload without a tree: non-null only when the bytes are the RFC 8785 form of a record of {@code kind}. */
    @FunctionalInterface
    public interface PayloadReader<T> {
        T read(String kind, byte[] payload);
    }

    /**
     * An envelope and its record: as the reader read it ({@code compact}), or else as a tree ({@code record});
     * {@code canonical}: the bytes read are exactly the envelope's canonical form, the form of every log entry.
     */
    public record Read<T>(Envelope envelope, JsonNode record, T compact, boolean canonical) {}

    /**
     * {@link #parseWithRecord}, except that a payload the reader takes is not parsed into a tree (a plant's year of
     * columnar batches): the reader vouches for its canonical form and kind. Every other check is the same; an
     * envelope in exactly its canonical form (a log entry) is read without a tree ({@link CanonicalEnvelope}).
     */
    public static <T> Read<T> parseWith(byte[] json, PayloadReader<T> reader) throws SignerException {
        if (json.length > MAX_BYTES) {
            throw new SignerException("envelope exceeds " + MAX_BYTES + " bytes");
        }
        Envelope canonical = CanonicalEnvelope.read(json);
        Envelope envelope = canonical != null ? canonical : shell(CanonicalJson.parse(json));
        T compact = reader.read(envelope.kind(), envelope.payload);
        JsonNode record = compact == null ? record(envelope.kind(), envelope.payload) : null;
        if (envelope.canonicalLength() > MAX_BYTES) {
            throw new SignerException("envelope exceeds " + MAX_BYTES + " bytes");
        }
        return new Read<>(envelope, record, compact,
                canonical != null || Arrays.equals(json, envelope.canonicalBytes()));
    }

    /** An entry's kind and its record: as the reader read it ({@code compact}), or else as a tree ({@code record}). */
    public record EntryRead<T>(String kind, JsonNode record, T compact) {}

    /**
     * {@link #parseWith} on the entry at [from, to) of {@code bytes} (one of a C2SP entry bundle's), with every check of
     * it, without copying the entry out or making its Envelope (the payload is decoded once and given to the reader):
     * its kind and record only.
     */
    public static <T> EntryRead<T> readEntry(byte[] bytes, int from, int to, PayloadReader<T> reader) throws SignerException {
        Objects.checkFromToIndex(from, to, bytes.length);
        if (to - from > MAX_BYTES) {
            throw new SignerException("envelope exceeds " + MAX_BYTES + " bytes");
        }
        CanonicalEnvelope.Parts parts = CanonicalEnvelope.parts(bytes, from, to);
        if (parts == null) {
            Read<T> read = parseWith(Arrays.copyOfRange(bytes, from, to), reader);
            return new EntryRead<>(read.envelope().kind(), read.record(), read.compact());
        }
        // read in its canonical form: its canonical length is to - from, within MAX_BYTES as checked above
        String kind = PayloadTypes.kind(parts.payloadType());
        T compact = reader.read(kind, parts.payload());
        return new EntryRead<>(kind, compact == null ? record(kind, parts.payload()) : null, compact);
    }

    static boolean isPayloadType(String payloadType) {
        return PayloadTypes.kind(payloadType) != null;
    }

    /** The envelope's own members checked; its payload not yet read. */
    static Envelope shell(JsonNode root) throws SignerException {
        if (!root.isObject()) {
            throw new SignerException("envelope is not a JSON object");
        }
        requireMembers(root, Set.of("payloadType", "payload", "signatures"), "envelope");
        String payloadType = requireString(root, "payloadType", "envelope");
        if (PayloadTypes.kind(payloadType) == null) {
            throw new SignerException("envelope payloadType \"" + payloadType + "\" is not a cbam-ledger record type");
        }
        String payloadText = requireString(root, "payload", "envelope");
        if (payloadText.length() > MAX_BYTES) {
            // the canonical envelope holds the payload's base64 as it is: too large before it is decoded
            throw new SignerException("envelope exceeds " + MAX_BYTES + " bytes");
        }
        byte[] payload = Base64s.decodeStrict(payloadText, "envelope payload");
        JsonNode signaturesNode = root.get("signatures");
        if (!signaturesNode.isArray()) {
            throw new SignerException("envelope member \"signatures\" is not an array");
        }
        if (signaturesNode.isEmpty()) {
            throw new SignerException("envelope has no signatures");
        }
        List<DsseSignature> signatures = new ArrayList<>();
        for (JsonNode signature : signaturesNode.values()) {
            if (!signature.isObject()) {
                throw new SignerException("envelope signature is not a JSON object");
            }
            requireMembers(signature, Set.of("keyid", "sig"), "envelope signature");
            String keyId = requireString(signature, "keyid", "envelope signature");
            if (!KEY_ID.matcher(keyId).matches()) {
                throw new SignerException("envelope signature keyid is not a lowercase hex SHA-256");
            }
            byte[] sig = Base64s.decodeStrict(requireString(signature, "sig", "envelope signature"), "envelope signature sig");
            signatures.add(new DsseSignature(keyId, sig));
        }
        return new Envelope(payloadType, payload, signatures);
    }

    /** The payload as a record: canonical (RFC 8785) and of the payloadType's kind. */
    private static JsonNode record(String kind, byte[] payload) throws SignerException {
        JsonNode record;
        byte[] canonicalPayload;
        try {
            record = CanonicalJson.parse(payload);
            canonicalPayload = CanonicalJson.canonicalize(record, payload.length);
        } catch (SignerException e) {
            throw new SignerException("envelope payload is not a JSON record: " + e.getMessage(), e);
        }
        if (!Arrays.equals(canonicalPayload, payload)) {
            throw new SignerException("envelope payload is not canonical JSON (RFC 8785)");
        }
        checkRecordKind(kind, record);
        return record;
    }

    /** The envelope's canonical bytes, within {@link #MAX_BYTES}. */
    private static byte[] sized(Envelope envelope) throws SignerException {
        byte[] canonical = envelope.canonicalBytes();
        if (canonical.length > MAX_BYTES) {
            throw new SignerException("envelope exceeds " + MAX_BYTES + " bytes");
        }
        return canonical;
    }

    public String kind() {
        String kind = PayloadTypes.kind(payloadType);
        if (kind == null) {
            throw new IllegalStateException("payloadType is not a cbam-ledger record type: " + payloadType);
        }
        return kind;
    }

    /** DSSE pre-authentication encoding: "DSSEv1" SP len(type) SP type SP len(body) SP body. */
    public byte[] pae() {
        return pae(payloadType, payload);
    }

    static byte[] pae(String payloadType, byte[] payload) {
        byte[] type = payloadType.getBytes(StandardCharsets.UTF_8);
        byte[] head = ("DSSEv1 " + type.length + " " + payloadType + " " + payload.length + " ")
                .getBytes(StandardCharsets.UTF_8);
        byte[] out = Arrays.copyOf(head, head.length + payload.length);
        System.arraycopy(payload, 0, out, head.length, payload.length);
        return out;
    }

    /** RFC 8785 bytes of the envelope: the entry exactly as stored and hashed in the log. */
    public byte[] canonicalBytes() {
        // Members in RFC 8785 order: payload < payloadType < signatures; keyid < sig. All values are
        // base64, hex or a checked payloadType, so none needs escaping.
        StringBuilder out = new StringBuilder(64 + payload.length * 4 / 3 + payloadType.length() + signatures.size() * 200);
        out.append("{\"payload\":\"").append(Base64s.encode(payload))
                .append("\",\"payloadType\":\"").append(payloadType)
                .append("\",\"signatures\":[");
        for (int i = 0; i < signatures.size(); i++) {
            DsseSignature signature = signatures.get(i);
            out.append(i == 0 ? "" : ",")
                    .append("{\"keyid\":\"").append(signature.keyId())
                    .append("\",\"sig\":\"").append(Base64s.encode(signature.sig())).append("\"}");
        }
        out.append("]}");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The length of {@link #canonicalBytes}, counted without encoding them (a year's read back checks 180,000). */
    public long canonicalLength() {
        long length = "{\"payload\":\"".length() + base64Length(payload.length) + "\",\"payloadType\":\"".length()
                + payloadType.getBytes(StandardCharsets.UTF_8).length + "\",\"signatures\":[".length() + "]}".length();
        for (int i = 0; i < signatures.size(); i++) {
            DsseSignature signature = signatures.get(i);
            length += (i == 0 ? 0 : 1) + "{\"keyid\":\"".length() + signature.keyId().getBytes(StandardCharsets.UTF_8).length
                    + "\",\"sig\":\"".length() + base64Length(signature.sig().length) + "\"}".length();
        }
        return length;
    }

    /** RFC 4648 §4 with padding: four characters for every three bytes or part of three. */
    private static long base64Length(int bytes) {
        return 4L * ((bytes + 2L) / 3);
    }

    public byte[] leafHash() {
        return Merkle.leafHash(canonicalBytes());
    }

    /** True if a signature carrying key.keyId() verifies over pae() with that key. */
    public boolean isSignedBy(PublicKeyInfo key) {
        String keyId = key.keyId();
        byte[] pae = pae();
        for (DsseSignature signature : signatures) {
            if (signature.keyId().equals(keyId) && key.verify(pae, signature.sig())) {
                return true;
            }
        }
        return false;
    }

    public JsonNode record() throws SignerException {
        return CanonicalJson.parse(payload);
    }

    private static void checkRecordKind(String kind, JsonNode record) throws SignerException {
        if (!record.isObject()) {
            throw new SignerException("record is not a JSON object");
        }
        JsonNode recordKind = record.get("kind");
        if (recordKind == null || !recordKind.isString()) {
            throw new SignerException("record has no string member \"kind\"");
        }
        if (!recordKind.stringValue().equals(kind)) {
            throw new SignerException(
                    "record kind \"" + recordKind.stringValue() + "\" does not match payloadType kind \"" + kind + "\"");
        }
    }

    private static void requireMembers(JsonNode object, Set<String> expected, String what) throws SignerException {
        for (String name : object.propertyNames()) {
            if (!expected.contains(name)) {
                throw new SignerException(what + " has unexpected member \"" + name + "\"");
            }
        }
        for (String name : expected.stream().sorted().toList()) {
            if (!object.has(name)) {
                throw new SignerException(what + " is missing member \"" + name + "\"");
            }
        }
    }

    private static String requireString(JsonNode object, String name, String what) throws SignerException {
        JsonNode value = object.get(name);
        if (!value.isString()) {
            throw new SignerException(what + " member \"" + name + "\" is not a string");
        }
        return value.stringValue();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Envelope other
                && payloadType.equals(other.payloadType)
                && Arrays.equals(payload, other.payload)
                && signatures.equals(other.signatures);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(canonicalBytes());
    }

    @Override
    public String toString() {
        return "Envelope[" + payloadType + ", " + payload.length + " payload bytes, " + signatures + "]";
    }
}
