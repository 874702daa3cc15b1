package org.cbamledger.connector.sim;

import static org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig.USER_TOKEN_POLICY_ANONYMOUS;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.milo.opcua.sdk.server.EndpointConfig;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig;
import org.eclipse.milo.opcua.sdk.server.identity.AnonymousIdentityValidator;
import org.eclipse.milo.opcua.stack.core.security.DefaultApplicationGroup;
import org.eclipse.milo.opcua.stack.core.security.DefaultCertificateManager;
import org.eclipse.milo.opcua.stack.core.security.DefaultServerCertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.MemoryCertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.MemoryCertificateStore;
import org.eclipse.milo.opcua.stack.core.security.MemoryTrustListManager;
import org.eclipse.milo.opcua.stack.core.security.RsaSha256CertificateFactory;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.transport.TransportProfile;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransport;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransportConfig;

/**
 * An Eclipse Milo OPC UA server with SCADA counters, endpoint {@code opc.tcp://host:port/cbam-sim},
 * security policy None, plus Basic256Sha256 / SignAndEncrypt for the client certificates it is given.
 */
public final class OpcUaScadaSimulator implements AutoCloseable {
    public static final String PATH = "/cbam-sim";
    private static final String APPLICATION_URI = "urn:cbam-ledger:simulator";

    private final OpcUaServer server;
    private final ScadaNamespace namespace;
    private final String endpointUrl;
    private final X509Certificate certificate;

    /**
     * @param variables node name (string id in the simulator namespace) to its current value
     * @param staleBy how far behind the server clock source timestamps are (zero: fresh)
     */
    public OpcUaScadaSimulator(String host, int port, Map<String, Supplier<Object>> variables,
            SimulatorFaults faults, Duration staleBy) throws Exception {
        this(host, port, variables, faults, staleBy, List.of());
    }

    /**
     * @param trustedClientCertificates when not empty, a Basic256Sha256 / SignAndEncrypt endpoint is
     *     served beside the None endpoint, accepting only these client certificates
     */
    public OpcUaScadaSimulator(String host, int port, Map<String, Supplier<Object>> variables,
            SimulatorFaults faults, Duration staleBy, List<X509Certificate> trustedClientCertificates) throws Exception {
        KeyPair keyPair = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
        X509Certificate certificate = new SelfSignedCertificateBuilder(keyPair)
                .setCommonName("cbam-ledger meter simulator")
                .setApplicationUri(APPLICATION_URI)
                .addDnsName(host)
                .build();
        var certificateFactory = new RsaSha256CertificateFactory() {
            @Override
            protected KeyPair createRsaSha256KeyPair() {
                return keyPair;
            }

            @Override
            protected X509Certificate[] createRsaSha256CertificateChain(KeyPair kp) {
                return new X509Certificate[] {certificate};
            }
        };
        var trust = new MemoryTrustListManager();
        trustedClientCertificates.forEach(trust::addTrustedCertificate);
        var quarantine = new MemoryCertificateQuarantine();
        var group = DefaultApplicationGroup.createAndInitialize(trust, new MemoryCertificateStore(), certificateFactory,
                new DefaultServerCertificateValidator(trust, quarantine));
        EndpointConfig.Builder base = EndpointConfig.newBuilder()
                .setBindAddress(host)
                .setBindPort(port)
                .setHostname(host)
                .setPath(PATH)
                .setCertificate(certificate)
                .setTransportProfile(TransportProfile.TCP_UASC_UABINARY)
                .addTokenPolicies(USER_TOKEN_POLICY_ANONYMOUS);
        EndpointConfig endpoint = base.copy()
                .setSecurityPolicy(SecurityPolicy.None)
                .setSecurityMode(MessageSecurityMode.None)
                .build();
        Set<EndpointConfig> endpoints = new LinkedHashSet<>();
        endpoints.add(endpoint);
        if (!trustedClientCertificates.isEmpty()) {
            endpoints.add(base.copy()
                    .setSecurityPolicy(SecurityPolicy.Basic256Sha256)
                    .setSecurityMode(MessageSecurityMode.SignAndEncrypt)
                    .build());
        }
        this.certificate = certificate;
        OpcUaServerConfig config = OpcUaServerConfig.builder()
                .setApplicationUri(APPLICATION_URI)
                .setApplicationName(LocalizedText.english("cbam-ledger SCADA simulator"))
                .setProductUri(APPLICATION_URI)
                .setEndpoints(endpoints)
                .setCertificateManager(new DefaultCertificateManager(quarantine, group))
                .setIdentityValidator(AnonymousIdentityValidator.INSTANCE)
                .build();
        server = new OpcUaServer(config, profile -> new OpcTcpServerTransport(OpcTcpServerTransportConfig.newBuilder().build()));
        namespace = new ScadaNamespace(server, new LinkedHashMap<>(variables), faults, staleBy);
        namespace.startup();
        endpointUrl = endpoint.getEndpointUrl();
    }

    public OpcUaScadaSimulator start() throws Exception {
        server.startup().get(10, TimeUnit.SECONDS);
        return this;
    }

    /** The server's application instance certificate, for a client's trusted list. */
    public X509Certificate certificate() {
        return certificate;
    }

    public String endpointUrl() {
        return endpointUrl;
    }

    /** The node id string a client configures, e.g. {@code ns=2;s=Plant/Line1/EnergyCounterKwh}. */
    public String nodeId(String name) {
        return namespace.nodeId(name).toParseableString();
    }

    @Override
    public void close() throws Exception {
        namespace.shutdown();
        server.shutdown().get(10, TimeUnit.SECONDS);
    }
}
