package org.cbamledger.signer.map;

/** A second claim on something already claimed; names the first claim so the rejection can show it. */
public final class ClaimConflictException extends Exception {
    private final String claimKey;
    private final Claim firstClaim;

    public ClaimConflictException(String what, String claimKey, Claim firstClaim) {
        super(what + " is already claimed by " + firstClaim.describe());
        this.claimKey = claimKey;
        this.firstClaim = firstClaim;
    }

    public String claimKey() {
        return claimKey;
    }

    public Claim firstClaim() {
        return firstClaim;
    }
}
