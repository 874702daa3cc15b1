package org.cbamledger.service.demo;

/**
 * A demo meter: its id, what it feeds, its load while the plant runs and while it idles, and the raw
 * energy register it starts from (counts of {@code scale} kWh, as a Modbus meter exposes them).
 */
record DemoMeter(String meterId, String lineId, String manufacturer, String model, double runningKw, double idleKw,
        long registerStartCounts) {}
