package org.cbamledger.connector.config;

import java.math.BigDecimal;

/**
 * One cumulative counter on an OPC UA server (energy counter, gas-flow totaliser, production counter).
 *
 * @param scale multiplier from the node's value to kWh (energy counters)
 * @param rolloverKwh where the counter wraps, or null
 */
public record OpcUaNodeConfig(String meterId, String nodeId, BigDecimal scale, BigDecimal rolloverKwh) {}
