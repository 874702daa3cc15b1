package org.cbamledger.verifier.context;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cbamledger.calculation.evidence.BatchColumns;
import org.cbamledger.signer.Checkpoint;
import org.cbamledger.signer.DsseSignature;
import org.cbamledger.signer.Envelope;
import org.cbamledger.signer.NoteVerifier;
import org.cbamledger.signer.PublicKeyInfo;
import org.cbamledger.signer.SignedNote;
import org.cbamledger.signer.SignerException;
import org.cbamledger.verifier.bundle.Bundle;
import org.cbamledger.verifier.bundle.BundleException;
import org.cbamledger.verifier.bundle.BundleManifest;
import org.cbamledger.verifier.bundle.BundlePaths;
import org.cbamledger.verifier.policy.PinnedLogKey;
import org.cbamledger.verifier.policy.TrustPolicy;
import tools.jackson.databind.JsonNode;

/**
 * What every check sees: the read bundle, the trust anchors, and the bundle's files parsed once. Closing it removes
 * the temporary file its entries' payloads are kept in.
 */
public final class BundleContext implements Closeable {
    private final Bundle bundle;
    private final List<NoteVerifier> trustedLogKeys;
    private final boolean logKeysPinned;
    private final Set<String> pinnedRootKeyIds;
    private final TrustPolicy policy;
    private final Map<String, Loaded<byte[]>> files = new HashMap<>();
    private EntryScan entries;
    private final Map<Object, Object> derived = new HashMap<>();
    private final Map<Long, Loaded<Checkpoint>> checkpoints = new HashMap<>();
    private LogKeyChain rotations;

    public BundleContext(Bundle bundle, List<NoteVerifier> trustedLogKeys, boolean logKeysPinned,
            Set<String> pinnedRootKeyIds) {
        this(bundle, trustedLogKeys, logKeysPinned ? TrustPolicy.of(trustedLogKeys, pinnedRootKeyIds)
                : TrustPolicy.of(List.of(), pinnedRootKeyIds));
    }

    /** @param trustedLogKeys the policy's log keys, or when it pins none, the bundle's own */
    public BundleContext(Bundle bundle, List<NoteVerifier> trustedLogKeys, TrustPolicy policy) {
        this(bundle, trustedLogKeys, policy, null);
    }

    /**
     * @param scanned the bundle's entries, scanned as BundleReader.read listed a v2 bundle's packs; null: read them
     *     from the bundle on first need
     */
    public BundleContext(Bundle bundle, List<NoteVerifier> trustedLogKeys, TrustPolicy policy, EntryScan scanned) {
        try {
            this.entries = scanned == null ? null : scanned.finish();
        } catch (RuntimeException e) {
            try {
                scanned.close();
            } catch (IOException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
        this.bundle = bundle;
        this.trustedLogKeys = List.copyOf(trustedLogKeys);
        this.logKeysPinned = policy.logKeysPinned();
        this.pinnedRootKeyIds = policy.rootKeyIds();
        this.policy = policy;
    }

    /** What the user pinned: keys and their validity, witnesses and quorum, TSA certificates. */
    public TrustPolicy policy() {
        return policy;
    }

    /**
     * The keys that may sign a checkpoint of this size: the pinned ones valid at it (else the bundle's own), and
     * the keys bundled log-key-rotation entries hand over to from those, valid from their rotation's size.
     */
    public List<NoteVerifier> logKeysAt(long treeSize) {
        List<NoteVerifier> keys = new ArrayList<>(logKeysPinned ? policy.logKeysAt(treeSize) : trustedLogKeys);
        rotations().handedOver().stream().filter(k -> k.validAt(treeSize)).forEach(k -> keys.add(k.key()));
        return keys;
    }

    /** Why the log-key-rotation entry at this index does not hand the log's key over, or null when it does. */
    public String rotationProblem(long index) {
        return rotations().problem(index);
    }

    private LogKeyChain rotations() {
        if (rotations == null) {
            rotations = LogKeyChain.walk(this, logKeysPinned ? policy.logKeys()
                    : trustedLogKeys.stream().map(PinnedLogKey::always).toList());
        }
        return rotations;
    }

    public Bundle bundle() {
        return bundle;
    }

    public BundleManifest manifest() {
        return bundle.manifest();
    }

    /**
     * The pinned log keys, or, when none were pinned, those of the bundle's log-key.vkey; then the keys bundled
     * rotations hand over to from them.
     */
    public List<NoteVerifier> trustedLogKeys() {
        List<NoteVerifier> keys = new ArrayList<>(trustedLogKeys);
        rotations().handedOver().forEach(k -> keys.add(k.key()));
        return keys;
    }

    public boolean logKeysPinned() {
        return logKeysPinned;
    }

    /** Key ids the log's root key must be one of; empty means the root key is not pinned. */
    public Set<String> pinnedRootKeyIds() {
        return pinnedRootKeyIds;
    }

    public Loaded<byte[]> bytes(String file, int maxBytes) {
        return files.computeIfAbsent(file, f -> {
            try {
                return Loaded.of(bundle.read(f, maxBytes));
            } catch (BundleException e) {
                return Loaded.failed(e.getMessage());
            } catch (IOException e) {
                return Loaded.failed("cannot read " + f + ": " + e.getMessage());
            }
        });
    }

    private boolean isStatement(String file) {
        String statement = manifest().statementFile();
        return statement != null && (file.equals(statement) || file.equals(BundlePaths.statementJwsFile(statement)));
    }

    /** A text file, which must be valid UTF-8. */
    public Loaded<String> text(String file) {
        Loaded<byte[]> raw = bytes(file, isStatement(file) ? Bundle.MAX_STATEMENT_BYTES : Bundle.MAX_TEXT_BYTES);
        if (!raw.ok()) {
            return Loaded.failed(raw.error());
        }
        try {
            return Loaded.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw.value()))
                    .toString());
        } catch (CharacterCodingException e) {
            return Loaded.failed("not valid UTF-8");
        }
    }

    /**
     * A value derived once from the bundle for several checks (the key registry, the evidence records, a recomputed
     * calculation), under {@code key}; {@link #forget} lets a large one go.
     */
    @SuppressWarnings("unchecked")
    public <T> T derived(Object key, java.util.function.Supplier<T> compute) {
        Object value = derived.get(key);
        if (value == null) {
            value = compute.get();
            derived.put(key, value);
        }
        return (T) value;
    }

    public void forget(Object key) {
        derived.remove(key);
    }

    @Override
    public void close() throws IOException {
        if (entries != null) {
            entries.close();
        }
    }

    /** Reads the entries now (one pass over the bundle), not at the first check that needs them. */
    public void readEntries() {
        entries();
    }

    /** The entries, read on first need in one pass over the bundle. */
    private EntryScan entries() {
        if (entries == null) {
            try {
                entries = EntryScan.read(bundle);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("cannot read the bundle's entries: " + e.getMessage(), e);
            }
        }
        return entries;
    }

    /** SHA-256(0x00 || the entry's bytes), or null when they could not be read ({@link #envelope} says why). */
    public byte[] leafHash(long index) {
        return entries().leafHash(index);
    }

    /**
     * The entry as a DSSE envelope (signer's strict Envelope.parse), accepted only if its bytes are exactly the
     * envelope's RFC 8785 canonical form and its record's kind is the payloadType's kind.
     */
    public Loaded<Envelope> envelope(long index) {
        return entries().envelope(index);
    }

    /**
     * The record kind of an entry {@link #envelope} reads, without reading its payload again: for the checks that look
     * at entries of a few kinds only. Null when the entry is not readable ({@link #envelope} says why).
     */
    public String kind(long index) {
        return entries().kind(index);
    }

    /** A readable entry's signatures, as {@link #kind} without reading its payload; null when it is not readable. */
    public List<DsseSignature> signatures(long index) {
        return entries().signatures(index);
    }

    /**
     * Whether the readable entry's signature at {@code position} verifies by {@code key}, as checked while the
     * entries were scanned; empty when it was not checked then (no key-registration scanned by then carried
     * that key id). Says nothing about whether that key may sign the entry: EntrySignatureCheck decides that.
     */
    public java.util.Optional<Boolean> signatureVerifies(long index, int position, PublicKeyInfo key) {
        return entries().signatureVerifies(index, position, key);
    }

    /**
     * A readable version 2 meter-reading-batch's columns, read in one pass as the entries were scanned (the
     * calculation's BatchColumns, which takes only the batch's canonical form); null for any other entry.
     */
    public BatchColumns.Read batchColumns(long index) {
        return entries().batchColumns(index);
    }

    /** The checkpoint body of checkpoints/&lt;size&gt;.note, parsed without checking its signatures. */
    public Loaded<Checkpoint> checkpointBody(long size) {
        return checkpoints.computeIfAbsent(size, s -> {
            Loaded<String> note = text(BundlePaths.checkpointFile(s));
            if (!note.ok()) {
                return Loaded.failed(note.error());
            }
            try {
                return Loaded.of(Checkpoint.parse(SignedNote.parse(note.value()).text()));
            } catch (SignerException e) {
                return Loaded.failed("not a signed checkpoint: " + e.getMessage());
            }
        });
    }
}
