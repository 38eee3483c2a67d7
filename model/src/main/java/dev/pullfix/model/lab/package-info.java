/**
 * The practice lab: scenarios S1..S10 (data in {@code resources/.../dev/pullfix/lab/scenarios/<ID>.yaml}), each
 * a broken workload on a local cluster and AWS account, diagnosable and fixable with Pullfix's normal paths.
 *
 * <h2>API for the GUI and the CLI</h2>
 * <pre>{@code
 * List<LabSession.ScenarioInfo> picker = LabSession.scenarios();        // id, titleEn, titleJa, title(locale)
 * LabSession lab = LabSession.start("S1", LabSession.Options.defaults() // free ports, temp dir, speed 30
 *         .withDir(dir).withSpeed(30).withExtraPods(0));                // IllegalArgumentException: unknown id, busy port
 * lab.kubeconfig();            // Path; context = the EKS cluster ARN (region, account, cluster name map to AWS)
 * lab.context();               // "arn:aws:eks:us-west-2:682844965773:cluster/eks-workshop"
 * lab.awsEndpoint();           // URI http://127.0.0.1:PORT: every AWS service (AwsSessionOptions.withEndpoint)
 * lab.awsConfigFile(); lab.awsCredentialsFile(); lab.profile();      // profile "pullfix-lab", fake local keys
 * lab.environment(); lab.exportLines(); lab.envFile();               // KUBECONFIG, AWS_* for a shell
 * lab.registryPort();          // the diagnosis engine's RegistryPort for Docker Hub / private registries of the lab
 * lab.fixed();                 // the broken deployment is ready again
 * lab.reset();                 // back to the broken state (account state and the scenario's namespaces)
 * lab.onLog(line -> ...);      // one line per new ReplicaSet, pod Running, reset (from the lab's thread)
 * lab.close();
 * }</pre>
 *
 * <h2>Parts</h2>
 * {@link dev.pullfix.model.lab.world.Scenario} (one YAML file), {@link dev.pullfix.model.lab.world.LabWorld} (mutable account
 * and registry state), {@link dev.pullfix.model.lab.aws.LabAwsServer} (ECR JSON 1.1, IAM/STS/EC2 query+XML, EKS
 * REST on one loopback URL), {@link dev.pullfix.model.lab.LabCluster} (controller + simulated kubelet over the lab
 * API server's store), {@link dev.pullfix.model.lab.PullDecider} (the kubelet's pull verdict with
 * {@code KubeletPull} and containerd's wording), {@link dev.pullfix.model.lab.LabClock} (back-off sped up).
 *
 * <p>May not: JavaFX; be used by the engine (the engine reaches the lab only through its ports, as it reaches a real cluster).
 */
package dev.pullfix.model.lab;
