package dev.pullfix.model.fix;

import java.nio.file.Path;
import java.time.Instant;

/** The state of a target before a write, kept in the user's data folder so the write can be undone. */
public record Backup(String id, Target target, String kind, Instant time, StateText before, Path file) {}
