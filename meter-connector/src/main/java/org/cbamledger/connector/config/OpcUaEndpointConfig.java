package org.cbamledger.connector.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * An OPC UA server and the counters read from it.
 *
 * @param securityPolicy "None" (tests) or "Basic256Sha256"
 * @param clientKeyStore PKCS#12 file with the client's application instance certificate and key
 *     (Basic256Sha256 only)
 * @param trustedServerCertificates DER or PEM server certificates the client accepts
 * @param maxSourceAge a value whose source timestamp is older than this is stale, not fresh
 */
public record OpcUaEndpointConfig(String endpointUrl, String securityPolicy, Path clientKeyStore,
        String clientKeyStorePassword, String clientKeyAlias, List<Path> trustedServerCertificates,
        List<OpcUaNodeConfig> nodes, int timeoutMillis, Duration maxSourceAge) {
    public OpcUaEndpointConfig {
        trustedServerCertificates = List.copyOf(trustedServerCertificates);
        nodes = List.copyOf(nodes);
    }
}
