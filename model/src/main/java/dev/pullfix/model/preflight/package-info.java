/**
 * Preflight: before a rollout, every image of the manifests' pod templates (Deployments, StatefulSets, DaemonSets,
 * ReplicaSets, Jobs, CronJobs, Pods) asked of its registry as the kubelet would pull it: the template's pull secrets
 * and its service account's (read from the cluster when connected), the nodes' platforms, and for private ECR the node
 * role against the repository policy with the local evaluator. So that ImagePullBackOff never reaches the cluster.
 *
 * <p>May not: talk to a cluster or AWS other than through the ports it is given (pull secrets, service accounts, the
 * ECR check); fabric8, the AWS SDK, the lab; JavaFX.
 */
package dev.pullfix.model.preflight;
