package dev.pullfix.model.lab.aws;

import static dev.pullfix.model.lab.aws.LabAwsServer.x;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pullfix.model.lab.world.LabWorld;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** EC2 (query protocol, XML answers in the EC2 dialect) from the lab's world. */
final class Ec2 {
    static final String NS = "http://ec2.amazonaws.com/doc/2016-11-15/";
    private final LabWorld world;

    Ec2(LabWorld world) {
        this.world = world;
    }

    static LabAwsServer.Reply error(int status, String code, String message) {
        return new LabAwsServer.Reply(status, "text/xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Errors><Error><Code>"
                + code + "</Code><Message>" + x(message) + "</Message></Error></Errors><RequestID>" + UUID.randomUUID()
                + "</RequestID></Response>", Map.of());
    }

    /** Filter.N.Name → values; InstanceId.N / VpcEndpointId.N collected under "ids". */
    static Map<String, List<String>> filters(Map<String, List<String>> q) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (int n = 1; n < 50; n++) {
            String name = LabAwsServer.first(q, "Filter." + n + ".Name");
            if (name == null) {
                break;
            }
            List<String> vals = new ArrayList<>();
            for (int m = 1; m < 200; m++) {
                String v = LabAwsServer.first(q, "Filter." + n + ".Value." + m);
                if (v == null) {
                    break;
                }
                vals.add(v);
            }
            out.put(name, vals);
        }
        List<String> ids = new ArrayList<>();
        for (String prefix : new String[] {"InstanceId.", "VpcEndpointId."}) {
            for (int m = 1; m < 200; m++) {
                String v = LabAwsServer.first(q, prefix + m);
                if (v == null) {
                    break;
                }
                ids.add(v);
            }
        }
        if (!ids.isEmpty()) {
            out.put("ids", ids);
        }
        return out;
    }

    private static boolean pass(Map<String, List<String>> f, String key, String value) {
        List<String> want = f.get(key);
        return want == null || want.contains(value);
    }

    LabAwsServer.Reply call(String action, Map<String, List<String>> q) {
        Map<String, List<String>> f = filters(q);
        String vpc = world.awsSnapshot().path("cluster").path("vpcId").asText("vpc-0a1b2c3d4e5f60718");
        String account = world.account();
        String region = world.region();
        switch (action) {
            case "DescribeInstances": {
                StringBuilder items = new StringBuilder();
                List<String> asked = f.getOrDefault("ids", List.of());
                List<String> found = new ArrayList<>();
                for (ObjectNode i : world.instances()) {
                    String id = i.path("id").asText();
                    if (!asked.isEmpty() && !asked.contains(id) || !pass(f, "private-dns-name", i.path("node").asText())
                            || !pass(f, "instance-id", id)) {
                        continue;
                    }
                    found.add(id);
                    items.append("<item><reservationId>r-").append(id.substring(2)).append("</reservationId><ownerId>").append(account)
                            .append("</ownerId><instancesSet><item><instanceId>").append(id).append("</instanceId>")
                            .append("<imageId>ami-0a1b2c3d4e5f60718</imageId><instanceState><code>16</code><name>running</name></instanceState>")
                            .append("<privateDnsName>").append(x(i.path("node").asText())).append("</privateDnsName>")
                            .append("<instanceType>m5.large</instanceType>")
                            .append("<subnetId>").append(x(i.path("subnetId").asText("subnet-0c4d5e6f7a8b9c0d1"))).append("</subnetId>")
                            .append("<vpcId>").append(vpc).append("</vpcId>")
                            .append("<privateIpAddress>").append(x(i.path("privateIp").asText("10.42.33.232"))).append("</privateIpAddress>")
                            .append("<iamInstanceProfile><arn>arn:aws:iam::").append(account).append(":instance-profile/")
                            .append(x(i.path("instanceProfile").asText())).append("</arn><id>AIPALAB</id></iamInstanceProfile>")
                            .append("<groupSet><item><groupId>sg-0n0d1e2s3g4r5o6u7</groupId><groupName>eks-node</groupName></item></groupSet>")
                            .append("</item></instancesSet></item>");
                }
                for (String id : asked) {
                    if (!found.contains(id)) {
                        return error(400, "InvalidInstanceID.NotFound", "The instance ID '" + id + "' does not exist");
                    }
                }
                return new LabAwsServer.Reply(200, "text/xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<DescribeInstancesResponse xmlns=\""
                        + NS + "\"><requestId>" + UUID.randomUUID() + "</requestId><reservationSet>" + items
                        + "</reservationSet></DescribeInstancesResponse>", Map.of());
            }
            case "DescribeVpcEndpoints": {
                StringBuilder items = new StringBuilder();
                for (ObjectNode e : world.vpcEndpoints()) {
                    String id = e.path("id").asText();
                    String evpc = e.path("vpcId").asText(vpc);
                    if (!pass(f, "vpc-id", evpc) || !pass(f, "service-name", e.path("service").asText())
                            || !pass(f, "vpc-endpoint-id", id) || f.containsKey("ids") && !f.get("ids").contains(id)) {
                        continue;
                    }
                    boolean gateway = e.path("service").asText().endsWith(".s3");
                    items.append("<item><vpcEndpointId>").append(x(id)).append("</vpcEndpointId><vpcEndpointType>")
                            .append(gateway ? "Gateway" : "Interface").append("</vpcEndpointType><vpcId>").append(x(evpc))
                            .append("</vpcId><serviceName>").append(x(e.path("service").asText())).append("</serviceName>")
                            .append("<state>available</state>");
                    if (e.hasNonNull("policy")) {
                        items.append("<policyDocument>").append(x(e.path("policy").asText())).append("</policyDocument>");
                    }
                    items.append("<routeTableIdSet/>");
                    items.append("<subnetIdSet><item>subnet-0c4d5e6f7a8b9c0d1</item></subnetIdSet>");
                    items.append(gateway ? "<groupSet/>" : "<groupSet><item><groupId>sg-0e1n2d3p4o5i6n7t8</groupId><groupName>vpce</groupName></item></groupSet>");
                    items.append("<privateDnsEnabled>").append(!gateway && e.path("privateDns").asBoolean(true)).append("</privateDnsEnabled>");
                    items.append("<ownerId>").append(account).append("</ownerId></item>");
                }
                return new LabAwsServer.Reply(200, "text/xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<DescribeVpcEndpointsResponse xmlns=\""
                        + NS + "\"><requestId>" + UUID.randomUUID() + "</requestId><vpcEndpointSet>" + items
                        + "</vpcEndpointSet></DescribeVpcEndpointsResponse>", Map.of());
            }
            case "ModifyVpcEndpoint": {
                String id = LabAwsServer.first(q, "VpcEndpointId");
                String policy = "true".equalsIgnoreCase(LabAwsServer.first(q, "ResetPolicy"))
                        ? "{\"Statement\":[{\"Action\":\"*\",\"Effect\":\"Allow\",\"Principal\":\"*\",\"Resource\":\"*\"}]}"
                        : LabAwsServer.first(q, "PolicyDocument");
                if (policy != null) {
                    try {
                        dev.pullfix.model.policy.PolicyDocument.parse(policy);
                    } catch (RuntimeException e) {
                        return error(400, "InvalidPolicyDocument", "The specified policy document is invalid.");
                    }
                }
                if (id == null || policy != null && !world.setVpcEndpointPolicy(id, policy)) {
                    return error(400, "InvalidVpcEndpointId.NotFound", "The Vpc Endpoint Id '" + id + "' does not exist");
                }
                return new LabAwsServer.Reply(200, "text/xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ModifyVpcEndpointResponse xmlns=\""
                        + NS + "\"><requestId>" + UUID.randomUUID() + "</requestId><return>true</return></ModifyVpcEndpointResponse>", Map.of());
            }
            default:
                return error(400, "InvalidAction", "The action " + action + " is not valid for this web service.");
        }
    }
}
