package org.cbamledger.archive;

import java.util.Map;
import java.util.Optional;

/**
 * What Tika found in a document: its media type (without parameters), the extracted text (at most the
 * extractor's limit of characters, for indexing; never anchored), its SHA-256 over UTF-8 (empty when no
 * text could be extracted) and a subset of technical metadata.
 */
public record Extraction(
        String mediaType,
        String text,
        Optional<String> textSha256,
        long textChars,
        boolean textTruncated,
        Map<String, String> metadata) {

    public Extraction {
        metadata = Map.copyOf(metadata);
    }
}
