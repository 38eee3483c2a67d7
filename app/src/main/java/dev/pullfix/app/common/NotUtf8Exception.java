package dev.pullfix.app.common;

import java.nio.file.FileSystemException;

/** A file that is not UTF-8 text; {@link ErrorText} says so in the user's words. */
public final class NotUtf8Exception extends FileSystemException {
    private static final long serialVersionUID = 1L;

    public NotUtf8Exception(String file) {
        super(file, null, "not UTF-8 text");
    }
}
