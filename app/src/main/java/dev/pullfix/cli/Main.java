package dev.pullfix.cli;

import dev.pullfix.app.common.I18n;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The single entry point: the GUI with no subcommand, the command line otherwise. */
@Command(name = "pullfix", mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Finds out why a Kubernetes pod cannot pull its image, and walks you to a fix.")
public final class Main implements Runnable {

    @picocli.CommandLine.Option(names = "--read-only", description = "Start the workbench without any write action.")
    boolean readOnly;

    /**
     * The subcommands, in the order help lists them. Picocli builds (by reflection) and instantiates every command it
     * is given; a run that names one gets only that one, which halves the start-up of a command on this machine.
     */
    static final Map<String, Class<?>> COMMANDS = commands();

    private static Map<String, Class<?>> commands() {
        Map<String, Class<?>> m = new LinkedHashMap<>();
        m.put("classify", ClassifyCommand.class);
        m.put("image", ImageCommand.class);
        m.put("contexts", ContextsCommand.class);
        m.put("pods", PodsCommand.class);
        m.put("events", EventsCommand.class);
        m.put("policy", PolicyCommand.class);
        m.put("ecr", EcrCommand.class);
        m.put("diagnose", DiagnoseCommand.class);
        m.put("fix", FixCommand.class);
        m.put("undo", UndoCommand.class);
        m.put("apiserver", ApiserverCommand.class);
        m.put("lab", LabCommand.class);
        m.put("preflight", PreflightCommand.class);
        return Collections.unmodifiableMap(m);
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            dev.pullfix.app.shell.Launcher.launch(args, System.err);
            return;
        }
        Prewarm.start(args[0]);
        System.exit(commandLine(standard(System.out), standard(System.err), CommandLine.defaultFactory(), args[0])
                .execute(args));
    }

    /** The command line on this process's stdout and stderr (UTF-8 where the platform charset cannot say 日本語). */
    public static CommandLine commandLine() {
        return commandLine(standard(System.out), standard(System.err));
    }

    private static Writer standard(PrintStream stream) {
        Charset cs = Charset.defaultCharset().newEncoder().canEncode("日本語") ? Charset.defaultCharset()
                : StandardCharsets.UTF_8;
        return new OutputStreamWriter(stream, cs);
    }

    /**
     * The configured command line writing to {@code out} and {@code err}, the one output path of every command:
     * each line masked by the secret registry and stripped of control characters; bad usage prints one line and
     * exits 2; any failure prints one line in the user's words and exits with a code that means something; every
     * command's help lists its exit codes.
     */
    public static CommandLine commandLine(Writer out, Writer err) {
        return commandLine(out, err, CommandLine.defaultFactory());
    }

    /** As {@link #commandLine(Writer, Writer)}, with the commands made by {@code factory} (tests feed stdin). */
    static CommandLine commandLine(Writer out, Writer err, CommandLine.IFactory factory) {
        return commandLine(out, err, factory, null);
    }

    /** With only the subcommand {@code first} names when it names one, none for --version, else all of them. */
    static CommandLine commandLine(Writer out, Writer err, CommandLine.IFactory factory, String first) {
        CommandLine cl = new CommandLine(new Main(), factory);
        boolean version = "--version".equals(first) || "-V".equals(first);
        for (Map.Entry<String, Class<?>> c : COMMANDS.entrySet()) {
            if (!version && (first == null || !COMMANDS.containsKey(first) || first.equals(c.getKey()))) {
                cl.addSubcommand(c.getKey(), new CommandLine(c.getValue(), factory));
            }
        }
        cl.setOut(new PrintWriter(new SafeWriter(out), true));
        cl.setErr(new PrintWriter(new SafeWriter(err), true));
        cl.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        ErrorHandler errors = new ErrorHandler();
        cl.setParameterExceptionHandler(errors);
        cl.setExecutionExceptionHandler(errors);
        ExitCode.document(cl, new I18n(OutputOptions.defaultLocale()));
        return cl;
    }

    @Override
    public void run() {
        dev.pullfix.app.shell.Launcher.launch(readOnly ? new String[] {"--read-only"} : new String[0], System.err);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"pullfix " + (v == null ? "dev" : v)};
        }
    }
}
