package dev.pullfix.cli;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * Runs the command line in-process exactly as {@code main} configures it (one output path, the error handler, exit
 * codes), with captured stdin, stdout and stderr.
 */
record CliRun(int exitCode, String out, String err) {

    static CliRun classify(String stdin, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "classify";
        System.arraycopy(args, 0, all, 1, args.length);
        return run(new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                if (cls == ClassifyCommand.class) {
                    return cls.cast(new ClassifyCommand(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8))));
                }
                return CommandLine.defaultFactory().create(cls);
            }
        }, all);
    }

    /** {@code pullfix ARGS...}. */
    static CliRun main(String... args) {
        return run(CommandLine.defaultFactory(), args);
    }

    static CliRun run(CommandLine.IFactory factory, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.commandLine(out, err, factory).execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    String[] outLines() {
        return out.isEmpty() ? new String[0] : out.split("\\R");
    }

    String[] errLines() {
        return err.isBlank() ? new String[0] : err.strip().split("\\R");
    }
}
