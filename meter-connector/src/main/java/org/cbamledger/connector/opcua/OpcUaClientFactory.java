package org.cbamledger.connector.opcua;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Objects;
import org.cbamledger.connector.config.OpcUaEndpointConfig;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.DefaultClientCertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.MemoryCertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.MemoryTrustListManager;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;

/**
 * Builds a Milo client for an endpoint: SecurityPolicy None for tests, Basic256Sha256 with the
 * client's application instance certificate (PKCS#12) and an explicit list of trusted server
 * certificates for plants.
 */
final class OpcUaClientFactory {
    static final String APPLICATION_URI = "urn:cbam-ledger:meter-connector";

    private OpcUaClientFactory() {}

    static OpcUaClient create(OpcUaEndpointConfig endpoint) throws UaException, IOException, GeneralSecurityException {
        SecurityPolicy policy = "Basic256Sha256".equals(endpoint.securityPolicy())
                ? SecurityPolicy.Basic256Sha256 : SecurityPolicy.None;
        KeyStore keyStore = policy == SecurityPolicy.None ? null : loadKeyStore(endpoint);
        MemoryTrustListManager trust = new MemoryTrustListManager();
        for (Path certificate : endpoint.trustedServerCertificates()) {
            trust.addTrustedCertificate(readCertificate(certificate));
        }
        return OpcUaClient.create(endpoint.endpointUrl(),
                endpoints -> endpoints.stream()
                        .filter(e -> policy.getUri().equals(e.getSecurityPolicyUri()))
                        .findFirst(),
                transport -> {},
                client -> {
                    client.setApplicationName(LocalizedText.english("cbam-ledger meter connector"))
                            .setApplicationUri(APPLICATION_URI)
                            .setRequestTimeout(uint(endpoint.timeoutMillis()));
                    if (keyStore != null) {
                        try {
                            String alias = endpoint.clientKeyAlias() != null ? endpoint.clientKeyAlias()
                                    : keyStore.aliases().nextElement();
                            char[] password = password(endpoint);
                            X509Certificate certificate = (X509Certificate) keyStore.getCertificate(alias);
                            PrivateKey key = (PrivateKey) keyStore.getKey(alias, password);
                            client.setKeyPair(new KeyPair(certificate.getPublicKey(), key))
                                    .setCertificate(certificate)
                                    .setCertificateChain(new X509Certificate[] {certificate})
                                    .setCertificateValidator(new DefaultClientCertificateValidator(trust,
                                            new MemoryCertificateQuarantine()));
                        } catch (GeneralSecurityException e) {
                            throw new IllegalStateException("client key store " + endpoint.clientKeyStore()
                                    + " cannot be used: " + e.getMessage(), e);
                        }
                    }
                });
    }

    private static KeyStore loadKeyStore(OpcUaEndpointConfig endpoint) throws IOException, GeneralSecurityException {
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Objects.requireNonNull(endpoint.clientKeyStore()))) {
            keyStore.load(in, password(endpoint));
        }
        return keyStore;
    }

    private static char[] password(OpcUaEndpointConfig endpoint) {
        return endpoint.clientKeyStorePassword() == null ? new char[0] : endpoint.clientKeyStorePassword().toCharArray();
    }

    private static X509Certificate readCertificate(Path file) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }
}
