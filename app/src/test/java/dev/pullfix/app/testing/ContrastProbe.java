package dev.pullfix.app.testing;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Paint;
import javafx.scene.paint.RadialGradient;
import javafx.scene.paint.Stop;
import javafx.scene.text.Text;

/**
 * The WCAG 2.x contrast of every text a laid-out scene shows, from the colours the nodes resolved from the CSS (not
 * from a list of hex codes): the text's fill ({@code Labeled.textFill} reaches its {@code Text}; code areas' text is
 * {@code Text} too) against what is painted behind it, found by walking up the parents through their background
 * fills (translucent fills blended over what lies under them, down to the scene's fill). Disabled controls are exempt
 * (WCAG 1.4.3), icons are not text. FX thread only.
 */
public final class ContrastProbe {
    /** WCAG AA for normal text. */
    public static final double MIN = 4.5;

    /** One text as painted: where, what, its colour, the colour behind it and their contrast ratio. */
    public record Sample(Text node, String where, String text, Color fg, Color bg, double ratio) {
        @Override
        public String toString() {
            return String.format("%s \"%s\": %s on %s = %.2f:1", where, text, hex(fg), hex(bg), ratio);
        }
    }

    private ContrastProbe() {
    }

    /** Every visible text of the scene with its contrast. */
    public static List<Sample> samples(Scene scene) {
        List<Sample> out = new ArrayList<>();
        visit(scene, scene.getRoot(), out);
        return out;
    }

    /** Whether {@code n} is {@code ancestor} or lies inside it. */
    public static boolean within(Node n, Node ancestor) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p == ancestor) {
                return true;
            }
        }
        return false;
    }

    /** The texts below {@value #MIN}:1. */
    public static List<Sample> failures(Scene scene) {
        return samples(scene).stream().filter(s -> s.ratio() < MIN).toList();
    }

    private static void visit(Scene scene, Node n, List<Sample> out) {
        if (!n.isVisible() || n.getOpacity() == 0 || n.isDisabled()) {
            return;
        }
        if (n instanceof Text t && !t.getClass().getName().startsWith("org.kordamp.ikonli")) {
            sample(scene, t).ifPresent(out::add);
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                visit(scene, c, out);
            }
        }
    }

    private static java.util.Optional<Sample> sample(Scene scene, Text t) {
        String text = t.getText();
        Bounds b = t.localToScene(t.getLayoutBounds());
        if (text == null || text.isBlank() || b.getWidth() < 1 || b.getHeight() < 1 || b.getMaxX() < 0
                || b.getMaxY() < 0 || b.getMinX() > scene.getWidth() || b.getMinY() > scene.getHeight()
                || !(t.getFill() instanceof Color)) {
            return java.util.Optional.empty();
        }
        Bounds shown = visiblePart(scene, t, b);
        if (shown == null) {
            return java.util.Optional.empty(); // scrolled out of view or clipped away: not painted
        }
        Point2D centre = new Point2D(shown.getCenterX(), shown.getCenterY());
        Color bg = behind(scene, t.getParent(), centre);
        Color fg = over((Color) t.getFill(), opacity(t), bg);
        return java.util.Optional.of(new Sample(t, describe(t), abbreviate(text), fg, bg, ratio(fg, bg)));
    }

    /** The part of {@code b} (scene coordinates) inside the scene and every clip above {@code n}, or null. */
    private static Bounds visiblePart(Scene scene, Node n, Bounds b) {
        double x0 = Math.max(0, b.getMinX());
        double y0 = Math.max(0, b.getMinY());
        double x1 = Math.min(scene.getWidth(), b.getMaxX());
        double y1 = Math.min(scene.getHeight(), b.getMaxY());
        for (Node p = n; p != null; p = p.getParent()) {
            if (p.getClip() != null) {
                Bounds c = p.localToScene(p.getClip().getBoundsInParent());
                x0 = Math.max(x0, c.getMinX());
                y0 = Math.max(y0, c.getMinY());
                x1 = Math.min(x1, c.getMaxX());
                y1 = Math.min(y1, c.getMaxY());
            }
        }
        return x1 - x0 < 1 || y1 - y0 < 1 ? null : new javafx.geometry.BoundingBox(x0, y0, x1 - x0, y1 - y0);
    }

    /** The colour painted at {@code at} (scene coordinates) under the children of {@code n}. */
    static Color behind(Scene scene, Node n, Point2D at) {
        List<Color> translucent = new ArrayList<>(); // nearest first
        Color base = null;
        for (Node p = n; p != null && base == null; p = p.getParent()) {
            if (!(p instanceof Region r) || r.getBackground() == null) {
                continue;
            }
            Point2D local = r.sceneToLocal(at);
            List<BackgroundFill> fills = r.getBackground().getFills();
            for (int i = fills.size() - 1; i >= 0 && base == null; i--) {
                BackgroundFill f = fills.get(i);
                if (!covers(r, f.getInsets(), local)) {
                    continue;
                }
                Color c = colour(f.getFill());
                if (c == null || c.getOpacity() == 0) {
                    continue;
                }
                double alpha = c.getOpacity() * opacity(r);
                if (alpha >= 0.999) {
                    base = c;
                } else {
                    translucent.add(Color.color(c.getRed(), c.getGreen(), c.getBlue(), alpha));
                }
            }
        }
        if (base == null) {
            base = scene.getFill() instanceof Color c && c.getOpacity() > 0 ? c : Color.WHITE;
        }
        Color result = base;
        for (int i = translucent.size() - 1; i >= 0; i--) {
            Color c = translucent.get(i);
            result = over(Color.color(c.getRed(), c.getGreen(), c.getBlue()), c.getOpacity(), result);
        }
        return result;
    }

    private static boolean covers(Region r, Insets in, Point2D local) {
        Bounds b = r.getLayoutBounds();
        return local.getX() >= b.getMinX() + in.getLeft() && local.getX() <= b.getMaxX() - in.getRight()
                && local.getY() >= b.getMinY() + in.getTop() && local.getY() <= b.getMaxY() - in.getBottom();
    }

    /** A fill as one colour: gradients by the mean of their stops. */
    private static Color colour(Paint p) {
        if (p instanceof Color c) {
            return c;
        }
        List<Stop> stops = p instanceof LinearGradient l ? l.getStops() : p instanceof RadialGradient g ? g.getStops()
                : List.of();
        if (stops.isEmpty()) {
            return null;
        }
        double r = 0, g = 0, b = 0, a = 0;
        for (Stop s : stops) {
            r += s.getColor().getRed();
            g += s.getColor().getGreen();
            b += s.getColor().getBlue();
            a += s.getColor().getOpacity();
        }
        int n = stops.size();
        return Color.color(r / n, g / n, b / n, a / n);
    }

    /** The node's own opacity times its parents'. */
    private static double opacity(Node n) {
        double o = 1;
        for (Node p = n; p != null; p = p.getParent()) {
            o *= p.getOpacity();
        }
        return o;
    }

    /** {@code c} with {@code alpha} (times its own) painted over the opaque {@code under}. */
    static Color over(Color c, double alpha, Color under) {
        double a = c.getOpacity() * alpha;
        return Color.color(c.getRed() * a + under.getRed() * (1 - a), c.getGreen() * a + under.getGreen() * (1 - a),
                c.getBlue() * a + under.getBlue() * (1 - a));
    }

    /** WCAG 2.x relative luminance. */
    public static double luminance(Color c) {
        return 0.2126 * channel(c.getRed()) + 0.7152 * channel(c.getGreen()) + 0.0722 * channel(c.getBlue());
    }

    private static double channel(double v) {
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    /** WCAG 2.x contrast ratio, 1 to 21. */
    public static double ratio(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static String describe(Node n) {
        StringBuilder path = new StringBuilder();
        for (Node p = n.getParent(); p != null && path.length() < 120; p = p.getParent()) {
            String name = p.getId() != null ? "#" + p.getId()
                    : p.getStyleClass().isEmpty() ? null : "." + p.getStyleClass().get(p.getStyleClass().size() - 1);
            if (name != null) {
                path.insert(0, name + (path.length() == 0 ? "" : " > "));
                if (p.getId() != null) {
                    break;
                }
            }
        }
        return path.toString();
    }

    private static String abbreviate(String s) {
        String one = s.replace('\n', ' ');
        return one.length() > 50 ? one.substring(0, 47) + "…" : one;
    }

    static String hex(Color c) {
        return String.format("#%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255));
    }
}
