package dev.pullfix.model.cluster;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads a page of the server's {@code Table} rendering of pods ({@code Accept: application/json;as=Table;v=v1;
 * g=meta.k8s.io}, as {@code kubectl get pods} asks) in one streaming pass: the cells kubectl prints, picked by column
 * name, and from each row's object (PartialObjectMetadata) the namespace, name and owners that name the workload.
 */
final class PodTableJson {

    /** The media type of the server's Table rendering (meta.k8s.io/v1). */
    static final String TABLE_TYPE = "application/json;as=Table;v=v1;g=meta.k8s.io";

    /** The columns read, by the names the server's pod printer gives them. */
    static final List<String> COLUMNS = List.of("Name", "Ready", "Status", "Restarts", "Age");

    /** The body is not a Table with the columns of {@link #COLUMNS} (an older or unusual server). */
    static final class NotATable extends IOException {
        NotATable(String what) {
            super(what);
        }
    }

    private final PodInfos infos;

    PodTableJson(PodInfos infos) {
        this.infos = infos;
    }

    /** Reads one page; each row to {@code rows}; resourceVersion and continue into {@code meta[0..1]}. */
    void read(InputStream body, Consumer<PodRow> rows, String[] meta) throws IOException {
        try (JsonParser p = KubeHttp.JSON.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new NotATable("not a JSON object");
            }
            int[] index = null;
            String field;
            while ((field = p.nextFieldName()) != null) {
                JsonToken t = p.nextToken();
                switch (field) {
                    case "kind" -> {
                        String kind = PodJson.text(p, t);
                        if (!"Table".equals(kind)) {
                            throw new NotATable("kind " + kind);
                        }
                    }
                    case "metadata" -> listMeta(p, t, meta);
                    case "columnDefinitions" -> index = columns(p, t);
                    case "rows" -> {
                        if (index == null) {
                            throw new NotATable("rows before columnDefinitions");
                        }
                        rows(p, t, index, rows);
                    }
                    default -> p.skipChildren();
                }
            }
        }
    }

    private static void listMeta(JsonParser p, JsonToken t, String[] meta) throws IOException {
        if (t != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        String f;
        while ((f = p.nextFieldName()) != null) {
            JsonToken v = p.nextToken();
            if ("resourceVersion".equals(f)) {
                meta[0] = PodJson.text(p, v);
            } else if ("continue".equals(f)) {
                meta[1] = PodJson.text(p, v);
            } else {
                p.skipChildren();
            }
        }
    }

    /** The cell index of each of {@link #COLUMNS}. */
    private static int[] columns(JsonParser p, JsonToken t) throws IOException {
        if (t != JsonToken.START_ARRAY) {
            throw new NotATable("columnDefinitions is not an array");
        }
        List<String> names = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            String name = null;
            if (p.currentToken() == JsonToken.START_OBJECT) {
                String f;
                while ((f = p.nextFieldName()) != null) {
                    JsonToken v = p.nextToken();
                    if ("name".equals(f)) {
                        name = PodJson.text(p, v);
                    } else {
                        p.skipChildren();
                    }
                }
            } else {
                p.skipChildren();
            }
            names.add(name);
        }
        int[] index = new int[COLUMNS.size()];
        for (int i = 0; i < index.length; i++) {
            index[i] = names.indexOf(COLUMNS.get(i));
            if (index[i] < 0) {
                throw new NotATable("no column " + COLUMNS.get(i));
            }
        }
        return index;
    }

    private void rows(JsonParser p, JsonToken t, int[] index, Consumer<PodRow> out) throws IOException {
        if (t != JsonToken.START_ARRAY) {
            p.skipChildren();
            return;
        }
        List<String> cells = new ArrayList<>(12);
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                p.skipChildren();
                continue;
            }
            cells.clear();
            PodFields object = null;
            String f;
            while ((f = p.nextFieldName()) != null) {
                JsonToken v = p.nextToken();
                if ("cells".equals(f) && v == JsonToken.START_ARRAY) {
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        cells.add(PodJson.text(p, p.currentToken()));
                    }
                } else if ("object".equals(f)) {
                    object = PodJson.read(p);
                } else {
                    p.skipChildren();
                }
            }
            PodRow row = row(cells, index, object);
            if (row != null) {
                out.accept(row);
            }
        }
    }

    private PodRow row(List<String> cells, int[] index, PodFields object) throws NotATable {
        int max = 0;
        for (int i : index) {
            max = Math.max(max, i);
        }
        if (cells.size() <= max) {
            throw new NotATable("a row with " + cells.size() + " cells");
        }
        if (object == null || object.name == null) {
            // without the object (includeObject=None) the namespace and the workload are unknown
            throw new NotATable("a row without its object");
        }
        return new PodRow(infos.intern(object.namespace), object.name, infos.intern(cells.get(index[1])),
                infos.intern(cells.get(index[2])), infos.intern(cells.get(index[3])), infos.intern(cells.get(index[4])),
                infos.workload(object));
    }
}
