package org.cbamledger.witness;

/** What a witness last cosigned for one log origin: size 0 with a null root when it has cosigned nothing. */
public record WitnessState(long size, byte[] rootHash) {
    public static final WitnessState NONE = new WitnessState(0, null);
}
