package dev.pullfix.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.pullfix.model.aws.AwsSession;
import dev.pullfix.model.aws.EcrCheckReport;
import dev.pullfix.model.aws.PullNetwork;
import dev.pullfix.model.aws.SimulationResult;
import dev.pullfix.model.aws.TagCandidate;
import dev.pullfix.model.aws.VpcEndpointInfo;
import dev.pullfix.model.policy.StatementRef;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

/** {@code ecr check --json} as records: what the report says, with texts rendered in the user's language. */
record EcrCheckJson(String image, String registry, String registryId, String region, String repository, String tag,
                    String digest, String repositoryArn, Boolean repositoryExists, Details repositoryDetails,
                    Cache pullThroughCache, Boolean imageExists, String imageDigest, List<String> imageTags,
                    String imagePushedAt, List<Tag> nearestTags, JsonNode repositoryPolicy, String role,
                    String principal, String canPull, Boolean pullable, List<Deciding> decidingStatements,
                    List<Action> actions, List<String> managedPullPolicies, List<Check> checks,
                    List<Simulation> simulation, Network network, String profile, String regionSource) {

    record Details(String uri, String createdAt, String encryptionType, String kmsKey, String imageTagMutability) {}

    record Cache(String ecrRepositoryPrefix, String upstreamRegistryUrl) {}

    record Tag(String tag, String digest, String pushedAt, String closeness) {}

    record Statement(String policy, String kind, String sid, int index, String label, String effect, String reason,
                     String message, @JsonInclude(JsonInclude.Include.NON_NULL) Integer line,
                     @JsonInclude(JsonInclude.Include.NON_NULL) Integer column) {}

    record Deciding(String policy, String kind, String sid, int index, String label, String effect, String reason,
                    String message, @JsonInclude(JsonInclude.Include.NON_NULL) Integer line,
                    @JsonInclude(JsonInclude.Include.NON_NULL) Integer column, List<String> actions) {}

    record Action(String action, String resource, boolean required, String decision, String reason, String message,
                  List<Statement> statements) {}

    record Check(String id, String status, String code, String message) {}

    record Simulation(String action, String resource, String decision, List<String> matchedPolicies) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Network(String vpcId, Boolean viaEndpoints, List<Endpoint> endpoints, List<Finding> findings,
                   String problem) {}

    record Endpoint(String id, String serviceName, String type, String state, boolean privateDnsEnabled,
                    JsonNode policy) {}

    record Finding(String severity, String code, String message) {}

    /** The report as JSON records; {@code message} renders a bundle code with its arguments. */
    static EcrCheckJson of(EcrCheckReport r, AwsSession session, BiFunction<String, List<String>, String> message) {
        var info = r.repositoryInfo();
        var detail = r.imageDetail();
        return new EcrCheckJson(r.image(), r.registry(), r.registryId(), r.region(), r.repository(), r.tag(), r.digest(),
                r.repositoryArn(), r.repositoryExists(),
                info == null ? null : new Details(info.uri(), String.valueOf(info.createdAt()), info.encryptionType(),
                        info.kmsKey(), info.imageTagMutability()),
                r.pullThroughCache() == null ? null : new Cache(r.pullThroughCache().ecrRepositoryPrefix(),
                        r.pullThroughCache().upstreamRegistryUrl()),
                r.imageExists(), detail == null ? null : detail.digest(), detail == null ? List.of() : detail.tags(),
                detail == null || detail.pushedAt() == null ? null : detail.pushedAt().toString(),
                r.nearestTags().stream().map(EcrCheckJson::tag).toList(), policy(r.repositoryPolicy()), r.role(),
                r.callerArn(), r.canPull() == null ? null : r.canPull().json(), r.pullable(),
                r.decidingStatements().stream().map(d -> deciding(d, message)).toList(),
                r.actions().stream().map(v -> new Action(v.action(), v.resource(), v.required(), v.decision().name(),
                        v.reasonCode(), message.apply(v.reasonCode(), v.reasonArgs()),
                        v.statements().stream().map(s -> statement(s, message)).toList())).toList(),
                r.managedPullPolicies(),
                r.checks().stream().map(c -> new Check(c.id(), lower(c.status()), c.code(), message.apply(c.code(),
                        c.args()))).toList(),
                r.simulation() == null ? null : r.simulation().stream().map(EcrCheckJson::simulation).toList(),
                r.network() == null ? null : network(r.network(), message), session.profileName(),
                lower(session.region().source()));
    }

    /** The same answer with the network part saying why it could not be checked. */
    EcrCheckJson withNetworkProblem(String problem) {
        return new EcrCheckJson(image, registry, registryId, region, repository, tag, digest, repositoryArn,
                repositoryExists, repositoryDetails, pullThroughCache, imageExists, imageDigest, imageTags,
                imagePushedAt, nearestTags, repositoryPolicy, role, principal, canPull, pullable, decidingStatements,
                actions, managedPullPolicies, checks, simulation, new Network(null, null, null, null, problem), profile,
                regionSource);
    }

    private static Tag tag(TagCandidate t) {
        return new Tag(t.tag(), t.digest(), t.pushedAt() == null ? null : t.pushedAt().toString(), lower(t.closeness()));
    }

    static Statement statement(StatementRef s, BiFunction<String, List<String>, String> message) {
        return new Statement(s.policyName(), s.kind().label(), s.sid(), s.index(), s.label(),
                s.effect() == null ? null : s.effect().name(), s.reasonCode(), message.apply(s.reasonCode(),
                s.reasonArgs()), s.span() == null ? null : s.span().line(), s.span() == null ? null : s.span().column());
    }

    private static Deciding deciding(EcrCheckReport.DecidingStatement d, BiFunction<String, List<String>, String> m) {
        Statement s = statement(d.statement(), m);
        return new Deciding(s.policy(), s.kind(), s.sid(), s.index(), s.label(), s.effect(), s.reason(), s.message(),
                s.line(), s.column(), d.actions());
    }

    private static Simulation simulation(SimulationResult s) {
        return new Simulation(s.action(), s.resource(), s.decision(),
                s.matched().stream().map(SimulationResult.MatchedStatement::sourcePolicyId).toList());
    }

    private static Network network(PullNetwork n, BiFunction<String, List<String>, String> message) {
        return new Network(n.vpcId(), n.viaEndpoints(), n.endpoints().stream().map(EcrCheckJson::endpoint).toList(),
                n.findings().stream().map(f -> new Finding(lower(f.severity()), f.code(), message.apply(f.code(),
                        f.args()))).toList(), null);
    }

    private static Endpoint endpoint(VpcEndpointInfo e) {
        return new Endpoint(e.id(), e.serviceName(), e.type(), e.state(), e.privateDnsEnabled(),
                policy(e.policyDocument()));
    }

    /** A policy document as parsed JSON (a string when it does not parse), or null. */
    static JsonNode policy(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Output.mapper().readTree(text);
        } catch (Exception e) {
            return Output.mapper().getNodeFactory().textNode(text);
        }
    }

    private static String lower(Enum<?> e) {
        return e == null ? null : e.name().toLowerCase(Locale.ROOT);
    }
}
