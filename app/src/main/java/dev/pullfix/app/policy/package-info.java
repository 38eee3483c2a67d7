/**
 * The IAM/ECR policy editor: side-by-side current and proposed JSON, statement cards, the live "can the node role
 * pull?" verdict and lint; its view-model judges with {@code model.policy}.
 *
 * <p>May use: {@code app.common}, {@code app.controls}, {@code model.policy}. May not: writing (the {@code fix}
 * package writes), AWS calls, other feature packages.
 */
package dev.pullfix.app.policy;
