package org.cbamledger.bench.year;

import picocli.CommandLine.Option;

/** The options that size a generated plant year, shared by {@code bench year} and {@code bench calculation}. */
final class PlantSize {
    @Option(names = "--meters", defaultValue = "50", description = "meters read every 15 minutes (at least 5)")
    int meters;

    @Option(names = "--days", defaultValue = "365", description = "days of readings from 2026-01-01 (1 to 365)")
    int days;
}
