package dev.pullfix.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** Runs one picocli command in-process with captured stdin, stdout and stderr. */
record CliRun(int exitCode, String out, String err) {

    static CliRun classify(String stdin, String... args) {
        return run(new CommandLine(new ClassifyCommand(
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)))), args);
    }

    static CliRun main(String... args) {
        return run(new CommandLine(new Main()), args);
    }

    static CliRun run(CommandLine cmd, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    String[] outLines() {
        return out.isEmpty() ? new String[0] : out.split("\\R");
    }
}
