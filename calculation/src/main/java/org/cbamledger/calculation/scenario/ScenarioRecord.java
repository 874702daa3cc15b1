package org.cbamledger.calculation.scenario;

import tools.jackson.databind.node.ObjectNode;

/** One record of a scenario, the party that submits it, and where it was written ({@code fuels.csv line 3}). */
public record ScenarioRecord(String partyId, String kind, ObjectNode record, String source) {}
