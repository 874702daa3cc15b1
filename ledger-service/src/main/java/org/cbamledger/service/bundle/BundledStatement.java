package org.cbamledger.service.bundle;

/**
 * A stored emissions statement to put in a bundle: its JSON (the JWS payload), the compact JWS, the PDF if
 * any, and the size of the signed checkpoint it rests on.
 */
public record BundledStatement(String fileName, byte[] statementJson, String compactJws, byte[] pdfOrNull,
        long checkpointSize) {}
