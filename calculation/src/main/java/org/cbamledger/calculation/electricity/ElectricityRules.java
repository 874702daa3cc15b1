package org.cbamledger.calculation.electricity;

/**
 * The rule-set choices of the electricity ledger. {@code unbackedPpaClass}: where a PPA volume lacks generator
 * metering, settlement or GO cancellation, it is classed as GRID (default) or UNVERIFIED, both at the grid factor.
 * GRID is the default because seed 002 says "uncovered electricity should be treated as ordinary Serbian grid
 * supply unless replacement electricity is separately verified", and a volume whose delivery is not evidenced is
 * uncovered. {@code gridFactorId} names the emission-factor record (tCO2/MWh) of the grid.
 */
public record ElectricityRules(String gridFactorId, ElectricityClass unbackedPpaClass) {
    public ElectricityRules {
        if (unbackedPpaClass != ElectricityClass.GRID && unbackedPpaClass != ElectricityClass.UNVERIFIED) {
            throw new IllegalArgumentException("an unbacked PPA volume is grid or unverified, not " + unbackedPpaClass.wireName());
        }
    }

    public static ElectricityRules gridByDefault(String gridFactorId) {
        return new ElectricityRules(gridFactorId, ElectricityClass.GRID);
    }
}
