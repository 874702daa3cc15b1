package org.cbamledger.connector.opcua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.cbamledger.connector.ManualTimeSource;
import org.cbamledger.connector.Ports;
import org.cbamledger.connector.config.OpcUaEndpointConfig;
import org.cbamledger.connector.config.OpcUaNodeConfig;
import org.cbamledger.connector.reading.MeterSample;
import org.cbamledger.connector.sim.OpcUaScadaSimulator;
import org.cbamledger.connector.sim.SimulatorFaults;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Basic256Sha256 / SignAndEncrypt against a Milo server, with certificates on both sides as README.md describes. */
class OpcUaSecurityTest {
    private static final Instant T0 = Instant.parse("2026-01-05T00:00:00Z");

    @TempDir
    Path dir;

    @Test
    void basic256Sha256_readsWithTrustedCertificatesAndRefusesAnUntrustedServer() throws Exception {
        KeyPair clientKeys = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
        X509Certificate clientCertificate = new SelfSignedCertificateBuilder(clientKeys)
                .setCommonName("cbam-ledger meter connector")
                .setApplicationUri(OpcUaClientFactory.APPLICATION_URI)
                .addDnsName("localhost")
                .build();
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        keyStore.load(null, null);
        keyStore.setKeyEntry("connector", clientKeys.getPrivate(), "secret".toCharArray(),
                new X509Certificate[] {clientCertificate});
        Path p12 = dir.resolve("connector-client.p12");
        try (OutputStream out = Files.newOutputStream(p12)) {
            keyStore.store(out, "secret".toCharArray());
        }
        Map<String, Supplier<Object>> variables = Map.of("Plant/Line1/EnergyCounterKwh", () -> 1234.5);
        try (OpcUaScadaSimulator server = new OpcUaScadaSimulator("127.0.0.1", Ports.free(), variables,
                new SimulatorFaults(), Duration.ZERO, List.of(clientCertificate)).start()) {
            Path serverDer = dir.resolve("scada-server.der");
            Files.write(serverDer, server.certificate().getEncoded());
            Path otherDer = dir.resolve("other.der");
            KeyPair otherKeys = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
            Files.write(otherDer, new SelfSignedCertificateBuilder(otherKeys).setCommonName("someone else")
                    .setApplicationUri("urn:other").build().getEncoded());
            List<OpcUaNodeConfig> nodes = List.of(new OpcUaNodeConfig("line-1",
                    server.nodeId("Plant/Line1/EnergyCounterKwh"), BigDecimal.ONE, null));

            try (OpcUaCounterReader reader = new OpcUaCounterReader(new OpcUaEndpointConfig(server.endpointUrl(),
                    "Basic256Sha256", p12, "secret", "connector", List.of(serverDer), nodes, 5000,
                    Duration.ofMinutes(5)), new ManualTimeSource(T0))) {
                MeterSample sample = reader.read(T0).getFirst();
                assertTrue(sample.succeeded(), sample.failure());
                assertEquals(new BigDecimal("1234.5"), sample.counter().value());
            }
            try (OpcUaCounterReader reader = new OpcUaCounterReader(new OpcUaEndpointConfig(server.endpointUrl(),
                    "Basic256Sha256", p12, "secret", "connector", List.of(otherDer), nodes, 5000,
                    Duration.ofMinutes(5)), new ManualTimeSource(T0))) {
                MeterSample refused = reader.read(T0).getFirst();
                assertFalse(refused.succeeded(), "a server certificate that is not trusted is refused");
            }
        }
    }
}
