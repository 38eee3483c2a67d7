import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import jdk.internal.org.objectweb.asm.ClassReader;
import jdk.internal.org.objectweb.asm.ClassVisitor;
import jdk.internal.org.objectweb.asm.ClassWriter;
import jdk.internal.org.objectweb.asm.Opcodes;

/**
 * Run by cds-train.sh at package time as a single-file program ({@code java --add-exports
 * java.base/jdk.internal.org.objectweb.asm=ALL-UNNAMED Java8ClassFiles.java JAR...}): rewrites the class files of a
 * jar built for Java 5 (class-file version 49, as picocli 4.7 ships for its old users) as Java 8 class files, the
 * stack map frames computed by the JDK's own copy of ASM; the code is unchanged. Class-data sharing never archives a
 * class file older than version 50, so all 172 picocli classes a command loads were read from the jar and checked by
 * the old type-inferring verifier at every start of every command (0.1 s of CPU of {@code pullfix --version} here,
 * 0.31 -> 0.22 s). The new jar is checked before it replaces the old one: every class is loaded, verified and
 * initialised in a class loader of its own; any VerifyError or ClassFormatError keeps the original jar. Jars without
 * old class files are left alone.
 */
public final class Java8ClassFiles {

    public static void main(String[] args) throws Exception {
        for (String a : args) {
            Path jar = Path.of(a);
            if (upgrade(jar)) {
                System.out.println("java8-class-files: " + jar.getFileName());
            }
        }
    }

    static boolean upgrade(Path jar) throws Exception {
        Path tmp = jar.resolveSibling(jar.getFileName() + ".java8");
        List<String> classes = new ArrayList<>();
        boolean old = false;
        try (URLClassLoader original = new URLClassLoader(new java.net.URL[] {jar.toUri().toURL()}, null);
             JarFile in = new JarFile(jar.toFile(), false)) {
            for (Enumeration<JarEntry> en = in.entries(); en.hasMoreElements(); ) {
                JarEntry e = en.nextElement();
                if (e.getName().endsWith(".class") && !e.getName().contains("-info")) {
                    try (InputStream body = in.getInputStream(e)) {
                        byte[] head = body.readNBytes(8);
                        old |= head.length == 8 && ((head[6] & 0xff) << 8 | head[7] & 0xff) < 50;
                    }
                }
            }
            if (!old) {
                return false;
            }
            try (OutputStream file = Files.newOutputStream(tmp);
                 JarOutputStream out = new JarOutputStream(file, in.getManifest())) {
                for (Enumeration<JarEntry> en = in.entries(); en.hasMoreElements(); ) {
                    JarEntry e = en.nextElement();
                    String n = e.getName();
                    if (n.equalsIgnoreCase(JarFile.MANIFEST_NAME)) {
                        continue;
                    }
                    byte[] b;
                    try (InputStream body = in.getInputStream(e)) {
                        b = body.readAllBytes();
                    }
                    if (n.endsWith(".class") && !n.contains("-info")) {
                        b = java8(b, original);
                        classes.add(n.substring(0, n.length() - 6).replace('/', '.'));
                    }
                    JarEntry copy = new JarEntry(n);
                    copy.setTime(e.getTime());
                    out.putNextEntry(copy);
                    out.write(b);
                    out.closeEntry();
                }
            }
        }
        try (URLClassLoader check = new URLClassLoader(new java.net.URL[] {tmp.toUri().toURL()}, null)) {
            for (String c : classes) {
                try {
                    Class.forName(c, true, check);
                } catch (VerifyError | ClassFormatError e) {
                    Files.deleteIfExists(tmp);
                    throw new IOException(c + " does not verify after the rewrite: " + e.getMessage(), e);
                } catch (LinkageError | RuntimeException e) {
                    // a class that needs an optional library or a running program to initialise: verified already
                }
            }
        }
        Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return true;
    }

    /** The class as a version 52 class file with frames (computed over the jar's own classes and the JDK's). */
    private static byte[] java8(byte[] b, ClassLoader classes) {
        ClassReader r = new ClassReader(b);
        ClassWriter w = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
            @Override
            protected String getCommonSuperClass(String a, String b2) {
                try {
                    Class<?> c = Class.forName(a.replace('/', '.'), false, classes);
                    Class<?> d = Class.forName(b2.replace('/', '.'), false, classes);
                    if (c.isAssignableFrom(d)) {
                        return a;
                    }
                    if (d.isAssignableFrom(c)) {
                        return b2;
                    }
                    if (c.isInterface() || d.isInterface()) {
                        return "java/lang/Object";
                    }
                    do {
                        c = c.getSuperclass();
                    } while (!c.isAssignableFrom(d));
                    return c.getName().replace('.', '/');
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
        r.accept(new ClassVisitor(Opcodes.ASM8, w) {
            @Override
            public void visit(int version, int access, String name, String signature, String superName,
                              String[] interfaces) {
                super.visit(Math.max(version, Opcodes.V1_8), access, name, signature, superName, interfaces);
            }
        }, ClassReader.SKIP_FRAMES);
        return w.toByteArray();
    }
}
