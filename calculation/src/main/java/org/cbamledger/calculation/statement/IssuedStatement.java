package org.cbamledger.calculation.statement;

import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * A statement as issued: its JSON, the compact JWS over its RFC 8785 bytes, the PDF for people and, when bound, the
 * communication template workbook.
 */
public record IssuedStatement(ObjectNode statement, String jws, byte[] pdf, Optional<byte[]> workbook) {}
