package org.cbamledger.calculation.electricity;

import java.math.BigDecimal;

/**
 * A gap in the electricity evidence: its type, what it concerns (a meter, a contract), the period (a month
 * {@code 2026-03} or an hour {@code 2026-03-01T05}), the MWh it affects (zero when unknown) and a sentence.
 */
public record ElectricityFinding(FindingType type, String subject, String period, BigDecimal affectedMwh, String detail) {}
