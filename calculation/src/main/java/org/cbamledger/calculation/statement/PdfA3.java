package org.cbamledger.calculation.statement;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;

/**
 * The parts of PDF/A-3b (ISO 19005-3, level B) beyond embedded fonts: XMP metadata naming the part and conformance,
 * an sRGB output intent (the JDK's profile), and the statement JSON as an associated file (catalog /AF,
 * /AFRelationship /Source). Dates are the statement's issue time, so the bytes stay the same for the same statement.
 */
final class PdfA3 {
    static final String ATTACHMENT = "statement.json";
    private static final String SRGB = "sRGB IEC61966-2.1";

    private PdfA3() {}

    static void apply(PDDocument document, String title, byte[] statementJson, Calendar issuedAt) throws IOException {
        document.setVersion(1.7f);
        metadata(document, title, issuedAt);
        outputIntent(document);
        attach(document, statementJson, issuedAt);
    }

    private static void metadata(PDDocument document, String title, Calendar issuedAt) throws IOException {
        document.getDocumentInformation().setTitle(title);
        document.getDocumentInformation().setCreationDate(issuedAt);
        document.getDocumentInformation().setModificationDate(issuedAt);
        String date = String.format("%1$tY-%1$tm-%1$tdT%1$tH:%1$tM:%1$tSZ", issuedAt);
        String xmp = """
                <?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
                <x:xmpmeta xmlns:x="adobe:ns:meta/">
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
                <rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
                <pdfaid:part>3</pdfaid:part>
                <pdfaid:conformance>B</pdfaid:conformance>
                </rdf:Description>
                <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
                <dc:title><rdf:Alt><rdf:li xml:lang="x-default">%s</rdf:li></rdf:Alt></dc:title>
                </rdf:Description>
                <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
                <xmp:CreateDate>%s</xmp:CreateDate>
                <xmp:ModifyDate>%s</xmp:ModifyDate>
                </rdf:Description>
                </rdf:RDF>
                </x:xmpmeta>
                <?xpacket end="w"?>""".formatted(xmlText(title), date, date);
        PDMetadata metadata = new PDMetadata(document);
        metadata.importXMPMetadata(xmp.getBytes(StandardCharsets.UTF_8));
        document.getDocumentCatalog().setMetadata(metadata);
    }

    private static void outputIntent(PDDocument document) throws IOException {
        byte[] profile = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
        PDOutputIntent intent = new PDOutputIntent(document, new ByteArrayInputStream(profile));
        intent.setInfo(SRGB);
        intent.setOutputCondition(SRGB);
        intent.setOutputConditionIdentifier(SRGB);
        intent.setRegistryName("http://www.color.org");
        document.getDocumentCatalog().addOutputIntent(intent);
    }

    private static void attach(PDDocument document, byte[] statementJson, Calendar issuedAt) throws IOException {
        PDEmbeddedFile file = new PDEmbeddedFile(document, new ByteArrayInputStream(statementJson));
        file.setSubtype("application/json");
        file.setSize(statementJson.length);
        file.setModDate(issuedAt);
        PDComplexFileSpecification spec = new PDComplexFileSpecification();
        spec.setFile(ATTACHMENT);
        spec.setFileUnicode(ATTACHMENT);
        spec.setFileDescription("the statement this PDF renders: its RFC 8785 JSON without renderings");
        spec.setEmbeddedFile(file);
        spec.setEmbeddedFileUnicode(file);
        spec.getCOSObject().setName(COSName.getPDFName("AFRelationship"), "Source");
        PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
        tree.setNames(Map.of(ATTACHMENT, spec));
        PDDocumentNameDictionary names = new PDDocumentNameDictionary(document.getDocumentCatalog());
        names.setEmbeddedFiles(tree);
        document.getDocumentCatalog().setNames(names);
        COSArray associated = new COSArray(List.of(spec));
        document.getDocumentCatalog().getCOSObject().setItem(COSName.getPDFName("AF"), associated);
    }

    /** The statement's issue time (ISO 8601 instant) as a UTC calendar; a statement without one gets the epoch. */
    static Calendar calendar(String isoInstant) {
        Calendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"), java.util.Locale.ROOT);
        try {
            calendar.setTimeInMillis(java.time.Instant.parse(isoInstant).toEpochMilli());
        } catch (java.time.format.DateTimeParseException e) {
            calendar.setTimeInMillis(0);
        }
        return calendar;
    }

    private static String xmlText(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
