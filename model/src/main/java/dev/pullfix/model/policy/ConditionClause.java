package dev.pullfix.model.policy;

import java.util.List;

/** One operator/key pair of a Condition block, e.g. {@code StringEquals / aws:SourceVpce = [vpce-1]}. */
public record ConditionClause(String operator, String key, List<String> values) {
    public ConditionClause {
        values = List.copyOf(values);
    }
}
