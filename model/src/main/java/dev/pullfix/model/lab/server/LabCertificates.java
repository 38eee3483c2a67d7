package dev.pullfix.model.lab.server;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The lab API server's TLS identity, made fresh at every start and kept in memory only: a self-signed CA (the one
 * kubeconfig's {@code certificate-authority-data} names) and a server certificate it signed for {@code 127.0.0.1}
 * and {@code localhost}, as a kubeadm cluster has them. ECDSA P-256 keys (quick to make; TLS clients of every kind
 * accept them); certificates built with BouncyCastle, keys by the JDK's own provider. The CA's key signs once and is
 * dropped, so nothing can issue another certificate under it.
 *
 * <p>The server side is a plain JDK {@link SSLContext} whose engines go straight into Netty's {@code SslHandler}:
 * Netty's own {@code SslContextBuilder} would, the first time, register BouncyCastle as a JCA provider (about 600
 * classes from a signed jar, which class-data sharing cannot archive) and read the JDK's trusted CA store, neither of
 * which a server that asks no client certificate needs; that was three quarters of the practice lab's start.
 */
final class LabCertificates {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final X509Certificate ca;
    private final X509Certificate server;
    private final SSLContext serverContext;

    private LabCertificates(X509Certificate ca, X509Certificate server, SSLContext serverContext) {
        this.ca = ca;
        this.server = server;
        this.serverContext = serverContext;
    }

    /** A new CA and server certificate, valid from an hour ago (clock skew) for a year. */
    static LabCertificates generate() {
        try {
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            Date from = Date.from(now.minus(1, ChronoUnit.HOURS));
            Date until = Date.from(now.plus(365, ChronoUnit.DAYS));
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();

            KeyPair caKeys = newKeyPair();
            X500Name caName = new X500Name("CN=pullfix-lab-ca");
            X509v3CertificateBuilder cab = new JcaX509v3CertificateBuilder(caName, serial(), from, until, caName,
                    caKeys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign
                            | KeyUsage.digitalSignature))
                    .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(caKeys.getPublic()));
            X509Certificate ca = sign(cab, caKeys);

            KeyPair serverKeys = newKeyPair();
            X509v3CertificateBuilder sb = new JcaX509v3CertificateBuilder(ca, serial(), from, until,
                    new X500Name("CN=pullfix-lab-apiserver"), serverKeys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                    .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                            new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                            new GeneralName(GeneralName.dNSName, "localhost")}))
                    .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(serverKeys.getPublic()))
                    .addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(ca));
            X509Certificate server = sign(sb, caKeys);

            return new LabCertificates(ca, server, serverContext(serverKeys, server, ca));
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("cannot make the lab API server's certificate: " + e.getMessage(), e);
        }
    }

    private static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return g.generateKeyPair();
    }

    private static BigInteger serial() {
        return new BigInteger(127, RANDOM).add(BigInteger.ONE);
    }

    private static X509Certificate sign(X509v3CertificateBuilder b, KeyPair issuer)
            throws OperatorCreationException, GeneralSecurityException {
        return new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuer.getPrivate())));
    }

    /**
     * The server's TLS context: its key and its chain up to the CA; no trust managers, since the server asks no
     * client certificate (requests carry the kubeconfig's token). The key store is in memory and of the JDK's JKS
     * kind, whose key protection is a cheap obfuscation: PKCS12's would derive a key with 10,000 PBKDF2 rounds at
     * every start for a store that never leaves this object.
     */
    private static SSLContext serverContext(KeyPair keys, X509Certificate server, X509Certificate ca)
            throws GeneralSecurityException, IOException {
        char[] password = Long.toHexString(RANDOM.nextLong()).toCharArray();
        KeyStore store = KeyStore.getInstance("JKS");
        store.load(null, null);
        store.setKeyEntry("pullfix-lab-apiserver", keys.getPrivate(), password, new X509Certificate[] {server, ca});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, password);
        SSLContext c = SSLContext.getInstance("TLS");
        c.init(kmf.getKeyManagers(), new TrustManager[0], RANDOM);
        return c;
    }

    /** A server-side TLS engine for one connection (Netty's {@code SslHandler} wraps it). */
    SSLEngine newServerEngine() {
        SSLEngine e = serverContext.createSSLEngine();
        e.setUseClientMode(false);
        return e;
    }

    X509Certificate ca() {
        return ca;
    }

    X509Certificate server() {
        return server;
    }

    /** The CA certificate in PEM. */
    String caPem() {
        StringWriter w = new StringWriter();
        try (JcaPEMWriter pem = new JcaPEMWriter(w)) {
            pem.writeObject(ca);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    /** kubeconfig's {@code certificate-authority-data}: the CA's PEM, Base64-encoded. */
    String caData() {
        return Base64.getEncoder().encodeToString(caPem().getBytes(StandardCharsets.US_ASCII));
    }

    /** A client TLS context that trusts this CA only (for Java clients: readiness checks, tests). */
    SSLContext trustingContext() {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("pullfix-lab-ca", ca);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext c = SSLContext.getInstance("TLS");
            c.init(null, tmf.getTrustManagers(), null);
            return c;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot trust the lab API server's CA: " + e.getMessage(), e);
        }
    }
}
