package dev.pullfix.model.aws;

/**
 * An image inside a repository: a tag, a digest, or both (then the digest is what is pulled).
 */
public record EcrImageId(String tag, String digest) {
    public EcrImageId {
        if ((tag == null || tag.isBlank()) && (digest == null || digest.isBlank())) {
            throw new IllegalArgumentException("an image id needs a tag or a digest");
        }
    }

    public static EcrImageId tag(String tag) {
        return new EcrImageId(tag, null);
    }

    public static EcrImageId digest(String digest) {
        return new EcrImageId(null, digest);
    }

    public boolean byDigest() {
        return digest != null && !digest.isBlank();
    }

    @Override
    public String toString() {
        return byDigest() ? digest : tag;
    }
}
