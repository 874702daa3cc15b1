package org.cbamledger.calculation.rules;

import java.util.Optional;
import org.cbamledger.calculation.trace.TraceInput.RuleRef;

/**
 * The default value that applies to a country, CN code and year: the published value with mark-up (what is charged),
 * the direct value before mark-up (shown), the file's route letter, and a note when the row is not the country's own.
 */
public record DefaultValue(RuleRef withMarkup, RuleRef direct, String route, Optional<String> note) {}
