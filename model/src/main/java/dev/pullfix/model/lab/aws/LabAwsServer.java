package dev.pullfix.model.lab.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.pullfix.model.lab.world.LabWorld;
import dev.pullfix.model.policy.ManagedPolicies;
import dev.pullfix.model.policy.PolicyDocument;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The practice lab's AWS endpoint on {@code http://127.0.0.1:PORT}: one URL for every service Pullfix uses,
 * dispatched by {@code X-Amz-Target} (ECR, JSON 1.1), path ({@code /clusters/...}: EKS REST JSON) and the
 * query {@code Action} (IAM, STS, EC2; the SigV4 credential scope's service breaks ties). Answers come from
 * the {@link LabWorld} in each service's wire format, errors included; writes change the world. Signatures
 * are not checked (credentials are fake and local).
 */
public final class LabAwsServer implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final String ECR_PREFIX = "AmazonEC2ContainerRegistry_V20150921.";
    private static final Pattern SCOPE = Pattern.compile("Credential=[^/]+/\\d{8}/[^/]+/([a-z0-9-]+)/aws4_request");
    private static final String IAM_NS = "https://iam.amazonaws.com/doc/2010-05-08/";
    private static final String EC2_NS = "http://ec2.amazonaws.com/doc/2016-11-15/";
    private static final String STS_NS = "https://sts.amazonaws.com/doc/2011-06-15/";

    private final LabWorld world;
    private final HttpServer server;
    private final ExecutorService pool;
    private final LabAwsGuard guard;

    private LabAwsServer(LabWorld world, int port, String accessKeyId) throws IOException {
        this.world = world;
        this.guard = new LabAwsGuard(accessKeyId);
        // answer at once: the JDK's server leaves Nagle on, and the client's delayed ACK then holds each answer ~40 ms
        System.setProperty("sun.net.httpserver.nodelay", System.getProperty("sun.net.httpserver.nodelay", "true"));
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        this.pool = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "pullfix-lab-aws");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
    }

    /**
     * Starts on 127.0.0.1:{@code port} (0: a free one); it answers only requests signed (SigV4-shaped) with
     * {@code accessKeyId} and refuses requests from web pages (see {@link LabAwsGuard}).
     */
    public static LabAwsServer start(LabWorld world, int port, String accessKeyId) throws IOException {
        return new LabAwsServer(world, port, accessKeyId);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }

    // ------------------------------------------------------------------ dispatch

    record Reply(int status, String contentType, String body, Map<String, String> headers) {
        static Reply json(int status, JsonNode body) {
            return new Reply(status, "application/x-amz-json-1.1", body.toString(), Map.of());
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        Reply reply;
        try (InputStream in = ex.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Reply refused = guard.check(ex.getRequestHeaders(), ex.getRequestURI().getPath());
            reply = refused != null ? refused : dispatch(ex, body);
        } catch (RuntimeException e) {
            reply = Reply.json(500, JSON.createObjectNode().put("__type", "InternalFailure")
                    .put("message", String.valueOf(e.getMessage())));
        }
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", reply.contentType());
        ex.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        reply.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        ex.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private Reply dispatch(HttpExchange ex, String body) {
        String target = ex.getRequestHeaders().getFirst("X-Amz-Target");
        String path = ex.getRequestURI().getPath();
        if (target != null && target.startsWith(ECR_PREFIX)) {
            return new Ecr(world).call(target.substring(ECR_PREFIX.length()), body.isBlank() ? JSON.createObjectNode() : parse(body));
        }
        if (path.startsWith("/clusters")) {
            return new Eks(world).call(ex.getRequestMethod(), path);
        }
        Map<String, List<String>> q = form(body);
        String query = ex.getRequestURI().getRawQuery();
        if (query != null) {
            form(query).forEach((k, v) -> q.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
        }
        String action = first(q, "Action");
        String service = service(ex.getRequestHeaders().getFirst("Authorization"));
        if (action == null) {
            return new Reply(400, "text/xml", xmlError("Sender", "MissingAction", "The request must contain the parameter Action", IAM_NS), Map.of());
        }
        if ("sts".equals(service) || action.equals("GetCallerIdentity")) {
            return sts(action);
        }
        if ("ec2".equals(service) || (service == null && action.startsWith("Describe"))) {
            return new Ec2(world).call(action, q);
        }
        return new Iam(world).call(action, q);
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("body is not JSON");
        }
    }

    static String service(String authorization) {
        if (authorization == null) {
            return null;
        }
        Matcher m = SCOPE.matcher(authorization);
        return m.find() ? m.group(1) : null;
    }

    static Map<String, List<String>> form(String body) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (body == null || body.isBlank()) {
            return out;
        }
        for (String kv : body.split("&")) {
            int i = kv.indexOf('=');
            String k = URLDecoder.decode(i < 0 ? kv : kv.substring(0, i), StandardCharsets.UTF_8);
            String v = i < 0 ? "" : URLDecoder.decode(kv.substring(i + 1), StandardCharsets.UTF_8);
            out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return out;
    }

    static String first(Map<String, List<String>> q, String k) {
        List<String> v = q.get(k);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    static String x(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String xmlError(String type, String code, String message, String ns) {
        return "<ErrorResponse xmlns=\"" + ns + "\">\n  <Error>\n    <Type>" + type + "</Type>\n    <Code>" + code
                + "</Code>\n    <Message>" + x(message) + "</Message>\n  </Error>\n  <RequestId>" + UUID.randomUUID()
                + "</RequestId>\n</ErrorResponse>\n";
    }

    static String ok(String action, String ns, String result) {
        return "<" + action + "Response xmlns=\"" + ns + "\">\n  <" + action + "Result>\n" + result + "  </" + action
                + "Result>\n  <ResponseMetadata>\n    <RequestId>" + UUID.randomUUID() + "</RequestId>\n  </ResponseMetadata>\n</"
                + action + "Response>\n";
    }

    private Reply sts(String action) {
        if (!action.equals("GetCallerIdentity")) {
            return new Reply(400, "text/xml", xmlError("Sender", "InvalidAction", "Could not find operation " + action
                    + " for version 2011-06-15", STS_NS), Map.of());
        }
        String account = world.account();
        return new Reply(200, "text/xml", ok("GetCallerIdentity", STS_NS, "    <Arn>arn:aws:iam::" + account
                + ":user/pullfix-lab</Arn>\n    <UserId>AIDAPULLFIXLAB000000</UserId>\n    <Account>" + account
                + "</Account>\n"), Map.of());
    }

    static String iso(Instant t) {
        return t.toString();
    }

    static double epoch(String iso) {
        Instant t = Instant.parse(iso);
        return t.getEpochSecond() + t.getNano() / 1e9;
    }

    // ------------------------------------------------------------------ ECR

    static final class Ecr {
        private final LabWorld world;

        Ecr(LabWorld world) {
            this.world = world;
        }

        Reply err(String type, String message) {
            return new Reply(400, "application/x-amz-json-1.1", JSON.createObjectNode().put("__type", type)
                    .put("message", message).toString(), Map.of("x-amzn-ErrorType", type));
        }

        Reply call(String op, JsonNode in) {
            String account = world.account();
            String registry = in.path("registryId").asText(account);
            String name = in.path("repositoryName").asText(null);
            if (!registry.equals(account) && !op.equals("GetAuthorizationToken")) {
                return err("AccessDeniedException", "User: arn:aws:iam::" + account + ":user/pullfix-lab is not authorized "
                        + "to perform: ecr:" + op + " on resource: arn:aws:ecr:" + world.region() + ":" + registry
                        + ":repository/" + (name == null ? "*" : name) + " because no resource-based policy allows the ecr:"
                        + op + " action");
            }
            switch (op) {
                case "DescribeRepositories": {
                    ArrayNode out = JSON.createArrayNode();
                    List<String> names = new ArrayList<>();
                    in.path("repositoryNames").forEach(n -> names.add(n.asText()));
                    for (String n : names) {
                        if (world.repository(n).isEmpty()) {
                            return notFound(n);
                        }
                    }
                    for (ObjectNode r : world.repositories()) {
                        if (names.isEmpty() || names.contains(r.path("name").asText())) {
                            out.add(repo(r));
                        }
                    }
                    ObjectNode o = JSON.createObjectNode();
                    o.set("repositories", out);
                    return Reply.json(200, o);
                }
                case "DescribeImages":
                case "ListImages": {
                    Optional<ObjectNode> r = world.repository(name);
                    if (r.isEmpty()) {
                        return notFound(name);
                    }
                    ArrayNode out = JSON.createArrayNode();
                    JsonNode ids = in.path("imageIds");
                    for (JsonNode want : ids) {
                        boolean found = false;
                        for (JsonNode img : r.get().path("images")) {
                            if (matches(img, want)) {
                                found = true;
                            }
                        }
                        if (!found && op.equals("DescribeImages")) {
                            return err("ImageNotFoundException", "The image with imageId {imageDigest:'"
                                    + want.path("imageDigest").asText("null") + "', imageTag:'" + want.path("imageTag").asText("null")
                                    + "'} does not exist within the repository with name '" + name
                                    + "' in the registry with id '" + account + "'");
                        }
                    }
                    for (JsonNode img : r.get().path("images")) {
                        boolean selected = ids.isEmpty();
                        for (JsonNode want : ids) {
                            selected |= matches(img, want);
                        }
                        if (!selected) {
                            continue;
                        }
                        if (op.equals("ListImages")) {
                            if (img.path("tags").isEmpty()) {
                                out.addObject().put("imageDigest", img.path("digest").asText());
                            }
                            img.path("tags").forEach(t -> out.addObject().put("imageDigest", img.path("digest").asText())
                                    .put("imageTag", t.asText()));
                        } else {
                            ObjectNode d = out.addObject().put("registryId", account).put("repositoryName", name)
                                    .put("imageDigest", img.path("digest").asText());
                            if (!img.path("tags").isEmpty()) {
                                d.set("imageTags", img.path("tags").deepCopy());
                            }
                            d.put("imageSizeInBytes", img.path("size").asLong(1000000))
                                    .put("imagePushedAt", epoch(img.path("pushedAt").asText("2024-10-11T14:03:01Z")))
                                    .put("imageManifestMediaType", "application/vnd.docker.distribution.manifest.v2+json")
                                    .put("artifactMediaType", "application/vnd.docker.container.image.v1+json");
                        }
                    }
                    ObjectNode o = JSON.createObjectNode();
                    o.set(op.equals("ListImages") ? "imageIds" : "imageDetails", out);
                    return Reply.json(200, o);
                }
                case "GetRepositoryPolicy": {
                    Optional<ObjectNode> r = world.repository(name);
                    if (r.isEmpty()) {
                        return notFound(name);
                    }
                    if (!r.get().hasNonNull("policy")) {
                        return err("RepositoryPolicyNotFoundException", "Repository policy does not exist for the "
                                + "repository with name '" + name + "' in the registry with id '" + account + "'");
                    }
                    return Reply.json(200, JSON.createObjectNode().put("registryId", account).put("repositoryName", name)
                            .put("policyText", r.get().path("policy").asText()));
                }
                case "SetRepositoryPolicy": {
                    String text = in.path("policyText").asText(null);
                    if (world.repository(name).isEmpty()) {
                        return notFound(name);
                    }
                    try {
                        PolicyDocument.parse(text);
                    } catch (RuntimeException e) {
                        return err("InvalidParameterException", "Invalid parameter at 'PolicyText' failed to satisfy "
                                + "constraint: 'Invalid repository policy provided'");
                    }
                    world.setRepositoryPolicy(name, text);
                    return Reply.json(200, JSON.createObjectNode().put("registryId", account).put("repositoryName", name)
                            .put("policyText", text));
                }
                case "DeleteRepositoryPolicy": {
                    Optional<ObjectNode> r = world.repository(name);
                    if (r.isEmpty()) {
                        return notFound(name);
                    }
                    if (!r.get().hasNonNull("policy")) {
                        return err("RepositoryPolicyNotFoundException", "Repository policy does not exist for the "
                                + "repository with name '" + name + "' in the registry with id '" + account + "'");
                    }
                    world.setRepositoryPolicy(name, null);
                    return Reply.json(200, JSON.createObjectNode().put("registryId", account).put("repositoryName", name)
                            .put("policyText", r.get().path("policy").asText()));
                }
                case "DescribePullThroughCacheRules":
                    return Reply.json(200, JSON.createObjectNode().set("pullThroughCacheRules", JSON.createArrayNode()));
                case "GetAuthorizationToken": {
                    ObjectNode o = JSON.createObjectNode();
                    o.putArray("authorizationData").addObject()
                            .put("authorizationToken", java.util.Base64.getEncoder().encodeToString(
                                    "AWS:pullfix-lab-token".getBytes(StandardCharsets.UTF_8)))
                            .put("expiresAt", Instant.now().plusSeconds(12 * 3600).getEpochSecond())
                            .put("proxyEndpoint", "https://" + account + ".dkr.ecr." + world.region() + ".amazonaws.com");
                    return Reply.json(200, o);
                }
                default:
                    return err("UnknownOperationException", "The practice lab does not serve ecr:" + op);
            }
        }

        private static boolean matches(JsonNode img, JsonNode want) {
            if (want.hasNonNull("imageDigest") && !want.path("imageDigest").asText().equals(img.path("digest").asText())) {
                return false;
            }
            if (want.hasNonNull("imageTag")) {
                for (JsonNode t : img.path("tags")) {
                    if (t.asText().equals(want.path("imageTag").asText())) {
                        return true;
                    }
                }
                return false;
            }
            return want.hasNonNull("imageDigest");
        }

        private Reply notFound(String name) {
            return err("RepositoryNotFoundException", "The repository with name '" + name
                    + "' does not exist in the registry with id '" + world.account() + "'");
        }

        private ObjectNode repo(ObjectNode r) {
            String account = world.account();
            String region = world.region();
            String n = r.path("name").asText();
            ObjectNode o = JSON.createObjectNode();
            o.put("repositoryArn", "arn:aws:ecr:" + region + ":" + account + ":repository/" + n)
                    .put("registryId", account).put("repositoryName", n)
                    .put("repositoryUri", account + ".dkr.ecr." + region + ".amazonaws.com/" + n)
                    .put("createdAt", epoch(r.path("createdAt").asText("2024-10-11T13:58:40Z")))
                    .put("imageTagMutability", "MUTABLE");
            o.putObject("imageScanningConfiguration").put("scanOnPush", false);
            o.putObject("encryptionConfiguration").put("encryptionType", "AES256");
            return o;
        }
    }

    // ------------------------------------------------------------------ EKS

    static final class Eks {
        private final LabWorld world;

        Eks(LabWorld world) {
            this.world = world;
        }

        Reply notFound(String message) {
            return new Reply(404, "application/json", JSON.createObjectNode().put("message", message).toString(),
                    Map.of("x-amzn-ErrorType", "ResourceNotFoundException"));
        }

        Reply call(String method, String path) {
            String[] p = path.replaceAll("/+$", "").split("/");
            // "", clusters, name, node-groups|fargate-profiles, ng
            ObjectNode aws = world.awsSnapshot();
            String cluster = p.length > 2 ? URLDecoder.decode(p[2], StandardCharsets.UTF_8) : null;
            String account = world.account();
            String region = world.region();
            if (cluster == null) {
                ObjectNode o = JSON.createObjectNode();
                o.putArray("clusters").add(world.clusterName());
                return new Reply(200, "application/json", o.toString(), Map.of());
            }
            if (!cluster.equals(world.clusterName())) {
                return notFound("No cluster found for name: " + cluster + ".");
            }
            JsonNode c = aws.path("cluster");
            String vpc = c.path("vpcId").asText("vpc-0a1b2c3d4e5f60718");
            if (p.length == 3) {
                ObjectNode o = JSON.createObjectNode();
                ObjectNode k = o.putObject("cluster");
                k.put("name", cluster).put("arn", "arn:aws:eks:" + region + ":" + account + ":cluster/" + cluster)
                        .put("createdAt", epoch("2024-10-11T12:00:00Z")).put("version", c.path("version").asText("1.30"))
                        .put("endpoint", "https://0123456789ABCDEF0123456789ABCDEF.gr7." + region + ".eks.amazonaws.com")
                        .put("roleArn", "arn:aws:iam::" + account + ":role/" + cluster + "-cluster-role")
                        .put("status", "ACTIVE").put("platformVersion", "eks.8");
                ObjectNode v = k.putObject("resourcesVpcConfig");
                v.put("vpcId", vpc).put("clusterSecurityGroupId", "sg-0c1u2s3t4e5r6s7g8")
                        .put("endpointPublicAccess", true).put("endpointPrivateAccess", true);
                ArrayNode subnets = v.putArray("subnetIds");
                world.instances().forEach(i -> subnets.add(i.path("subnetId").asText("subnet-0c4d5e6f7a8b9c0d1")));
                v.putArray("securityGroupIds");
                return new Reply(200, "application/json", o.toString(), Map.of());
            }
            String kind = p[3];
            if (kind.equals("fargate-profiles")) {
                if (p.length == 4) {
                    ObjectNode o = JSON.createObjectNode();
                    o.putArray("fargateProfileNames");
                    return new Reply(200, "application/json", o.toString(), Map.of());
                }
                return notFound("No Fargate Profile found with name: " + p[4] + ".");
            }
            if (!kind.equals("node-groups")) {
                return notFound("Not found: " + path);
            }
            if (p.length == 4) {
                ObjectNode o = JSON.createObjectNode();
                ArrayNode names = o.putArray("nodegroups");
                world.nodegroups().forEach(n -> names.add(n.path("name").asText()));
                return new Reply(200, "application/json", o.toString(), Map.of());
            }
            String ng = URLDecoder.decode(p[4], StandardCharsets.UTF_8);
            for (ObjectNode n : world.nodegroups()) {
                if (n.path("name").asText().equals(ng)) {
                    ObjectNode o = JSON.createObjectNode();
                    ObjectNode g = o.putObject("nodegroup");
                    g.put("nodegroupName", ng).put("nodegroupArn", "arn:aws:eks:" + region + ":" + account + ":nodegroup/"
                            + cluster + "/" + ng + "/6ec9a9f6-6c0f-4a44-9d3b-1f2e3d4c5b6a").put("clusterName", cluster)
                            .put("version", c.path("version").asText("1.30")).put("status", "ACTIVE")
                            .put("capacityType", "ON_DEMAND").put("amiType", "AL2023_x86_64_STANDARD")
                            .put("nodeRole", "arn:aws:iam::" + account + ":role/" + n.path("role").asText())
                            .put("createdAt", epoch("2024-10-11T12:10:00Z"));
                    g.putObject("scalingConfig").put("minSize", 1).put("maxSize", 3).put("desiredSize", n.path("instances").size());
                    g.putArray("instanceTypes").add("m5.large");
                    ArrayNode subnets = g.putArray("subnets");
                    n.path("instances").forEach(i -> subnets.add(i.path("subnetId").asText("subnet-0c4d5e6f7a8b9c0d1")));
                    g.putObject("resources").putArray("autoScalingGroups").addObject().put("name", "eks-" + ng + "-asg");
                    return new Reply(200, "application/json", o.toString(), Map.of());
                }
            }
            return notFound("No node group found for name: " + ng + ".");
        }
    }
}
