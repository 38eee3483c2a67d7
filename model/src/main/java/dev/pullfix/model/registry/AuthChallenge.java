package dev.pullfix.model.registry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One challenge of a {@code WWW-Authenticate} header (RFC 7235): a scheme and its parameters, e.g.
 * {@code Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/nginx:pull"}
 * or {@code Basic realm="Registry Realm"}.
 *
 * @param scheme the scheme as sent ({@code Bearer}, {@code Basic}, ...)
 * @param params parameter names in lower case → values, quotes removed
 */
public record AuthChallenge(String scheme, Map<String, String> params) {

    public AuthChallenge {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    public boolean isBearer() {
        return scheme.equalsIgnoreCase("bearer");
    }

    public boolean isBasic() {
        return scheme.equalsIgnoreCase("basic");
    }

    public String param(String name) {
        return params.get(name.toLowerCase(Locale.ROOT));
    }

    /** Every challenge in the given header values, in order; malformed parts are skipped. */
    public static List<AuthChallenge> parse(List<String> headerValues) {
        List<AuthChallenge> out = new ArrayList<>();
        for (String v : headerValues) {
            parseOne(v, out);
        }
        return out;
    }

    private static void parseOne(String s, List<AuthChallenge> out) {
        int i = 0;
        int n = s.length();
        String scheme = null;
        Map<String, String> params = new LinkedHashMap<>();
        while (i < n) {
            i = skip(s, i);
            if (i >= n) {
                break;
            }
            int start = i;
            while (i < n && isToken(s.charAt(i))) {
                i++;
            }
            if (i == start) {
                i++; // stray character
                continue;
            }
            String token = s.substring(start, i);
            int j = skipSpaces(s, i);
            if (j < n && s.charAt(j) == '=' && scheme != null && !(j + 1 < n && s.charAt(j + 1) == '=')) {
                j = skipSpaces(s, j + 1);
                StringBuilder value = new StringBuilder();
                if (j < n && s.charAt(j) == '"') {
                    j++;
                    while (j < n && s.charAt(j) != '"') {
                        if (s.charAt(j) == '\\' && j + 1 < n) {
                            j++;
                        }
                        value.append(s.charAt(j));
                        j++;
                    }
                    j++;
                } else {
                    while (j < n && s.charAt(j) != ',' && !Character.isWhitespace(s.charAt(j))) {
                        value.append(s.charAt(j));
                        j++;
                    }
                }
                params.put(token.toLowerCase(Locale.ROOT), value.toString());
                i = j;
            } else {
                if (scheme != null) {
                    out.add(new AuthChallenge(scheme, params));
                    params = new LinkedHashMap<>();
                }
                scheme = token;
                // token68 (e.g. "Negotiate abc==") is not used by registries: skip it
                i = j;
            }
        }
        if (scheme != null) {
            out.add(new AuthChallenge(scheme, params));
        }
    }

    private static int skip(String s, int i) {
        while (i < s.length() && (s.charAt(i) == ',' || Character.isWhitespace(s.charAt(i)))) {
            i++;
        }
        return i;
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isToken(char c) {
        return c > 32 && c < 127 && "()<>@,;:\\\"/[]?={} \t".indexOf(c) < 0;
    }
}
