package org.cbamledger.calculation.statement;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Lines of text on A4 pages, wrapped to the page width, new pages as needed. The font is Liberation Sans (shipped in
 * PDFBox's jar), embedded as a subset, as PDF/A requires; it has no bold cut here, so emphasis is by size only.
 */
final class PdfTextLayout implements AutoCloseable {
    private static final float MARGIN = 50;
    private final PDDocument document = new PDDocument();
    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private final PDFont regular;
    private final PDFont bold;
    private PDPageContentStream stream;
    private float y;

    PdfTextLayout() throws IOException {
        try (var font = PDDocument.class.getResourceAsStream(FONT)) {
            if (font == null) {
                throw new IOException("the PDFBox jar lacks " + FONT);
            }
            regular = PDType0Font.load(document, font, true);
        }
        bold = regular;
    }

    PDDocument document() {
        return document;
    }

    void heading(String text) throws IOException {
        space(6);
        write(text, bold, 12, 0);
        space(2);
    }

    void line(String text) throws IOException {
        write(text, regular, 9, 0);
    }

    void indented(String text) throws IOException {
        write(text, regular, 7, 18);
    }

    void strong(String text) throws IOException {
        write(text, bold, 9.5f, 0);
    }

    void space(float points) {
        y -= points;
    }

    /** Ends the current page; the next text starts a new one. */
    void pageBreak() throws IOException {
        if (stream != null) {
            stream.close();
            stream = null;
        }
    }

    /** One table row: each cell's text starts at its column offset from the left margin; no wrapping. */
    void row(float[] columns, List<String> cells, boolean strong) throws IOException {
        PDFont font = strong ? bold : regular;
        if (stream == null || y < MARGIN + 9) {
            newPage();
        }
        y -= 9 * 1.35f;
        for (int i = 0; i < cells.size(); i++) {
            stream.beginText();
            stream.setFont(font, 9);
            stream.newLineAtOffset(MARGIN + columns[i], y);
            stream.showText(sanitize(cells.get(i), font));
            stream.endText();
        }
    }

    /**
     * Reserves {@code heightPoints} below the current line (on a new page if they do not fit) for vector drawing
     * and returns where: the content stream, the left margin, the top of the area and the usable width.
     */
    Area area(float heightPoints) throws IOException {
        if (stream == null || y - heightPoints < MARGIN) {
            newPage();
        }
        float top = y;
        y -= heightPoints;
        return new Area(stream, regular, MARGIN, top, PDRectangle.A4.getWidth() - 2 * MARGIN);
    }

    record Area(PDPageContentStream stream, PDFont font, float left, float top, float width) {}

    byte[] toPdf() throws IOException {
        if (stream != null) {
            stream.close();
            stream = null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // the trailer /ID is seeded with the clock unless set: a fixed seed keeps the PDF, and its bound hash, stable
        document.setDocumentId(0L);
        document.save(out);
        return out.toByteArray();
    }

    @Override
    public void close() throws IOException {
        if (stream != null) {
            stream.close();
        }
        document.close();
    }

    private void write(String text, PDFont font, float size, float indent) throws IOException {
        float width = PDRectangle.A4.getWidth() - 2 * MARGIN - indent;
        for (String piece : wrap(sanitize(text, font), font, size, width)) {
            if (stream == null || y < MARGIN + size) {
                newPage();
            }
            y -= size * 1.35f;
            stream.beginText();
            stream.setFont(font, size);
            stream.newLineAtOffset(MARGIN + indent, y);
            stream.showText(piece);
            stream.endText();
        }
    }

    private void newPage() throws IOException {
        if (stream != null) {
            stream.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        stream = new PDPageContentStream(document, page);
        y = PDRectangle.A4.getHeight() - MARGIN;
    }

    private static List<String> wrap(String text, PDFont font, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = current.isEmpty() ? word : current + " " + word;
            if (!current.isEmpty() && font.getStringWidth(candidate) / 1000 * size > width) {
                lines.add(current.toString());
                current = new StringBuilder("    " + word);
            } else {
                current = new StringBuilder(candidate);
            }
        }
        lines.add(current.toString());
        return lines;
    }

    /** Characters the font cannot encode (WinAnsi) become '?', so no text ever fails to render. */
    private static String sanitize(String text, PDFont font) throws IOException {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            try {
                font.encode(String.valueOf(ch));
                out.append(ch);
            } catch (IllegalArgumentException e) {
                out.append('?');
            }
        }
        return out.toString();
    }
}
