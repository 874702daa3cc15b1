package org.cbamledger.exchange.platform;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** Reads an emissions statement's presented members and the trace figures it carries ({@code evidence.figures}). */
public final class StatementFigures {
    static final int SCALE = 6;
    private final JsonNode statement;

    public StatementFigures(JsonNode statement) {
        this.statement = statement;
    }

    public BigDecimal at(String pointer) {
        JsonNode node = statement.at(pointer);
        if (node.isMissingNode() || node.isNull()) {
            throw new IllegalArgumentException("the statement has no " + pointer);
        }
        return new BigDecimal(node.asString());
    }

    public String text(String pointer) {
        return statement.at(pointer).asString();
    }

    /** The value of trace figure {@code id}, if the calculation derived it. */
    public Optional<BigDecimal> figure(String id) {
        for (JsonNode figure : statement.at("/evidence/figures")) {
            if (id.equals(figure.path("id").asString(null))) {
                return Optional.of(new BigDecimal(figure.get("value").asString()));
            }
        }
        return Optional.empty();
    }

    public static BigDecimal per(BigDecimal amount, BigDecimal per) {
        return amount.divide(per, SCALE, RoundingMode.HALF_EVEN).stripTrailingZeros();
    }

    String cnCodeEightDigits() {
        String digits = text("/cnCode").replace(" ", "");
        return digits + "0".repeat(Math.max(0, 8 - digits.length()));
    }
}
