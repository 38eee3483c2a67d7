package dev.pullfix.model.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An image platform ({@code os/architecture[/variant]}), normalised and matched as containerd's {@code platforms}
 * package does for the kubelet's pull ({@code platforms.Only} of the node's platform): {@code aarch64} is
 * {@code arm64}, {@code arm64/v8} is {@code arm64}, {@code arm} is {@code arm/v7}, {@code x86_64} is {@code amd64};
 * an {@code amd64} node also runs {@code 386}, an {@code arm/v7} node {@code arm/v6} and {@code arm/v5}, an
 * {@code arm64} node also {@code arm/v8} down to {@code arm/v5}.
 *
 * @param variant empty string when none
 */
public record Platform(String os, String architecture, String variant) {

    public Platform {
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(architecture, "architecture");
        variant = variant == null ? "" : variant;
    }

    /** Parses {@code linux/arm64}, {@code linux/arm/v7}, {@code arm64} (os linux); empty when malformed. */
    public static Optional<Platform> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String[] p = text.trim().split("/");
        if (p.length == 1) {
            return Optional.of(new Platform("linux", p[0], "").normalized());
        }
        if (p.length > 3 || p[0].isEmpty() || p[1].isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Platform(p[0], p[1], p.length == 3 ? p[2] : "").normalized());
    }

    /** A Linux node's platform from its {@code kubernetes.io/arch} label (and {@code kubernetes.io/os}). */
    public static Platform ofNode(String os, String arch) {
        return new Platform(os == null || os.isBlank() ? "linux" : os, arch, "").normalized();
    }

    /** containerd's normalisation (lower case; architecture aliases; default variants). */
    public Platform normalized() {
        String o = os.toLowerCase(Locale.ROOT);
        if (o.equals("macos")) {
            o = "darwin";
        }
        String a = architecture.toLowerCase(Locale.ROOT);
        String v = variant.toLowerCase(Locale.ROOT);
        switch (a) {
            case "i386" -> {
                a = "386";
                v = "";
            }
            case "x86_64", "x86-64", "amd64" -> {
                a = "amd64";
                if (v.equals("v1")) {
                    v = "";
                }
            }
            case "aarch64", "arm64" -> {
                a = "arm64";
                if (v.equals("8") || v.equals("v8") || v.equals("v8.0")) {
                    v = "";
                } else if (v.equals("9") || v.equals("9.0") || v.equals("v9.0")) {
                    v = "v9";
                }
            }
            case "armhf" -> {
                a = "arm";
                v = "v7";
            }
            case "armel" -> {
                a = "arm";
                v = "v6";
            }
            case "arm" -> {
                if (v.isEmpty() || v.equals("7")) {
                    v = "v7";
                } else if (v.equals("5") || v.equals("6") || v.equals("8")) {
                    v = "v" + v;
                }
            }
            default -> {
            }
        }
        return new Platform(o, a, v);
    }

    /** True when a node of this platform can run an image of {@code image}'s platform (containerd's Only). */
    public boolean runs(Platform image) {
        Platform want = image.normalized();
        for (Platform p : vector()) {
            if (p.equals(want)) {
                return true;
            }
        }
        return false;
    }

    /** The platforms a node of this platform accepts, best first. */
    List<Platform> vector() {
        Platform n = normalized();
        List<Platform> out = new ArrayList<>();
        switch (n.architecture) {
            case "amd64" -> {
                out.add(n);
                int v = version(n.variant);
                for (int i = v - 1; i >= 2; i--) {
                    out.add(new Platform(n.os, "amd64", "v" + i));
                }
                if (v > 1) {
                    out.add(new Platform(n.os, "amd64", ""));
                }
                out.add(new Platform(n.os, "386", ""));
            }
            case "arm" -> {
                out.add(n);
                int v = version(n.variant);
                for (int i = v - 1; i >= 5; i--) {
                    out.add(new Platform(n.os, "arm", "v" + i));
                }
            }
            case "arm64" -> {
                out.add(n);
                if (n.variant.startsWith("v9")) {
                    out.add(new Platform(n.os, "arm64", ""));
                }
                for (int i = 8; i >= 5; i--) {
                    out.add(new Platform(n.os, "arm", "v" + i));
                }
            }
            default -> out.add(n);
        }
        return out;
    }

    private static int version(String variant) {
        try {
            return variant.isEmpty() ? 1 : Integer.parseInt(variant.startsWith("v") ? variant.substring(1) : variant);
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    @Override
    public String toString() {
        return os + "/" + architecture + (variant.isEmpty() ? "" : "/" + variant);
    }
}
