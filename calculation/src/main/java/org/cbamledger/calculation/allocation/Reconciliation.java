package org.cbamledger.calculation.allocation;

import org.cbamledger.calculation.trace.Figure;
import org.cbamledger.calculation.trace.TraceInput;

/**
 * Sub-meters against the main meters: unmetered = main - (process + auxiliary + excluded); reconciled when
 * |unmetered| / main x 100 is within the model's declared tolerance (percent).
 */
public record Reconciliation(Figure mainMwh, Figure subMeteredMwh, Figure unmeteredMwh, Figure unmeteredPercent,
        TraceInput tolerancePercent, boolean withinTolerance) {}
