package org.cbamledger.archive;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;
import org.apache.tika.sax.WriteOutContentHandler;
import org.cbamledger.signer.Sha256;
import org.xml.sax.SAXException;

/**
 * Detects the media type of a document and extracts its text and metadata with Apache Tika. Thread-safe;
 * build one and share it (loading Tika's parsers takes about a second).
 */
public final class ContentExtractor {
    public static final int DEFAULT_MAX_TEXT_CHARS = 1_000_000;

    /** Names the extractor in anchor records: the text hash is only reproducible with the same Tika. */
    public static final String NAME = "Apache Tika " + tikaVersion();

    // Technical metadata only: author, creator, title and similar fields can carry personal data,
    // which must stay off the log (DESIGN.md "Privacy").
    private static final List<String> METADATA_KEYS = List.of(
            "dcterms:created",
            "dcterms:modified",
            "pdf:PDFVersion",
            "pdf:encrypted",
            "pdf:producer",
            "xmp:CreatorTool",
            "xmpTPg:NPages",
            "extended-properties:Application",
            "extended-properties:AppVersion",
            "Content-Encoding",
            "csv:delimiter");
    private static final int MAX_METADATA_VALUE_CHARS = 256;

    private final AutoDetectParser parser = new AutoDetectParser();
    private final int maxTextChars;

    public ContentExtractor(int maxTextChars) {
        this.maxTextChars = maxTextChars;
    }

    public ContentExtractor() {
        this(DEFAULT_MAX_TEXT_CHARS);
    }

    /**
     * Parses the file; a document Tika cannot parse (damaged, encrypted, unknown) still gets its detected
     * media type, with no text hash.
     *
     * @param fileNameHint the submitted file name or null; helps detection (e.g. csv versus plain text)
     */
    public Extraction extract(Path file, String fileNameHint) throws IOException {
        Metadata metadata = new Metadata();
        if (fileNameHint != null && !fileNameHint.isBlank()) {
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileNameHint);
        }
        StringWriter text = new StringWriter();
        BodyContentHandler handler = new BodyContentHandler(new WriteOutContentHandler(text, maxTextChars));
        boolean truncated = false;
        boolean parsed = true;
        try (TikaInputStream in = TikaInputStream.get(file, metadata)) {
            parser.parse(in, handler, metadata, new ParseContext());
        } catch (SAXException e) {
            if (WriteLimitReachedException.isWriteLimitReached(e)) {
                truncated = true;
            } else {
                parsed = false;
            }
        } catch (TikaException | RuntimeException e) {
            // the document is archived all the same, described by its detected type and no text
            parsed = false;
        }
        String contentType = metadata.get(Metadata.CONTENT_TYPE);
        MediaType type = contentType == null ? null : MediaType.parse(contentType);
        String mediaType = type == null ? "application/octet-stream" : type.getBaseType().toString();
        String extracted = text.toString();
        String kept = parsed && !extracted.isBlank() ? extracted : "";
        Optional<String> textSha256 = kept.isEmpty()
                ? Optional.empty()
                : Optional.of(Sha256.hex(kept.getBytes(StandardCharsets.UTF_8)));
        return new Extraction(mediaType, kept, textSha256, kept.length(), truncated, subset(metadata));
    }

    private static Map<String, String> subset(Metadata metadata) {
        Map<String, String> subset = new TreeMap<>();
        for (String key : METADATA_KEYS) {
            String value = metadata.get(key);
            if (value != null && !value.isBlank()) {
                subset.put(key, value.length() > MAX_METADATA_VALUE_CHARS
                        ? value.substring(0, MAX_METADATA_VALUE_CHARS)
                        : value);
            }
        }
        return subset;
    }

    private static String tikaVersion() {
        String version = AutoDetectParser.class.getPackage().getImplementationVersion();
        return version == null ? "(unknown version)" : version;
    }
}
