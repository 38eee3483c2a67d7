/**
 * The one write path: every write to a cluster or an AWS account is a {@link dev.pullfix.model.fix.FixPlan} (a command
 * object) carried by {@link dev.pullfix.model.fix.WritePath} through preview (diff, secrets masked), dry-run, explicit
 * confirmation, re-read, backup, apply, verify and audit; undo restores a backup through the same path.
 *
 * <p>May not: write anywhere but through a plan's apply inside the write path; JavaFX; standard streams; English
 * sentences for the user (results and errors are bundle codes in {@code fix}).
 */
package dev.pullfix.model.fix;
