package dev.pullfix.model.lab.aws;

import static dev.pullfix.model.lab.aws.LabAwsServer.enc;
import static dev.pullfix.model.lab.aws.LabAwsServer.first;
import static dev.pullfix.model.lab.aws.LabAwsServer.ok;
import static dev.pullfix.model.lab.aws.LabAwsServer.x;
import static dev.pullfix.model.lab.aws.LabAwsServer.xmlError;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pullfix.model.lab.world.LabWorld;
import dev.pullfix.model.policy.ManagedPolicies;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** IAM (query protocol, XML answers) from the lab's world. */
final class Iam {
    static final String NS = "https://iam.amazonaws.com/doc/2010-05-08/";
    private static final String CREATED = "2024-10-11T12:10:00Z";
    /**
     * AWS managed policies the lab's roles attach that Pullfix ships no copy of: documents abridged to their
     * effect on image pulls (none of them grants ecr:*).
     */
    private static final Map<String, String> OTHER_MANAGED = Map.of(
            "AmazonEKSWorkerNodePolicy", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"WorkerNodePermissions\",\"Effect\":\"Allow\",\"Action\":[\"ec2:DescribeInstances\",\"ec2:DescribeInstanceTypes\",\"ec2:DescribeRouteTables\",\"ec2:DescribeSecurityGroups\",\"ec2:DescribeSubnets\",\"ec2:DescribeVolumes\",\"ec2:DescribeVolumesModifications\",\"ec2:DescribeVpcs\",\"eks:DescribeCluster\",\"eks-auth:AssumeRoleForPodIdentity\"],\"Resource\":\"*\"}]}",
            "AmazonSSMManagedInstanceCore", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"ssm:DescribeAssociation\",\"ssm:GetDocument\",\"ssm:UpdateInstanceInformation\",\"ssm:ListAssociations\",\"ssm:ListInstanceAssociations\"],\"Resource\":\"*\"},{\"Effect\":\"Allow\",\"Action\":[\"ssmmessages:CreateControlChannel\",\"ssmmessages:CreateDataChannel\",\"ssmmessages:OpenControlChannel\",\"ssmmessages:OpenDataChannel\"],\"Resource\":\"*\"},{\"Effect\":\"Allow\",\"Action\":[\"ec2messages:AcknowledgeMessage\",\"ec2messages:DeleteMessage\",\"ec2messages:FailMessage\",\"ec2messages:GetEndpoint\",\"ec2messages:GetMessages\",\"ec2messages:SendReply\"],\"Resource\":\"*\"}]}",
            "AmazonSSMPatchAssociation", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"ssm:DescribeEffectivePatchesForPatchBaseline\",\"Resource\":\"arn:aws:ssm:*:*:patchbaseline/*\"},{\"Effect\":\"Allow\",\"Action\":\"ssm:GetPatchBaselineForPatchGroup\",\"Resource\":\"*\"}]}",
            "AmazonEKS_CNI_Policy", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"ec2:AssignPrivateIpAddresses\",\"ec2:AttachNetworkInterface\",\"ec2:CreateNetworkInterface\",\"ec2:DeleteNetworkInterface\",\"ec2:DescribeInstances\",\"ec2:DescribeTags\",\"ec2:DescribeNetworkInterfaces\",\"ec2:DescribeInstanceTypes\",\"ec2:DescribeSubnets\",\"ec2:DetachNetworkInterface\",\"ec2:ModifyNetworkInterfaceAttribute\",\"ec2:UnassignPrivateIpAddresses\"],\"Resource\":\"*\"},{\"Effect\":\"Allow\",\"Action\":[\"ec2:CreateTags\"],\"Resource\":[\"arn:aws:ec2:*:*:network-interface/*\"]}]}");

    private final LabWorld world;

    Iam(LabWorld world) {
        this.world = world;
    }

    private LabAwsServer.Reply reply(String action, String result) {
        return new LabAwsServer.Reply(200, "text/xml", ok(action, NS, result), Map.of());
    }

    private static LabAwsServer.Reply error(int status, String code, String message) {
        return new LabAwsServer.Reply(status, "text/xml", xmlError("Sender", code, message, NS), Map.of());
    }

    private static LabAwsServer.Reply noRole(String name) {
        return error(404, "NoSuchEntity", "The role with name " + name + " cannot be found.");
    }

    String roleArn(ObjectNode r) {
        return "arn:aws:iam::" + world.account() + ":role" + r.path("path").asText("/") + r.path("name").asText();
    }

    String roleXml(ObjectNode r, String indent) {
        String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\""
                + r.path("trust").asText("ec2.amazonaws.com") + "\"},\"Action\":\"sts:AssumeRole\"}]}";
        if (r.has("trustPolicy")) {
            trust = r.path("trustPolicy").asText();
        }
        return indent + "<Path>" + x(r.path("path").asText("/")) + "</Path>\n" + indent + "<RoleName>" + x(r.path("name").asText())
                + "</RoleName>\n" + indent + "<RoleId>AROA" + Integer.toHexString(r.path("name").asText().hashCode()).toUpperCase()
                + "LAB</RoleId>\n" + indent + "<Arn>" + x(roleArn(r)) + "</Arn>\n" + indent + "<CreateDate>" + CREATED
                + "</CreateDate>\n" + indent + "<AssumeRolePolicyDocument>" + x(enc(trust)) + "</AssumeRolePolicyDocument>\n"
                + indent + "<MaxSessionDuration>3600</MaxSessionDuration>\n";
    }

    LabAwsServer.Reply call(String action, Map<String, List<String>> q) {
        String roleName = first(q, "RoleName");
        switch (action) {
            case "GetRole": {
                Optional<ObjectNode> r = world.role(roleName);
                return r.isEmpty() ? noRole(roleName) : reply(action, "    <Role>\n" + roleXml(r.get(), "      ") + "    </Role>\n");
            }
            case "ListAttachedRolePolicies": {
                Optional<ObjectNode> r = world.role(roleName);
                if (r.isEmpty()) {
                    return noRole(roleName);
                }
                StringBuilder sb = new StringBuilder("    <IsTruncated>false</IsTruncated>\n    <AttachedPolicies>\n");
                for (JsonNode a : r.get().path("attached")) {
                    String arn = a.asText();
                    sb.append("      <member>\n        <PolicyArn>").append(x(arn)).append("</PolicyArn>\n        <PolicyName>")
                            .append(x(arn.substring(arn.lastIndexOf('/') + 1))).append("</PolicyName>\n      </member>\n");
                }
                return reply(action, sb.append("    </AttachedPolicies>\n").toString());
            }
            case "ListRolePolicies": {
                Optional<ObjectNode> r = world.role(roleName);
                if (r.isEmpty()) {
                    return noRole(roleName);
                }
                StringBuilder sb = new StringBuilder("    <IsTruncated>false</IsTruncated>\n    <PolicyNames>\n");
                r.get().path("inline").fieldNames().forEachRemaining(n -> sb.append("      <member>").append(x(n)).append("</member>\n"));
                return reply(action, sb.append("    </PolicyNames>\n").toString());
            }
            case "GetRolePolicy": {
                Optional<ObjectNode> r = world.role(roleName);
                if (r.isEmpty()) {
                    return noRole(roleName);
                }
                String name = first(q, "PolicyName");
                JsonNode doc = r.get().path("inline").path(name);
                if (doc.isMissingNode()) {
                    return error(404, "NoSuchEntity", "The role policy with name " + name + " cannot be found.");
                }
                return reply(action, "    <PolicyName>" + x(name) + "</PolicyName>\n    <RoleName>" + x(roleName)
                        + "</RoleName>\n    <PolicyDocument>" + x(enc(doc.asText())) + "</PolicyDocument>\n");
            }
            case "GetPolicy":
            case "GetPolicyVersion": {
                String arn = first(q, "PolicyArn");
                Optional<String> doc = document(arn);
                if (doc.isEmpty()) {
                    return error(404, "NoSuchEntity", "Policy " + arn + " does not exist or is not attachable.");
                }
                String version = "v1";
                if (arn.startsWith("arn:aws:iam::aws:")) {
                    version = ManagedPolicies.byArn(arn).map(ManagedPolicies.Managed::version).orElse("v1");
                }
                if (action.equals("GetPolicy")) {
                    String name = arn.substring(arn.lastIndexOf('/') + 1);
                    return reply(action, "    <Policy>\n      <PolicyName>" + x(name) + "</PolicyName>\n      <DefaultVersionId>"
                            + version + "</DefaultVersionId>\n      <PolicyId>ANPA" + Integer.toHexString(arn.hashCode()).toUpperCase()
                            + "LAB</PolicyId>\n      <Path>/</Path>\n      <Arn>" + x(arn) + "</Arn>\n      <AttachmentCount>1</AttachmentCount>\n"
                            + "      <IsAttachable>true</IsAttachable>\n      <CreateDate>" + CREATED + "</CreateDate>\n      <UpdateDate>"
                            + CREATED + "</UpdateDate>\n    </Policy>\n");
                }
                String asked = first(q, "VersionId");
                if (asked != null && !asked.equals(version)) {
                    return error(404, "NoSuchEntity", "Policy " + arn + " version " + asked + " does not exist or is not attachable.");
                }
                return reply(action, "    <PolicyVersion>\n      <Document>" + x(enc(doc.get())) + "</Document>\n      <VersionId>"
                        + version + "</VersionId>\n      <IsDefaultVersion>true</IsDefaultVersion>\n      <CreateDate>" + CREATED
                        + "</CreateDate>\n    </PolicyVersion>\n");
            }
            case "GetInstanceProfile": {
                String name = first(q, "InstanceProfileName");
                for (ObjectNode ng : world.nodegroups()) {
                    if (ng.path("instanceProfile").asText().equals(name)) {
                        Optional<ObjectNode> r = world.role(ng.path("role").asText());
                        String roles = r.map(role -> "        <member>\n" + roleXml(role, "          ") + "        </member>\n").orElse("");
                        return reply(action, "    <InstanceProfile>\n      <InstanceProfileId>AIPA" + Integer.toHexString(name.hashCode()).toUpperCase()
                                + "LAB</InstanceProfileId>\n      <Roles>\n" + roles + "      </Roles>\n      <InstanceProfileName>" + x(name)
                                + "</InstanceProfileName>\n      <Path>/</Path>\n      <Arn>arn:aws:iam::" + world.account()
                                + ":instance-profile/" + x(name) + "</Arn>\n      <CreateDate>" + CREATED + "</CreateDate>\n    </InstanceProfile>\n");
                    }
                }
                return error(404, "NoSuchEntity", "Instance Profile " + name + " cannot be found.");
            }
            case "AttachRolePolicy":
            case "DetachRolePolicy": {
                String arn = first(q, "PolicyArn");
                if (world.role(roleName).isEmpty()) {
                    return noRole(roleName);
                }
                if (document(arn).isEmpty()) {
                    return error(404, "NoSuchEntity", "Policy " + arn + " does not exist or is not attachable.");
                }
                boolean done = action.equals("AttachRolePolicy") ? world.attachRolePolicy(roleName, arn) : world.detachRolePolicy(roleName, arn);
                if (!done) {
                    return error(404, "NoSuchEntity", "Policy " + arn + " was not found.");
                }
                return new LabAwsServer.Reply(200, "text/xml", "<" + action + "Response xmlns=\"" + NS + "\">\n  <ResponseMetadata>\n"
                        + "    <RequestId>" + java.util.UUID.randomUUID() + "</RequestId>\n  </ResponseMetadata>\n</" + action + "Response>\n", Map.of());
            }
            default:
                return error(400, "InvalidAction", "The practice lab does not serve iam:" + action);
        }
    }

    Optional<String> document(String arn) {
        if (arn == null) {
            return Optional.empty();
        }
        Optional<ManagedPolicies.Managed> m = ManagedPolicies.byArn(arn);
        if (m.isPresent()) {
            return Optional.of(m.get().document().text());
        }
        if (arn.startsWith("arn:aws:iam::aws:policy/")) {
            return Optional.ofNullable(OTHER_MANAGED.get(arn.substring(arn.lastIndexOf('/') + 1)));
        }
        return world.customerPolicy(arn);
    }
}
