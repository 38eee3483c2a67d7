package dev.pullfix.model.lab.server;

/**
 * The kubelet's pull failure messages for the generated pods, in containerd's wording (the classifier's inputs), and
 * the fully qualified form of an image reference they quote.
 */
final class KubeletPullMessages {
    private KubeletPullMessages() {
    }

    /** The kubelet's "Failed to pull image" message for {@code image}, in containerd's wording. */
    static String pullFailure(String image, LabPopulation.Cause cause) {
        String ref = fullyQualified(image);
        String host = ref.substring(0, ref.indexOf('/'));
        String rest = ref.substring(ref.indexOf('/') + 1);
        String repo = rest.contains(":") ? rest.substring(0, rest.lastIndexOf(':')) : rest;
        String tag = rest.contains(":") ? rest.substring(rest.lastIndexOf(':') + 1) : "latest";
        String registry = host.equals("docker.io") ? "registry-1.docker.io" : host;
        String manifests = "https://" + registry + "/v2/" + repo + "/manifests/" + tag;
        String unpack = "failed to pull and unpack image \"" + ref + "\": ";
        String resolve = "failed to resolve reference \"" + ref + "\": ";
        String cause0 = switch (cause) {
            case ECR_FORBIDDEN_403 -> unpack + resolve + "unexpected status from HEAD request to " + manifests + ": 403 Forbidden";
            case TAG_NOT_FOUND -> "rpc error: code = NotFound desc = " + unpack + resolve + ref + ": not found";
            case NO_CREDENTIALS_401 -> "rpc error: code = Unknown desc = " + unpack + resolve
                    + "unexpected status from HEAD request to " + manifests + ": 401 Unauthorized";
            case TIMEOUT -> "rpc error: code = DeadlineExceeded desc = " + unpack + resolve + "failed to do request: Head \""
                    + manifests + "\": dial tcp 52.119." + (Math.abs(repo.hashCode()) % 250) + ".17:443: i/o timeout";
            case RATE_LIMIT_429 -> "rpc error: code = Unknown desc = " + unpack + "failed to copy: httpReadSeeker: failed open: "
                    + "unexpected status code " + manifests + ": 429 Too Many Requests - Server message: toomanyrequests: "
                    + "You have reached your pull rate limit. You may increase the limit by authenticating and upgrading: "
                    + "https://www.docker.com/increase-rate-limit";
        };
        return "Failed to pull image \"" + image + "\": " + cause0;
    }

    static String fullyQualified(String image) {
        String first = image.contains("/") ? image.substring(0, image.indexOf('/')) : "";
        boolean hasHost = first.contains(".") || first.contains(":") || first.equals("localhost");
        String ref = hasHost ? image : image.contains("/") ? "docker.io/" + image : "docker.io/library/" + image;
        String last = ref.substring(ref.lastIndexOf('/') + 1);
        return last.contains(":") || last.contains("@") ? ref : ref + ":latest";
    }
}
