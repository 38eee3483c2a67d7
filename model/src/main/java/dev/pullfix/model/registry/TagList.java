package dev.pullfix.model.registry;

import java.util.List;

/**
 * The tags of a repository from {@code GET /v2/<name>/tags/list}, following {@code Link: <...>; rel="next"}.
 *
 * @param tags      the tags in the registry's order
 * @param truncated true when the listing stopped at the client's limit before the last page
 * @param pages     how many pages were read
 */
public record TagList(List<String> tags, boolean truncated, int pages) {
    public TagList {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
