package dev.pullfix.cli;

import dev.pullfix.app.common.UserText;
import dev.pullfix.model.secret.Secrets;
import java.io.IOException;
import java.io.Writer;

/**
 * The last line of defence of the command line's one output path: every line written to stdout or stderr is
 * masked by the secret registry (by value, so JSON stays JSON) and loses terminal control sequences and control
 * characters (an event message cannot retitle the window or clear the screen). Line-buffered; {@link #flush()}
 * writes a partial line.
 */
final class SafeWriter extends Writer {
    private final Writer target;
    private final StringBuilder line = new StringBuilder();

    SafeWriter(Writer target) {
        this.target = target;
    }

    @Override
    public synchronized void write(char[] buf, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            char c = buf[i];
            line.append(c);
            if (c == '\n') {
                emit();
            }
        }
    }

    private void emit() throws IOException {
        if (line.length() == 0) {
            return;
        }
        String s = line.toString();
        line.setLength(0);
        target.write(UserText.safe(Secrets.process().mask(s)));
    }

    @Override
    public synchronized void flush() throws IOException {
        emit();
        target.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        flush();
    }
}
