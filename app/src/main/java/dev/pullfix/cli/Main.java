package dev.pullfix.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The single entry point: the GUI with no subcommand, the command line otherwise. */
@Command(name = "pullfix", mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        subcommands = {ClassifyCommand.class, ImageCommand.class, ContextsCommand.class, PodsCommand.class,
                EventsCommand.class, PolicyCommand.class, EcrCommand.class, DiagnoseCommand.class,
                ApiserverCommand.class, LabCommand.class},
        description = "Finds out why a Kubernetes pod cannot pull its image, and walks you to a fix.")
public final class Main implements Runnable {

    @picocli.CommandLine.Option(names = "--read-only", description = "Start the workbench without any write action.")
    boolean readOnly;

    public static void main(String[] args) {
        if (args.length == 0) {
            dev.pullfix.app.shell.Launcher.launch(args, System.err);
            return;
        }
        System.exit(commandLine().execute(args));
    }

    /**
     * The configured command line: bad arguments and unknown commands print one line on stderr (and the
     * command's usage hint) and exit 2.
     */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println(c.getCommandSpec().qualifiedName() + ": " + ex.getMessage()
                    + " (see '" + c.getCommandSpec().qualifiedName() + " --help')");
            c.getErr().flush();
            return 2;
        });
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
