package org.cbamledger.calculation.statement;

import tools.jackson.databind.node.ObjectNode;

/** A statement as issued: its JSON, the compact JWS over its RFC 8785 bytes, and the PDF for people. */
public record IssuedStatement(ObjectNode statement, String jws, byte[] pdf) {}
