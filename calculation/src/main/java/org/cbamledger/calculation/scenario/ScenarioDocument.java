package org.cbamledger.calculation.scenario;

import java.nio.file.Path;

/**
 * A file of the scenario that is evidence itself, archived and anchored by the party that submits it, for the
 * record it supports ({@code supplier-precursor-statement/SEE-1}): a supplier's workbook.
 */
public record ScenarioDocument(String partyId, Path file, String supports) {}
