package org.cbamledger.archive;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cbamledger.signer.JsonMappers;
import org.cbamledger.spec.Kinds;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A {@code document-anchor} record (schemas/v1/document-anchor.schema.json): the digest and description
 * of an archived document, for the caller to sign and append to the ledger. The document itself stays
 * in the archive under {@code sha256/<sha256>}.
 */
public record DocumentAnchor(
        String sha256,
        long sizeBytes,
        String mediaType,
        Optional<String> extractedTextSha256,
        long extractedTextChars,
        boolean extractedTextTruncated,
        String textExtractor,
        Map<String, String> metadata,
        Optional<String> fileName,
        String submitter,
        List<SupportRef> supports,
        Instant archivedAt,
        Optional<String> fileNameAsSubmitted) {

    public static final String KIND = Kinds.DOCUMENT_ANCHOR;
    private static final JsonMapper JSON = JsonMappers.PLAIN;

    /** An anchor for a name as submitted: it records {@link FileNames#sanitise} of it, and the original if different. */
    public DocumentAnchor(String sha256, long sizeBytes, String mediaType, Optional<String> extractedTextSha256,
            long extractedTextChars, boolean extractedTextTruncated, String textExtractor, Map<String, String> metadata,
            Optional<String> submittedFileName, String submitter, List<SupportRef> supports, Instant archivedAt) {
        this(sha256, sizeBytes, mediaType, extractedTextSha256, extractedTextChars, extractedTextTruncated,
                textExtractor, metadata, submittedFileName.map(FileNames::sanitise), submitter, supports, archivedAt,
                submittedFileName.flatMap(FileNames::asSubmittedIfChanged));
    }

    public DocumentAnchor {
        Sha256Hex.require(sha256);
        metadata = Map.copyOf(metadata);
        supports = List.copyOf(supports);
    }

    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("kind", KIND);
        node.put("sha256", sha256);
        node.put("sizeBytes", sizeBytes);
        node.put("mediaType", mediaType);
        extractedTextSha256.ifPresent(h -> node.put("extractedTextSha256", h));
        node.put("extractedTextChars", extractedTextChars);
        node.put("extractedTextTruncated", extractedTextTruncated);
        node.put("textExtractor", textExtractor);
        ObjectNode meta = node.putObject("metadata");
        metadata.forEach(meta::put);
        fileName.ifPresent(f -> node.put("fileName", f));
        fileNameAsSubmitted.ifPresent(f -> node.put("fileNameAsSubmitted", f));
        node.put("submitter", submitter);
        ArrayNode refs = node.putArray("supports");
        supports.forEach(s -> refs.add(s.toJson()));
        node.put("archivedAt", archivedAt.toString());
        return node;
    }

    /** The record as JSON bytes (not yet canonical: {@code Envelope.sign} canonicalizes). */
    public byte[] toJsonBytes() {
        return JSON.writeValueAsBytes(toJson());
    }
}
