package dev.pullfix.cli;

import dev.pullfix.model.aws.AwsEnvironment;
import dev.pullfix.model.aws.AwsProblem;
import dev.pullfix.model.aws.AwsProfiles;
import dev.pullfix.model.aws.AwsResult;
import dev.pullfix.model.aws.AwsSession;
import dev.pullfix.model.aws.AwsSessionOptions;
import dev.pullfix.model.aws.EcrCheck;
import dev.pullfix.model.aws.EcrCheckReport;
import dev.pullfix.model.aws.PullNetwork;
import dev.pullfix.model.aws.TagCandidate;
import dev.pullfix.model.image.ImageReference;
import dev.pullfix.model.image.InvalidImageReferenceException;
import dev.pullfix.model.policy.PolicyEvaluator;
import dev.pullfix.model.policy.StatementRef;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pullfix ecr check IMAGE [--role ROLE_ARN] [--profile P] [--region R] [--cluster NAME] [--json]}. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Does the repository exist, does the tag or digest exist (else the nearest tags), the "
                + "repository policy, and with --role, can that role pull and which statements decide.",
                "Credentials and endpoints as the AWS CLI reads them (AWS_PROFILE, ~/.aws/config, AWS_ENDPOINT_URL, "
                        + "AWS_ENDPOINT_URL_ECR, ...). The region defaults to the one in the image's ECR host."},
        footer = {"", "JSON fields: image, registry, registryId, region, repository, tag, digest, repositoryArn, "
                + "repositoryExists, repositoryDetails, pullThroughCache, imageExists, imageDigest, imageTags, "
                + "imagePushedAt, nearestTags, repositoryPolicy (parsed document or null), role, principal, "
                + "canPull (yes|no|unknown|null), pullable, decidingStatements, actions, managedPullPolicies, "
                + "checks, simulation, network (with --cluster), profile, regionSource.",
                "The answer is printed in full whatever it found; exit 3 says the repository or the image does not exist."})
public final class EcrCheckCommand implements Callable<Integer> {
    static {
        // the SDK logs through SLF4J; without a provider SLF4J prints a three-line warning on stderr
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            System.setProperty("slf4j.internal.verbosity", "ERROR");
        }
    }

    @Parameters(index = "0", paramLabel = "IMAGE",
            description = "e.g. 682844965773.dkr.ecr.us-west-2.amazonaws.com/retail-sample-app-ui:0.4.0")
    String image;

    @Option(names = "--role", paramLabel = "ROLE_ARN",
            description = "The role that pulls (node role, pod execution role) or its assumed-role session ARN.")
    String role;

    @Mixin
    AwsOptions aws;

    @Option(names = "--cluster", paramLabel = "NAME", description = "EKS cluster of the nodes: also check the "
            + "VPC endpoints of its VPC (ecr.api, ecr.dkr, S3 gateway) and join their policies into the verdict.")
    String cluster;

    @Option(names = "--simulate", description = "Also ask iam:SimulatePrincipalPolicy (identity side) as a "
            + "cross-check shown beside the local verdict.")
    boolean simulate;

    @Mixin
    OutputOptions output;

    @Mixin
    TimeoutOption timeout;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Output o = Output.of(spec, output);
        ImageReference ref;
        try {
            ref = ImageReference.parse(image);
        } catch (InvalidImageReferenceException e) {
            throw o.usage("InvalidImageName: " + e.getMessage());
        }
        if (!ref.registry().isEcrPrivate()) {
            throw o.usage("not a private ECR image (" + ref.registry().host() + "): " + image);
        }
        AwsSessionOptions options = AwsSessionOptions.defaults().withProfile(aws.profile()).withRegion(aws.region())
                .withResourceRegion(ref.registry().region()).withEndpoint(aws.endpoint())
                .withApiCallTimeout(timeout.perCall());
        return timeout.start().run(() -> {
            try (AwsSession session = AwsSession.open(AwsProfiles.load(AwsEnvironment.system()), options)) {
                return check(o, session, ref);
            }
        });
    }

    private int check(Output o, AwsSession session, ImageReference ref) {
        EcrCheck check = new EcrCheck(session.ecr(), role == null ? null : session.iam(), new PolicyEvaluator());
        AwsResult<PullNetwork> network = null;
        if (cluster != null) {
            network = session.eks().describeCluster(cluster).flatMap(c -> session.ec2()
                    .ecrPullEndpoints(c.vpcId()).map(eps -> PullNetwork.analyze(c.vpcId(), session.region().region(),
                            eps)));
        }
        EcrCheckReport report = check.run(ref, role, simulate, network == null || !network.isOk() ? null : network.value());
        String networkProblem = network != null && !network.isOk() ? text(o, network.problem().orElseThrow()) : null;
        if (o.json()) {
            EcrCheckJson json = EcrCheckJson.of(report, session, (code, args) -> message(o, code, args));
            o.printJson(networkProblem == null ? json : json.withNetworkProblem(networkProblem));
        } else {
            PrintWriter out = o.out();
            printText(o, out, report, session);
            if (networkProblem != null) {
                out.printf("  %-9s %s%n", "[unknown]", networkProblem);
            }
            out.flush();
        }
        boolean missing = Boolean.FALSE.equals(report.repositoryExists()) && report.pullThroughCache() == null
                || Boolean.FALSE.equals(report.imageExists());
        return missing ? ExitCode.NOT_FOUND : ExitCode.OK;
    }

    private static void printText(Output o, PrintWriter out, EcrCheckReport r, AwsSession session) {
        out.println("Image       " + r.image());
        out.println("Repository  " + r.repositoryArn());
        out.println("Profile     " + session.profileName() + ", region " + session.region().region() + " ("
                + session.region().source().name().toLowerCase(Locale.ROOT) + ")");
        out.println();
        for (EcrCheckReport.Check c : r.checks()) {
            out.printf("  %-9s %s%n", "[" + c.status().name().toLowerCase(Locale.ROOT) + "]", message(o, c.code(), c.args()));
        }
        if (!r.nearestTags().isEmpty()) {
            out.println();
            out.println(message(o, "aws.ecr.nearestTags", List.of()));
            for (TagCandidate t : r.nearestTags()) {
                out.println("  " + t.tag() + "  " + (t.pushedAt() == null ? "" : t.pushedAt()) + "  " + t.digest());
            }
        }
        if (r.canPull() != null) {
            out.println();
            out.println(message(o, "aws.ecr.canPull." + r.canPull().json(), List.of()));
            if (!r.decidingStatements().isEmpty()) {
                out.println(message(o, "aws.ecr.decidingStatements", List.of()));
                for (EcrCheckReport.DecidingStatement d : r.decidingStatements()) {
                    StatementRef s = d.statement();
                    out.println("  " + s.kind().label() + " policy \"" + s.policyName() + "\", statement " + s.label()
                            + " (" + s.effect() + (s.span() == null ? "" : ", line " + s.span().line()) + ") "
                            + String.join(", ", d.actions()) + ": " + message(o, s.reasonCode(), s.reasonArgs()));
                }
            }
        }
        if (r.repositoryPolicy() != null) {
            out.println();
            out.println("Repository policy:");
            out.println(EcrCheckJson.policy(r.repositoryPolicy()).toPrettyString().indent(2).stripTrailing());
        }
    }

    private static String text(Output o, AwsProblem p) {
        return message(o, p.messageCode(), p.messageArgs().stream().map(String::valueOf).toList());
    }

    /** A code from the aws bundle, or the policy bundle for policy codes ({@code reason.}, {@code why.}, {@code pull.}). */
    static String message(Output o, String code, List<String> args) {
        if (code == null) {
            return "";
        }
        String bundle = code.startsWith("aws.") ? "aws" : "policy";
        return o.i18n().find(bundle, code, args.toArray()).orElse(code + (args.isEmpty() ? "" : " " + args));
    }
}
