package org.cbamledger.verifier.check;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The cached values of named cells of an xlsx workbook, read with the JDK alone (zip and StAX, no DTDs, no external
 * entities, every part bounded): what a cell shows, as the importers' tools read it, with no formula evaluated.
 * A second, independent reader of what the exchange module reads with Apache POI.
 */
final class XlsxCachedCells {
    /** A cached value: {@code number} true for a numeric cell (dates are numbers in xlsx). */
    record Value(String text, boolean number) {}

    static final long MAX_PART_BYTES = 32L << 20;
    /** All parts read together: many small parts, each under its own bound, must not add up to any size. */
    static final long MAX_WORKBOOK_BYTES = 64L << 20;
    private static final String RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private final Map<String, byte[]> parts = new HashMap<>();

    private XlsxCachedCells() {}

    static XlsxCachedCells open(byte[] xlsx) throws IOException {
        XlsxCachedCells workbook = new XlsxCachedCells();
        long read = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().endsWith(".xml") || entry.getName().endsWith(".rels")) {
                    byte[] part = bounded(zip, entry.getName());
                    read += part.length;
                    if (read > MAX_WORKBOOK_BYTES) {
                        throw new IOException("the workbook's parts inflate beyond " + MAX_WORKBOOK_BYTES + " bytes");
                    }
                    workbook.parts.put(entry.getName(), part);
                }
            }
        }
        if (!workbook.parts.containsKey("xl/workbook.xml")) {
            throw new IOException("not an xlsx workbook: no xl/workbook.xml");
        }
        return workbook;
    }

    /** The cached value at {@code address} ("Summary_Communication!I26"); null when the cell is absent or empty. */
    Value value(String address) throws IOException {
        int bang = address.lastIndexOf('!');
        String sheetPart = sheetPart(address.substring(0, bang));
        String cell = address.substring(bang + 1);
        try {
            XMLStreamReader xml = xml(sheetPart);
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamReader.START_ELEMENT && xml.getLocalName().equals("c")
                        && cell.equals(xml.getAttributeValue(null, "r"))) {
                    return cellValue(xml, xml.getAttributeValue(null, "t"));
                }
            }
            return null;
        } catch (XMLStreamException e) {
            throw new IOException(sheetPart + ": " + e.getMessage(), e);
        }
    }

    private Value cellValue(XMLStreamReader xml, String type) throws XMLStreamException, IOException {
        String cached = null;
        StringBuilder inline = new StringBuilder();
        while (!(xml.next() == XMLStreamReader.END_ELEMENT && xml.getLocalName().equals("c"))) {
            if (xml.isStartElement() && xml.getLocalName().equals("v")) {
                cached = xml.getElementText();
            } else if (xml.isStartElement() && xml.getLocalName().equals("t")) {
                inline.append(xml.getElementText());
            }
        }
        String t = type == null ? "n" : type;
        return switch (t) {
            case "n" -> cached == null ? null : new Value(cached, true);
            case "s" -> cached == null ? null : new Value(sharedString(Integer.parseInt(cached.trim())), false);
            case "inlineStr" -> new Value(inline.toString(), false);
            case "str", "b" -> cached == null ? null : new Value(cached, false);
            default -> throw new IOException("cell holds a value of type " + t);
        };
    }

    private String sharedString(int index) throws IOException {
        List<String> strings = new ArrayList<>();
        try {
            XMLStreamReader xml = xml("xl/sharedStrings.xml");
            StringBuilder current = null;
            while (xml.hasNext() && strings.size() <= index) {
                int event = xml.next();
                if (event == XMLStreamReader.START_ELEMENT && xml.getLocalName().equals("si")) {
                    current = new StringBuilder();
                } else if (event == XMLStreamReader.START_ELEMENT && xml.getLocalName().equals("t") && current != null) {
                    current.append(xml.getElementText());
                } else if (event == XMLStreamReader.END_ELEMENT && xml.getLocalName().equals("si") && current != null) {
                    strings.add(current.toString());
                }
            }
        } catch (XMLStreamException e) {
            throw new IOException("xl/sharedStrings.xml: " + e.getMessage(), e);
        }
        if (index < 0 || index >= strings.size()) {
            throw new IOException("shared string " + index + " does not exist");
        }
        return strings.get(index);
    }

    /** The part holding sheet {@code name}: workbook.xml names it, its relationships file says where it is. */
    private String sheetPart(String name) throws IOException {
        try {
            String id = null;
            XMLStreamReader workbook = xml("xl/workbook.xml");
            while (workbook.hasNext() && id == null) {
                if (workbook.next() == XMLStreamReader.START_ELEMENT && workbook.getLocalName().equals("sheet")
                        && name.equals(workbook.getAttributeValue(null, "name"))) {
                    id = workbook.getAttributeValue(RELATIONSHIPS_NS, "id");
                }
            }
            if (id == null) {
                throw new IOException("the workbook has no sheet " + name);
            }
            XMLStreamReader rels = xml("xl/_rels/workbook.xml.rels");
            while (rels.hasNext()) {
                if (rels.next() == XMLStreamReader.START_ELEMENT && rels.getLocalName().equals("Relationship")
                        && id.equals(rels.getAttributeValue(null, "Id"))) {
                    String target = rels.getAttributeValue(null, "Target");
                    return target.startsWith("/") ? target.substring(1) : "xl/" + target;
                }
            }
            throw new IOException("sheet " + name + " has no part");
        } catch (XMLStreamException e) {
            throw new IOException("xl/workbook.xml: " + e.getMessage(), e);
        }
    }

    private XMLStreamReader xml(String part) throws IOException, XMLStreamException {
        byte[] bytes = parts.get(part);
        if (bytes == null) {
            throw new IOException("the workbook has no part " + part);
        }
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory.createXMLStreamReader(new ByteArrayInputStream(bytes));
    }

    private static byte[] bounded(InputStream in, String name) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long total = 0;
        for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
            total += n;
            if (total > MAX_PART_BYTES) {
                throw new IOException(name + " inflates beyond " + MAX_PART_BYTES + " bytes");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
