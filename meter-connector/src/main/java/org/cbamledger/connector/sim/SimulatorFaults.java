package org.cbamledger.connector.sim;

import java.time.Duration;

/** Faults a test or an operator can switch on: unreachable device, slow answers. */
public final class SimulatorFaults {
    private volatile boolean offline;
    private volatile Duration responseDelay = Duration.ZERO;

    public boolean offline() {
        return offline;
    }

    public void setOffline(boolean offline) {
        this.offline = offline;
    }

    public Duration responseDelay() {
        return responseDelay;
    }

    public void setResponseDelay(Duration responseDelay) {
        this.responseDelay = responseDelay;
    }
}
