import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Pattern;

/**
 * Run by cds-train.sh at package time as a single-file program ({@code java Unsign.java JAR...}): rewrites each signed
 * jar of app/target/lib without its signature (the signature files, and the per-entry digests of the manifest; its
 * main section stays). Only BouncyCastle's jars are signed; Pullfix uses them to build the practice lab's
 * certificates with the JDK's own providers (BouncyCastle is never registered as a JCA provider, the one use that a
 * signature is for). A signed jar's classes are verified as they load and class-data sharing never archives them:
 * about 0.4 s of CPU of every practice lab start here. Unsigned jars are left alone.
 */
public final class Unsign {
    private static final Pattern SIGNATURE = Pattern.compile("META-INF/[^/]+\\.(SF|RSA|DSA|EC)");

    public static void main(String[] args) throws IOException {
        for (String a : args) {
            Path jar = Path.of(a);
            if (unsign(jar)) {
                System.out.println("unsign: " + jar.getFileName());
            }
        }
    }

    static boolean unsign(Path jar) throws IOException {
        Path tmp = jar.resolveSibling(jar.getFileName() + ".unsigned");
        try (JarFile in = new JarFile(jar.toFile(), false)) {
            if (in.stream().noneMatch(e -> SIGNATURE.matcher(e.getName()).matches())) {
                return false;
            }
            Manifest main = new Manifest();
            Manifest old = in.getManifest();
            if (old != null) {
                main.getMainAttributes().putAll(old.getMainAttributes());
            } else {
                main.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
            }
            try (OutputStream file = Files.newOutputStream(tmp); JarOutputStream out = new JarOutputStream(file, main)) {
                for (Enumeration<JarEntry> en = in.entries(); en.hasMoreElements(); ) {
                    JarEntry e = en.nextElement();
                    String n = e.getName();
                    if (n.equalsIgnoreCase(JarFile.MANIFEST_NAME) || SIGNATURE.matcher(n).matches()) {
                        continue;
                    }
                    JarEntry copy = new JarEntry(n);
                    copy.setTime(e.getTime());
                    out.putNextEntry(copy);
                    try (InputStream body = in.getInputStream(e)) {
                        body.transferTo(out);
                    }
                    out.closeEntry();
                }
            }
        }
        Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return true;
    }
}
