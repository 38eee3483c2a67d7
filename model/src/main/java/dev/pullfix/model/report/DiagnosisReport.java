package dev.pullfix.model.report;

import dev.pullfix.model.diagnosis.runbook.Diagnosis;
import dev.pullfix.model.diagnosis.runbook.Evidence;
import dev.pullfix.model.diagnosis.runbook.FixProposal;
import dev.pullfix.model.diagnosis.runbook.Runbook;
import dev.pullfix.model.diagnosis.runbook.RunbookCatalog;
import dev.pullfix.model.diagnosis.runbook.Show;
import dev.pullfix.model.diagnosis.runbook.StepResult;
import dev.pullfix.model.diagnosis.runbook.Verdict;
import dev.pullfix.model.text.Texts;
import java.text.MessageFormat;
import dev.pullfix.model.secret.Redactor;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.stream.Collectors;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * A diagnosis as Markdown (every step with its commands, evidence, verdict; the fixes) in English or Japanese, and as
 * HTML rendered from that Markdown by commonmark (raw HTML in evidence is escaped). Secrets are redacted.
 */
public final class DiagnosisReport {
    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());

    private final RunbookCatalog catalog;
    private final Locale locale;
    private final ResourceBundle bundle;
    private final ResourceBundle categories;
    private final Texts texts;

    public DiagnosisReport(RunbookCatalog catalog, Locale locale) {
        this.catalog = catalog;
        this.locale = "ja".equals(locale.getLanguage()) ? Locale.JAPANESE : Locale.ENGLISH;
        ResourceBundle.Control noFallback = ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
        this.bundle = ResourceBundle.getBundle("dev.pullfix.i18n.diagnosis", this.locale, noFallback);
        this.texts = new Texts(this.locale);
        ResourceBundle c;
        try {
            c = ResourceBundle.getBundle("dev.pullfix.i18n.classifier", this.locale, noFallback);
        } catch (MissingResourceException e) {
            c = null;
        }
        this.categories = c;
    }

    /** A bundle text; missing keys show as {@code !key!} (a test keeps them from happening). */
    public String t(String key, Object... args) {
        try {
            String pattern = bundle.getString(key);
            return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
    }

    /** A text the model returned as a code with arguments, in this report's language. */
    public String render(dev.pullfix.model.text.Message m) {
        return texts.render(m);
    }

    String category(String code) {
        if (code == null) {
            return null;
        }
        try {
            return categories == null ? code : categories.getString("category." + code) + " (" + code + ")";
        } catch (MissingResourceException e) {
            return code;
        }
    }

    public String markdown(Diagnosis d) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(esc(t("report.title", d.namespace(), d.pod()))).append("\n\n");
        if (d.image() != null) {
            md.append("- **").append(t("report.image")).append(":** `").append(d.image()).append("`\n");
        }
        md.append("- **").append(t("report.symptom")).append(":** ")
                .append(d.symptom() == null ? t("report.symptom.none") : esc(category(d.symptom()))).append("\n");
        md.append("- **").append(t("report.cause")).append(":** ")
                .append(d.cause() == null ? t("report.cause.none") : esc(category(d.cause())));
        if (d.finding() != null) {
            md.append(" — ").append(esc(t("finding." + d.finding().code(), d.finding().args().toArray())));
        }
        md.append("\n");
        md.append("- **").append(t("report.runbooks")).append(":** ").append(d.runbooks().stream()
                .map(id -> catalog.get(id).map(b -> esc(b.title().in(locale))).orElse(id))
                .collect(Collectors.joining(" → "))).append("\n\n");
        if (d.eventsGone()) {
            md.append("> ").append(t("report.eventsGone")).append("\n\n");
        }
        if (d.cancelled()) {
            md.append("> ").append(t("report.cancelled")).append("\n\n");
        }
        md.append("## ").append(t("report.steps")).append("\n\n");
        for (StepResult s : d.steps()) {
            step(md, s);
        }
        md.append("## ").append(t("report.fixes")).append("\n\n");
        if (d.fixes().isEmpty()) {
            md.append(t("report.fixes.none")).append("\n\n");
        }
        int i = 1;
        for (FixProposal f : d.fixes()) {
            md.append(i++).append(". ").append(esc(texts.render(f.summary()))).append(" `").append(f.kind())
                    .append("` — ").append(t("report.fixTarget")).append(": ").append(esc(f.target().kind())).append(" `")
                    .append(f.target().name()).append("`").append(f.target().scope() == null ? "" : " (" + esc(f.target().scope()) + ")")
                    .append("\n");
            String proposed = f instanceof FixProposal.EcrPolicyEdit e ? e.proposedPolicy() : null;
            if (proposed != null) {
                md.append("\n").append(fence("json", proposed, "   ")).append("\n");
            }
        }
        md.append("\n---\n\n_").append(t("report.generated", d.at().toString())).append("_\n");
        return Redactor.redact(md.toString());
    }

    private void step(StringBuilder md, StepResult s) {
        Runbook.Step step = s.step();
        md.append("### ").append(esc(t("report.step", step.numberIn(locale), step.title().in(locale)))).append("\n\n");
        md.append(esc(step.explain().in(locale))).append("\n\n");
        if (!s.commands().isEmpty()) {
            md.append("**").append(t("report.commands")).append("**\n\n").append(fence("sh", String.join("\n", s.commands()), ""))
                    .append("\n");
        }
        md.append("**").append(t("report.verdict")).append(":** ").append(t("verdict." + s.verdict().name()));
        if (s.verdict() == Verdict.COULD_NOT_CHECK && s.outcome().reason() != null) {
            md.append(" — ").append(esc(t("reason." + s.outcome().reason().name(),
                    s.outcome().permission() == null ? "" : s.outcome().permission())));
            if (s.outcome().detail() != null && s.outcome().reason() != dev.pullfix.model.diagnosis.runbook.port.CouldNotCheckException.Reason.ACCESS_DENIED) {
                md.append(" (").append(esc(s.outcome().detail())).append(")");
            }
        } else if (s.outcome().finding() != null) {
            md.append(" — ").append(esc(t("finding." + s.outcome().finding().code(), s.outcome().finding().args().toArray())));
        }
        md.append("\n\n");
        for (Evidence e : s.outcome().evidence()) {
            md.append("*").append(t(e.label())).append("*\n\n");
            if (!e.rows().isEmpty()) {
                table(md, e);
            }
            if (e.body() != null && !e.body().isEmpty()) {
                md.append(fence(e.kind() == Show.JSON || e.kind() == Show.POLICY_STATEMENTS ? "json" : "text", e.body(), ""))
                        .append("\n");
            }
        }
    }

    private static void table(StringBuilder md, Evidence e) {
        List<String> cols = e.columns();
        int n = cols.isEmpty() ? e.rows().get(0).size() : cols.size();
        md.append("|");
        for (int i = 0; i < n; i++) {
            md.append(" ").append(cell(i < cols.size() ? cols.get(i) : "")).append(" |");
        }
        md.append("\n|");
        md.append(" --- |".repeat(n)).append("\n");
        for (List<String> row : e.rows()) {
            md.append("|");
            for (int i = 0; i < n; i++) {
                md.append(" ").append(cell(i < row.size() ? row.get(i) : "")).append(" |");
            }
            md.append("\n");
        }
        md.append("\n");
    }

    private static String cell(String s) {
        return esc(s == null ? "" : s).replace("|", "\\|").replace("\r", "").replace("\n", " ");
    }

    /** Escapes Markdown punctuation that would change the meaning of plain text. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_").replace("`", "\\`")
                .replace("<", "\\<").replace("[", "\\[").replace("]", "\\]");
    }

    private static String fence(String lang, String body, String indent) {
        String f = "```";
        while (body.contains(f)) {
            f = f + "`";
        }
        StringBuilder sb = new StringBuilder();
        sb.append(indent).append(f).append(lang).append("\n");
        for (String line : body.split("\n", -1)) {
            sb.append(indent).append(line).append("\n");
        }
        sb.append(indent).append(f).append("\n");
        return sb.toString();
    }

    /**
     * Plain text for a terminal, numbered as the documents number their steps: each step with its commands, its
     * live result and verdict (evidence tables abridged to their rows), then the fixes. Secrets redacted.
     */
    public String text(Diagnosis d) {
        StringBuilder out = new StringBuilder();
        out.append(t("report.title", d.namespace(), d.pod())).append("\n");
        if (d.image() != null) {
            out.append("  ").append(t("report.image")).append(": ").append(d.image()).append("\n");
        }
        out.append("  ").append(t("report.symptom")).append(": ")
                .append(d.symptom() == null ? t("report.symptom.none") : category(d.symptom())).append("\n");
        if (d.eventsGone()) {
            out.append("  ").append(t("report.eventsGone")).append("\n");
        }
        String book = null;
        for (StepResult s : d.steps()) {
            if (!s.runbookId().equals(book)) {
                book = s.runbookId();
                out.append("\n== ").append(catalog.get(book).map(b -> b.title().in(locale)).orElse(book)).append("\n");
            }
            out.append("\n").append(t("report.step", s.step().numberIn(locale), s.step().title().in(locale)))
                    .append("  [").append(t("verdict." + s.verdict().name())).append("]\n");
            s.commands().forEach(c -> out.append("  $ ").append(c).append("\n"));
            if (s.verdict() == Verdict.COULD_NOT_CHECK && s.outcome().reason() != null) {
                out.append("  ").append(t("reason." + s.outcome().reason().name(),
                        s.outcome().permission() == null ? "" : s.outcome().permission())).append("\n");
            } else if (s.outcome().finding() != null) {
                out.append("  ").append(t("finding." + s.outcome().finding().code(), s.outcome().finding().args().toArray()))
                        .append("\n");
            }
        }
        out.append("\n").append(t("report.cause")).append(": ")
                .append(d.cause() == null ? t("report.cause.none") : category(d.cause()));
        if (d.finding() != null) {
            out.append(" - ").append(t("finding." + d.finding().code(), d.finding().args().toArray()));
        }
        out.append("\n").append(t("report.fixes")).append(":\n");
        if (d.fixes().isEmpty()) {
            out.append("  ").append(t("report.fixes.none")).append("\n");
        }
        int i = 1;
        for (FixProposal f : d.fixes()) {
            out.append("  ").append(i++).append(". [").append(f.kind()).append("] ").append(texts.render(f.summary()))
                    .append("\n");
        }
        return Redactor.redact(out.toString());
    }

    /**
     * The diagnosis as JSON for {@code --json}: {@code cause}, {@code symptom}, {@code finding}, {@code eventsGone},
     * {@code steps} (each with {@code number}, {@code title}, {@code command}, {@code commands}, {@code verdict},
     * {@code finding}, {@code reason}, {@code permission}, {@code evidence}) and {@code fixes} (each with {@code kind},
     * {@code summary}, {@code summaryCode}, {@code args}, {@code target}, {@code details}); texts in this report's
     * language, secrets redacted.
     */
    public String json(Diagnosis d) {
        com.fasterxml.jackson.databind.ObjectMapper m = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode root = m.createObjectNode();
        root.put("namespace", d.namespace()).put("pod", d.pod()).put("image", d.image()).put("symptom", d.symptom())
                .put("cause", d.cause()).put("eventsGone", d.eventsGone()).put("cancelled", d.cancelled())
                .put("startRunbook", d.startRunbook()).put("language", locale.getLanguage());
        if (d.finding() != null) {
            root.set("finding", findingNode(m, d.finding()));
        }
        root.set("runbooks", m.valueToTree(d.runbooks()));
        com.fasterxml.jackson.databind.node.ArrayNode steps = root.putArray("steps");
        for (StepResult s : d.steps()) {
            com.fasterxml.jackson.databind.node.ObjectNode n = steps.addObject();
            n.put("runbook", s.runbookId()).put("id", s.step().id()).put("number", s.step().numberIn(locale))
                    .put("title", s.step().title().in(locale)).put("command", String.join("\n", s.commands()));
            n.set("commands", m.valueToTree(s.commands()));
            n.put("check", s.step().check()).put("verdict", s.verdict().name()).put("tookMillis", s.took().toMillis());
            if (s.outcome().finding() != null) {
                n.set("finding", findingNode(m, s.outcome().finding()));
            }
            if (s.outcome().reason() != null) {
                n.put("reason", s.outcome().reason().name()).put("permission", s.outcome().permission())
                        .put("detail", s.outcome().detail());
            }
            com.fasterxml.jackson.databind.node.ArrayNode ev = n.putArray("evidence");
            for (Evidence e : s.outcome().evidence()) {
                com.fasterxml.jackson.databind.node.ObjectNode en = ev.addObject();
                en.put("kind", e.kind().name()).put("label", t(e.label()));
                if (!e.rows().isEmpty()) {
                    en.set("columns", m.valueToTree(e.columns()));
                    en.set("rows", m.valueToTree(e.rows()));
                }
                if (e.body() != null) {
                    en.put("body", e.body());
                }
            }
        }
        com.fasterxml.jackson.databind.node.ArrayNode fixes = root.putArray("fixes");
        for (FixProposal f : d.fixes()) {
            com.fasterxml.jackson.databind.node.ObjectNode n = fixes.addObject();
            n.put("kind", f.kind().name()).put("summary", texts.render(f.summary())).put("summaryCode", f.summary().key());
            n.set("args", m.valueToTree(f.summary().args()));
            n.set("target", m.valueToTree(f.target()));
            com.fasterxml.jackson.databind.node.ObjectNode details = m.valueToTree(f);
            details.remove(List.of("target", "summary", "kind"));
            n.set("details", details);
        }
        try {
            // masked field by field, then serialized: a secret never breaks the JSON around it
            return m.writerWithDefaultPrettyPrinter().writeValueAsString(Redactor.redact(root));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private com.fasterxml.jackson.databind.node.ObjectNode findingNode(com.fasterxml.jackson.databind.ObjectMapper m,
                                                                        dev.pullfix.model.diagnosis.runbook.Finding f) {
        com.fasterxml.jackson.databind.node.ObjectNode n = m.createObjectNode();
        n.put("code", f.code()).put("cause", f.cause()).put("text", t("finding." + f.code(), f.args().toArray()));
        n.set("args", m.valueToTree(f.args()));
        return n;
    }

    /** The Markdown rendered to a standalone HTML page. */
    public String html(Diagnosis d) {
        String md = markdown(d);
        Parser parser = Parser.builder().extensions(EXTENSIONS).build();
        HtmlRenderer renderer = HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true).build();
        Node doc = parser.parse(md);
        String body = renderer.render(doc);
        String title = htmlText(t("report.title", d.namespace(), d.pod()));
        return "<!DOCTYPE html>\n<html lang=\"" + locale.getLanguage() + "\">\n<head>\n<meta charset=\"utf-8\">\n<title>"
                + title + "</title>\n<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}"
                + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2rem .5rem;vertical-align:top}"
                + "pre{background:#f6f6f6;padding:.5rem;overflow-x:auto}</style>\n</head>\n<body>\n" + body + "</body>\n</html>\n";
    }

    private static String htmlText(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
