package dev.pullfix.model.registry.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed certificate and its key, made with the JDK's keytool and written as PEM files (the registry reads
 * PEM; Go accepts the PKCS#8 key).
 *
 * @param certPem the certificate, PEM
 * @param keyPem  the private key, PKCS#8 PEM
 */
public record TestCert(Path certPem, Path keyPem, X509Certificate cert, PrivateKey key) {

    /** @param san subject alternative names in keytool form, e.g. {@code IP:127.0.0.1,DNS:localhost} */
    public static TestCert selfSigned(Path dir, String name, String san) {
        try {
            Files.createDirectories(dir);
            Path p12 = dir.resolve(name + ".p12");
            Files.deleteIfExists(p12);
            Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
            Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", name, "-keyalg", "RSA",
                    "-keysize", "2048", "-validity", "2", "-dname", "CN=" + name, "-ext", "SAN=" + san,
                    "-storetype", "PKCS12", "-keystore", p12.toString(), "-storepass", "changeit", "-keypass",
                    "changeit").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + out);
            }
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(p12)) {
                ks.load(in, "changeit".toCharArray());
            }
            X509Certificate cert = (X509Certificate) ks.getCertificate(name);
            PrivateKey key = (PrivateKey) ks.getKey(name, "changeit".toCharArray());
            Path certPem = dir.resolve(name + ".crt");
            Path keyPem = dir.resolve(name + ".key");
            Files.writeString(certPem, pem("CERTIFICATE", cert.getEncoded()));
            Files.writeString(keyPem, pem("PRIVATE KEY", key.getEncoded()));
            return new TestCert(certPem, keyPem, cert, key);
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
