/**
 * Proof of a fix. Before an image change is confirmed, the registry is asked about the new image (its check is the
 * change's dry-run: a tag that does not exist is refused with the nearest tags); after any write, the pod (or the
 * rollout the write caused) is watched until it is Running and ready, or fails again, and only then is the fix called
 * fixed. One service ({@link dev.pullfix.model.fix.proof.FixProofService}) for the GUI and the CLI.
 *
 * <p>May not: talk to a cluster, AWS or a registry other than through the runbook's ports and the registry client;
 * the lab; JavaFX.
 */
package dev.pullfix.model.fix.proof;
