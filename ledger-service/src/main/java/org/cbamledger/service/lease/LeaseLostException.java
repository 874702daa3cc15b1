package org.cbamledger.service.lease;

import java.sql.SQLException;

/** A write-path transaction ran under a lease that another holder has since taken over. */
public final class LeaseLostException extends SQLException {
    public LeaseLostException(Lease lease) {
        super("instance " + lease.holder() + " no longer holds the lease of log " + lease.logId()
                + " with fencing token " + lease.fencingToken());
    }
}
