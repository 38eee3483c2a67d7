package dev.pullfix.model.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pullfix.model.image.ImageReference;
import dev.pullfix.model.registry.testing.StubServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * The canary: credentials and tokens go through every registry path (Basic, Bearer, rejected, accepted, redirects,
 * failures, the keyring), and nothing the client produces (log records at every level, stdout/stderr, results'
 * toString and JSON, failure details, exception messages) contains the password, the user:password base64, an
 * Authorization header or the token.
 */
class SecretCanaryTest {
    static final String USER = "canary-user";
    static final String PASSWORD = "CANARY-pa55word-7c1";
    static final String TOKEN = "tok-CANARY-b3arer-9f2";
    static final String BASIC = Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));

    @Test
    void noOutputEverHoldsACredentialOrToken() throws Exception {
        List<String> out = new ArrayList<>();
        Logger root = Logger.getLogger("");
        Level before = root.getLevel();
        Logger pf = Logger.getLogger("dev.pullfix");
        Level pfBefore = pf.getLevel();
        Handler h = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (r.getLoggerName() != null && r.getLoggerName().startsWith("com.sun.net.httpserver")) {
                    return; // the stub registry's own server log: the other side of the wire, not Pullfix's output
                }
                out.add(r.getLoggerName() + " " + r.getMessage() + " " + (r.getThrown() == null ? "" : r.getThrown()));
                if (r.getParameters() != null) {
                    for (Object p : r.getParameters()) {
                        out.add(String.valueOf(p));
                    }
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        h.setLevel(Level.ALL);
        root.addHandler(h);
        root.setLevel(Level.ALL);
        pf.setLevel(Level.ALL);
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        ObjectMapper json = new ObjectMapper().disable(com.fasterxml.jackson.databind.SerializationFeature.FAIL_ON_EMPTY_BEANS);
        try (StubServer cdn = new StubServer(ex -> StubServer.reply(ex, 200, Map.of(),
                "{\"architecture\":\"amd64\",\"os\":\"linux\"}"));
             StubServer reg = new StubServer(ex -> {
                 String path = ex.getRequestURI().getPath();
                 String auth = ex.getRequestHeaders().getFirst("Authorization");
                 if (path.equals("/token")) {
                     boolean ok = ("Basic " + BASIC).equals(auth);
                     StubServer.reply(ex, ok ? 200 : 401, Map.of(), ok ? "{\"token\":\"" + TOKEN + "\",\"expires_in\":300}"
                             : "{\"details\":\"incorrect username or password\"}");
                 } else if (path.startsWith("/v2/basic/")) {
                     if (("Basic " + BASIC).equals(auth)) {
                         StubServer.reply(ex, 404, Map.of(), "{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\",\"message\":\"manifest unknown\"}]}");
                     } else {
                         StubServer.reply(ex, 401, Map.of("WWW-Authenticate", "Basic realm=\"r\""), "");
                     }
                 } else if (!("Bearer " + TOKEN).equals(auth)) {
                     StubServer.reply(ex, 401, Map.of("WWW-Authenticate", "Bearer realm=\"http://127.0.0.1:"
                             + ex.getLocalAddress().getPort() + "/token\",service=\"canary\""), "");
                 } else if (path.contains("/blobs/")) {
                     StubServer.reply(ex, 307, Map.of("Location", "http://127.0.0.1:" + CDN.get() + "/blob?sig=" + TOKEN), "");
                 } else if (path.contains("/tags/list")) {
                     StubServer.reply(ex, 200, Map.of(), "{\"tags\":[\"1\"]}");
                 } else {
                     StubServer.reply(ex, 200, Map.of("Content-Type", MediaTypes.OCI_MANIFEST),
                             RegistryTransportTest.MANIFEST);
                 }
             })) {
            CDN.set(cdn.port());
            HttpRegistryClient c = new HttpRegistryClient(RegistryClientOptions.defaults().withEnvironment(Map.of())
                    .withEndpoints(Map.of("canary.test", URI.create(reg.base()))));
            byte[] config = ("{\"auths\":{\"canary.test\":{\"auth\":\"" + BASIC + "\"}}}").getBytes(StandardCharsets.UTF_8);
            CONFIG_B64.set(Base64.getEncoder().encodeToString(config));
            PullSecret secret = new PullSecret("default", "regcred", PullSecret.TYPE_CONFIG_JSON, config, null);
            KubeletCredentials kc = KubeletCredentials.resolve((ns, n) -> Optional.of(secret), "default", List.of("regcred"));
            ImageReference img = ImageReference.parse("canary.test/team/app:1");
            List<Credential> creds = kc.credentialsFor(img);
            Credential wrong = Credential.basic(USER, PASSWORD + "-old", "secret default/old");
            List<Object> results = new ArrayList<>();
            for (Credential cr : List.of(creds.get(0), wrong, Credential.ANONYMOUS)) {
                results.add(c.head(img, cr));
                results.add(c.manifest(img, cr));
                results.add(c.tags(img, cr));
                results.add(c.head(ImageReference.parse("canary.test/basic/app:1"), cr));
                results.add(new ImageChecker(c).check(img, List.of(cr), Platform.ofNode("linux", "arm64")));
            }
            results.add(new ImageChecker(c).check(img, creds, null));
            results.add(kc);
            results.add(secret);
            results.addAll(creds);
            try {
                DockerConfig.parseConfigJson(("{\"auths\":{\"x\":{\"auth\":\"" + PASSWORD + "\"}}}").getBytes(StandardCharsets.UTF_8), "s");
            } catch (java.io.IOException e) {
                out.add(e.getMessage());
            }
            for (Object r : results) {
                out.add(String.valueOf(r));
                out.add(json.writeValueAsString(r));
            }
            assertThat(results.get(0).toString()).contains("digest"); // the flows did run
            assertThat(((RegistryResult<?>) results.get(5)).failure().kind()).isEqualTo(RegistryFailure.Kind.CREDENTIALS_REJECTED);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
            root.removeHandler(h);
            root.setLevel(before);
            pf.setLevel(pfBefore);
        }
        out.add(stdout.toString(StandardCharsets.UTF_8));
        // registered with the secret registry, so every output path of the app masks them too
        assertThat(dev.pullfix.model.secret.Secrets.process().leaksInto("x " + PASSWORD + " y")).isTrue();
        assertThat(dev.pullfix.model.secret.Secrets.process().leaksInto("Bearer " + TOKEN)).isTrue();
        assertThat(dev.pullfix.model.secret.Secrets.process().leaksInto("Basic " + BASIC)).isTrue();
        assertThat(out).anySatisfy(s -> assertThat(s).contains("HEAD http://127.0.0.1")); // debug logging was on
        String all = String.join("\n", out);
        assertThat(all).doesNotContain(PASSWORD).doesNotContain(BASIC).doesNotContain(TOKEN)
                .doesNotContainIgnoringCase("authorization:").doesNotContain("Bearer tok").doesNotContain("Basic Y2")
                .doesNotContain(CONFIG_B64.get());
    }

    static final java.util.concurrent.atomic.AtomicReference<String> CONFIG_B64 = new java.util.concurrent.atomic.AtomicReference<>();
    static final java.util.concurrent.atomic.AtomicInteger CDN = new java.util.concurrent.atomic.AtomicInteger();
}
