package org.cbamledger.signer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * RFC 3161 time-stamp tokens over checkpoints: the message imprint is SHA-256 of the checkpoint's note text
 * (exactly what the log signed), the token's signer must be one of the pinned TSA certificates.
 */
public final class Rfc3161 {
    private static final BouncyCastleProvider BC = new BouncyCastleProvider();

    private Rfc3161() {}

    /** SHA-256 of the checkpoint's note text, UTF-8: the imprint a checkpoint's token must carry. */
    public static byte[] imprint(String checkpointNoteText) {
        return Sha256.digest(checkpointNoteText.getBytes(StandardCharsets.UTF_8));
    }

    /** A DER TimeStampReq for the SHA-256 imprint, asking for the TSA certificate in the token. */
    public static byte[] request(byte[] sha256Imprint, BigInteger nonce) {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        try {
            return generator.generate(TSPAlgorithms.SHA256, sha256Imprint, nonce).getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException("encoding a time-stamp request cannot fail", e);
        }
    }

    /** The token of a granted TimeStampResp that answers {@code request} (imprint, nonce, certReq). */
    public static byte[] tokenOf(byte[] responseDer, byte[] requestDer) throws SignerException {
        try {
            TimeStampResponse response = new TimeStampResponse(responseDer);
            response.validate(new TimeStampRequest(requestDer));
            if (response.getTimeStampToken() == null) {
                throw new SignerException("time-stamp response carries no token: " + response.getStatusString());
            }
            return response.getTimeStampToken().getEncoded();
        } catch (TSPException | IOException | RuntimeException e) {
            throw new SignerException("time-stamp response is not valid: " + e.getMessage(), e);
        }
    }

    /**
     * Verifies a token: its imprint is SHA-256 {@code expectedImprint}, it is signed by one of {@code pinned} (RFC
     * 3161 §2.3: the certificate names the timeStamping extended key usage, and was valid at the token's time).
     *
     * @return the token's genTime
     */
    public static Instant verify(byte[] tokenDer, byte[] expectedImprint, List<X509Certificate> pinned)
            throws SignerException {
        TimeStampToken token;
        try {
            token = new TimeStampToken(new CMSSignedData(tokenDer));
        } catch (CMSException | TSPException | IOException | RuntimeException e) {
            throw new SignerException("time-stamp token is not an RFC 3161 token: " + e.getMessage(), e);
        }
        var info = token.getTimeStampInfo();
        if (!info.getMessageImprintAlgOID().equals(NISTObjectIdentifiers.id_sha256)) {
            throw new SignerException("time-stamp token imprint is not SHA-256");
        }
        if (!MessageDigest.isEqual(info.getMessageImprintDigest(), expectedImprint)) {
            throw new SignerException("time-stamp token is for another imprint than this checkpoint's");
        }
        for (X509Certificate certificate : pinned) {
            X509CertificateHolder holder = holder(certificate);
            if (token.getSID().match(holder)) {
                try {
                    token.validate(new JcaSimpleSignerInfoVerifierBuilder().setProvider(BC).build(holder));
                    return info.getGenTime().toInstant();
                } catch (TSPException | OperatorCreationException | CertificateException | RuntimeException e) {
                    throw new SignerException("time-stamp token signature does not verify: " + e.getMessage(), e);
                }
            }
        }
        throw new SignerException("time-stamp token is not signed by a pinned TSA certificate");
    }

    /** The certificate the token carries (certReq), for a run without pinned TSA certificates. */
    public static List<X509Certificate> embeddedCertificates(byte[] tokenDer) throws SignerException {
        try {
            TimeStampToken token = new TimeStampToken(new CMSSignedData(tokenDer));
            List<X509Certificate> out = new ArrayList<>();
            for (X509CertificateHolder h : token.getCertificates().getMatches(null)) {
                out.addAll(readCertificates(h.getEncoded()));
            }
            return out;
        } catch (CMSException | TSPException | IOException | RuntimeException e) {
            throw new SignerException("time-stamp token is not an RFC 3161 token: " + e.getMessage(), e);
        }
    }

    /** X.509 certificates from PEM or DER bytes. */
    public static List<X509Certificate> readCertificates(byte[] pemOrDer) throws SignerException {
        try {
            List<X509Certificate> out = new ArrayList<>();
            for (var c : CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pemOrDer))) {
                out.add((X509Certificate) c);
            }
            if (out.isEmpty()) {
                throw new SignerException("no X.509 certificate found");
            }
            return out;
        } catch (CertificateException e) {
            throw new SignerException("not an X.509 certificate: " + e.getMessage(), e);
        }
    }

    private static X509CertificateHolder holder(X509Certificate certificate) throws SignerException {
        try {
            return new X509CertificateHolder(certificate.getEncoded());
        } catch (CertificateEncodingException | IOException e) {
            throw new SignerException("pinned TSA certificate cannot be encoded", e);
        }
    }
}
