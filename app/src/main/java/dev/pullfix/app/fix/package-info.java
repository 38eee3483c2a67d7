/**
 * The fix buttons' side of the wizard: turns a proposed fix into a write plan (asking for a tag, a pull secret, or
 * opening the repository-policy window) and drives it through the model's one write path (preview, dry-run,
 * confirmation, backup, apply, verify, audit, undo).
 *
 * <p>May use: {@code app.common}, {@code app.controls}, {@code app.policy} (the editor), {@code app.wizard} (the
 * offers), the model. May not: {@code app.shell}; writing anywhere except through {@code model.fix.WritePath}; dialogs
 * other than through {@code FixDialogs}/{@code FixPrompts}/{@code DialogService}.
 */
package dev.pullfix.app.fix;
