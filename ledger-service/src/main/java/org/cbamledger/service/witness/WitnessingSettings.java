package org.cbamledger.service.witness;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;

/**
 * Witnesses and time-stamp authorities of the service (from {@code cbam.witness.*} and {@code cbam.tsa.*}).
 *
 * @param quorum distinct witnesses whose cosignatures make a checkpoint "witnessed"
 * @param retryInterval how long a witness that did not answer rests before the newest checkpoint is brought to it
 * @param bundleWait how long a bundle export waits for a witnessed checkpoint covering what it exports
 * @param tsaUrls RFC 3161 authorities, tried in order
 * @param tsaCertificates the certificates their tokens must be signed by
 * @param timestampInterval at most one token per log per interval, over its newest witnessed checkpoint
 */
public record WitnessingSettings(
        List<WitnessEndpoint> witnesses,
        int quorum,
        Duration retryInterval,
        Duration bundleWait,
        List<URI> tsaUrls,
        List<X509Certificate> tsaCertificates,
        Duration timestampInterval) {

    public WitnessingSettings {
        witnesses = List.copyOf(witnesses);
        tsaUrls = List.copyOf(tsaUrls);
        tsaCertificates = List.copyOf(tsaCertificates);
        if (quorum < 0 || quorum > witnesses.size()) {
            throw new IllegalArgumentException("witness quorum " + quorum + " is not between 0 and "
                    + witnesses.size() + " (the configured witnesses)");
        }
        if (!tsaUrls.isEmpty() && tsaCertificates.isEmpty()) {
            throw new IllegalArgumentException("TSA URLs need the TSA certificates their tokens are checked against");
        }
    }

    public static final WitnessingSettings NONE = new WitnessingSettings(List.of(), 0, Duration.ofSeconds(1),
            Duration.ZERO, List.of(), List.of(), Duration.ofSeconds(2));

    public boolean witnessing() {
        return !witnesses.isEmpty();
    }
}
