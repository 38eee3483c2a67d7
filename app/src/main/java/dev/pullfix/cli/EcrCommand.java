package dev.pullfix.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pullfix.model.aws.AwsEnvironment;
import dev.pullfix.model.aws.AwsProblem;
import dev.pullfix.model.aws.AwsProblemException;
import dev.pullfix.model.aws.AwsProfiles;
import dev.pullfix.model.aws.AwsResult;
import dev.pullfix.model.aws.AwsSession;
import dev.pullfix.model.aws.AwsSessionOptions;
import dev.pullfix.model.aws.EcrCheck;
import dev.pullfix.model.aws.EcrCheckReport;
import dev.pullfix.model.aws.PullNetwork;
import dev.pullfix.model.aws.SimulationResult;
import dev.pullfix.model.aws.TagCandidate;
import dev.pullfix.model.aws.VpcEndpointInfo;
import dev.pullfix.model.image.ImageReference;
import dev.pullfix.model.image.InvalidImageReferenceException;
import dev.pullfix.model.policy.PolicyEvaluator;
import dev.pullfix.model.policy.StatementRef;
import java.io.PrintWriter;
import java.net.URI;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pullfix ecr check}: what ECR and IAM say about one image. */
@Command(name = "ecr", mixinStandardHelpOptions = true,
        description = "Ask Amazon ECR and IAM about an image (read-only calls).",
        subcommands = {EcrCommand.Check.class})
public final class EcrCommand implements Callable<Integer> {

    static {
        // the SDK logs through SLF4J; without a provider SLF4J prints a three-line warning on stderr, which would
        // break "errors are one line on stderr" (a provider such as slf4j-nop in app/ would be the lasting fix)
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            System.setProperty("slf4j.internal.verbosity", "ERROR");
        }
    }

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE;
    }

    /** {@code pullfix ecr check IMAGE [--role ROLE_ARN] [--profile P] [--region R] [--json]}. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Does the repository exist, does the tag or digest exist (else the nearest tags), the "
                    + "repository policy, and with --role, can that role pull and which statements decide.",
                "Credentials and endpoints as the AWS CLI reads them (AWS_PROFILE, ~/.aws/config, AWS_ENDPOINT_URL, "
                    + "AWS_ENDPOINT_URL_ECR, ...). The region defaults to the one in the image's ECR host.",
                "The check's verdict is in the output: exit 0 when the check ran, whatever it found."},
            footer = {"", "JSON fields: image, registry, registryId, region, repository, tag, digest, repositoryArn, "
                    + "repositoryExists, repositoryDetails, pullThroughCache, imageExists, imageDigest, imageTags, "
                    + "imagePushedAt, nearestTags, repositoryPolicy (parsed document or null), role, principal, "
                    + "canPull (yes|no|unknown|null), pullable, decidingStatements, actions, managedPullPolicies, "
                    + "checks, simulation, network (with --cluster), profile, regionSource."})
    static final class Check implements Callable<Integer> {
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
                    check(o, session, ref);
                    return ExitCode.OK;
                }
            });
        }

        private void check(Output o, AwsSession session, ImageReference ref) {
            EcrCheck check = new EcrCheck(session.ecr(), role == null ? null : session.iam(), new PolicyEvaluator());
            AwsResult<PullNetwork> network = null;
            if (cluster != null) {
                network = session.eks().describeCluster(cluster).flatMap(c -> session.ec2()
                        .ecrPullEndpoints(c.vpcId()).map(eps -> PullNetwork.analyze(c.vpcId(),
                                session.region().region(), eps)));
            }
            EcrCheckReport report = check.run(ref, role, simulate,
                    network == null || !network.isOk() ? null : network.value());
            if (o.json()) {
                ObjectNode json = toJson(report, session);
                if (network != null && !network.isOk()) {
                    json.putObject("network").put("problem", text(network.problem().orElseThrow()));
                }
                o.printJson(json);
            } else {
                PrintWriter out = o.out();
                printText(out, report, session);
                if (network != null && !network.isOk()) {
                    out.printf("  %-9s %s%n", "[unknown]", text(network.problem().orElseThrow()));
                }
                out.flush();
            }
        }
    }

    // ---- rendering ------------------------------------------------------------------------------------------

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    static ObjectNode toJson(EcrCheckReport r, AwsSession session) {
        ObjectNode o = JSON.createObjectNode();
        o.put("image", r.image());
        o.put("registry", r.registry());
        o.put("registryId", r.registryId());
        o.put("region", r.region());
        o.put("repository", r.repository());
        o.put("tag", r.tag());
        o.put("digest", r.digest());
        o.put("repositoryArn", r.repositoryArn());
        putBool(o, "repositoryExists", r.repositoryExists());
        if (r.repositoryInfo() != null) {
            ObjectNode d = o.putObject("repositoryDetails");
            d.put("uri", r.repositoryInfo().uri());
            d.put("createdAt", String.valueOf(r.repositoryInfo().createdAt()));
            d.put("encryptionType", r.repositoryInfo().encryptionType());
            d.put("kmsKey", r.repositoryInfo().kmsKey());
            d.put("imageTagMutability", r.repositoryInfo().imageTagMutability());
        } else {
            o.putNull("repositoryDetails");
        }
        if (r.pullThroughCache() != null) {
            ObjectNode p = o.putObject("pullThroughCache");
            p.put("ecrRepositoryPrefix", r.pullThroughCache().ecrRepositoryPrefix());
            p.put("upstreamRegistryUrl", r.pullThroughCache().upstreamRegistryUrl());
        } else {
            o.putNull("pullThroughCache");
        }
        putBool(o, "imageExists", r.imageExists());
        o.put("imageDigest", r.imageDetail() == null ? null : r.imageDetail().digest());
        ArrayNode tags = o.putArray("imageTags");
        if (r.imageDetail() != null) {
            r.imageDetail().tags().forEach(tags::add);
        }
        o.put("imagePushedAt", r.imageDetail() == null || r.imageDetail().pushedAt() == null ? null
                : r.imageDetail().pushedAt().toString());
        ArrayNode nearest = o.putArray("nearestTags");
        for (TagCandidate t : r.nearestTags()) {
            ObjectNode n = nearest.addObject();
            n.put("tag", t.tag());
            n.put("digest", t.digest());
            n.put("pushedAt", t.pushedAt() == null ? null : t.pushedAt().toString());
            n.put("closeness", t.closeness().name().toLowerCase(Locale.ROOT));
        }
        o.set("repositoryPolicy", parsePolicy(r.repositoryPolicy()));
        o.put("role", r.role());
        o.put("principal", r.callerArn());
        o.put("canPull", r.canPull() == null ? null : r.canPull().json());
        putBool(o, "pullable", r.pullable());
        ArrayNode deciding = o.putArray("decidingStatements");
        for (EcrCheckReport.DecidingStatement d : r.decidingStatements()) {
            ObjectNode s = statement(d.statement());
            ArrayNode actions = s.putArray("actions");
            d.actions().forEach(actions::add);
            deciding.add(s);
        }
        ArrayNode actions = o.putArray("actions");
        for (EcrCheckReport.ActionVerdict v : r.actions()) {
            ObjectNode a = actions.addObject();
            a.put("action", v.action());
            a.put("resource", v.resource());
            a.put("required", v.required());
            a.put("decision", v.decision().name());
            a.put("reason", v.reasonCode());
            a.put("message", message(v.reasonCode(), v.reasonArgs()));
            ArrayNode st = a.putArray("statements");
            v.statements().forEach(s -> st.add(statement(s)));
        }
        ArrayNode managed = o.putArray("managedPullPolicies");
        r.managedPullPolicies().forEach(managed::add);
        ArrayNode checks = o.putArray("checks");
        for (EcrCheckReport.Check c : r.checks()) {
            ObjectNode n = checks.addObject();
            n.put("id", c.id());
            n.put("status", c.status().name().toLowerCase(Locale.ROOT));
            n.put("code", c.code());
            n.put("message", message(c.code(), c.args()));
        }
        if (r.simulation() != null) {
            ArrayNode sim = o.putArray("simulation");
            for (SimulationResult s : r.simulation()) {
                ObjectNode n = sim.addObject();
                n.put("action", s.action());
                n.put("resource", s.resource());
                n.put("decision", s.decision());
                ArrayNode m = n.putArray("matchedPolicies");
                s.matched().forEach(x -> m.add(x.sourcePolicyId()));
            }
        } else {
            o.putNull("simulation");
        }
        if (r.network() != null) {
            ObjectNode n = o.putObject("network");
            n.put("vpcId", r.network().vpcId());
            n.put("viaEndpoints", r.network().viaEndpoints());
            ArrayNode eps = n.putArray("endpoints");
            for (VpcEndpointInfo e : r.network().endpoints()) {
                ObjectNode x = eps.addObject();
                x.put("id", e.id());
                x.put("serviceName", e.serviceName());
                x.put("type", e.type());
                x.put("state", e.state());
                x.put("privateDnsEnabled", e.privateDnsEnabled());
                x.set("policy", parsePolicy(e.policyDocument()));
            }
            ArrayNode findings = n.putArray("findings");
            for (PullNetwork.Finding f : r.network().findings()) {
                findings.addObject().put("severity", f.severity().name().toLowerCase(Locale.ROOT))
                        .put("code", f.code()).put("message", message(f.code(), f.args()));
            }
        } else {
            o.putNull("network");
        }
        o.put("profile", session.profileName());
        o.put("regionSource", session.region().source().name().toLowerCase(Locale.ROOT));
        return o;
    }

    static ObjectNode statement(StatementRef s) {
        ObjectNode n = JSON.createObjectNode();
        n.put("policy", s.policyName());
        n.put("kind", s.kind().label());
        n.put("sid", s.sid());
        n.put("index", s.index());
        n.put("label", s.label());
        n.put("effect", s.effect() == null ? null : s.effect().name());
        n.put("reason", s.reasonCode());
        n.put("message", message(s.reasonCode(), s.reasonArgs()));
        if (s.span() != null) {
            n.put("line", s.span().line());
            n.put("column", s.span().column());
        }
        return n;
    }

    static JsonNode parsePolicy(String text) {
        if (text == null) {
            return JSON.nullNode();
        }
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            return JSON.getNodeFactory().textNode(text);
        }
    }

    private static void putBool(ObjectNode o, String name, Boolean v) {
        if (v == null) {
            o.putNull(name);
        } else {
            o.put(name, v);
        }
    }

    static void printText(PrintWriter out, EcrCheckReport r, AwsSession session) {
        out.println("Image       " + r.image());
        out.println("Repository  " + r.repositoryArn());
        out.println("Profile     " + session.profileName() + ", region " + session.region().region() + " ("
                + session.region().source().name().toLowerCase(Locale.ROOT) + ")");
        out.println();
        for (EcrCheckReport.Check c : r.checks()) {
            out.printf("  %-9s %s%n", "[" + c.status().name().toLowerCase(Locale.ROOT) + "]", message(c.code(), c.args()));
        }
        if (!r.nearestTags().isEmpty()) {
            out.println();
            out.println(message("aws.ecr.nearestTags", List.of()));
            for (TagCandidate t : r.nearestTags()) {
                out.println("  " + t.tag() + "  " + (t.pushedAt() == null ? "" : t.pushedAt()) + "  " + t.digest());
            }
        }
        if (r.canPull() != null) {
            out.println();
            out.println(message("aws.ecr.canPull." + r.canPull().json(), List.of()));
            if (!r.decidingStatements().isEmpty()) {
                out.println(message("aws.ecr.decidingStatements", List.of()));
                for (EcrCheckReport.DecidingStatement d : r.decidingStatements()) {
                    StatementRef s = d.statement();
                    out.println("  " + s.kind().label() + " policy \"" + s.policyName() + "\", statement " + s.label()
                            + " (" + s.effect() + (s.span() == null ? "" : ", line " + s.span().line()) + ") "
                            + String.join(", ", d.actions()) + ": " + message(s.reasonCode(), s.reasonArgs()));
                }
            }
        }
        if (r.repositoryPolicy() != null) {
            out.println();
            out.println("Repository policy:");
            out.println(parsePolicy(r.repositoryPolicy()).toPrettyString().indent(2).stripTrailing());
        }
    }

    // ---- messages -------------------------------------------------------------------------------------------

    static String text(AwsProblem p) {
        return message(p.messageCode(), p.messageArgs().stream().map(String::valueOf).toList());
    }

    /** Renders a code from the aws bundle, or the policy bundle for policy codes ({@code reason.}, {@code why.}, {@code pull.}). */
    static String message(String code, List<String> args) {
        if (code == null) {
            return "";
        }
        String bundle = code.startsWith("aws.") ? "dev.pullfix.i18n.aws" : "dev.pullfix.i18n.policy";
        try {
            ResourceBundle b = ResourceBundle.getBundle(bundle, Locale.getDefault());
            return new MessageFormat(b.getString(code), b.getLocale()).format(args.toArray());
        } catch (MissingResourceException e) {
            return code + (args.isEmpty() ? "" : " " + args);
        }
    }

}
