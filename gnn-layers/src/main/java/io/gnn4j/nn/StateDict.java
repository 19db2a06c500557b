package io.gnn4j.nn;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Saves and loads a module's parameters in the safetensors format (the one PyTorch/PyG users read with
 * {@code safetensors.torch.load_file}): an 8-byte little-endian header length H, a JSON header of H bytes
 * {@code {"name": {"dtype": "F32", "shape": [r, c], "data_offsets": [begin, end]}, ..., "__metadata__": {...}}}
 * (space-padded to a multiple of 8), then the raw little-endian float32 data. Values round-trip bit for bit.
 */
public final class StateDict {
    private StateDict() {}

    /** One stored tensor: shape and row-major values. */
    public record Entry(int rows, int cols, float[] values) {}

    /**
     * Writes every parameter of {@code module} under its dotted name to {@code file}, then every buffer (e.g.
     * {@code "norm0.running_mean"}) as a 1×length tensor.
     */
    public static void save(Module module, Path file) throws IOException {
        LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();
        for (var e : module.namedParameters().entrySet()) {
            Parameter p = e.getValue();
            entries.put(e.getKey(), new Entry(p.rows(), p.cols(), p.toFloatArray()));
        }
        for (var e : module.namedBuffers().entrySet()) {
            entries.put(e.getKey(), new Entry(1, e.getValue().length, e.getValue().clone()));
        }
        write(entries, Map.of("format", "gnn4j", "version", "1"), file);
    }

    /**
     * Loads the parameters and buffers of {@code module} from {@code file}: every one must be present with the same
     * shape (extra tensors in the file are an error too, as a sign of a different architecture).
     */
    public static void load(Module module, Path file) throws IOException {
        Map<String, Entry> entries = read(file);
        Map<String, Parameter> params = module.namedParameters();
        Map<String, float[]> buffers = module.namedBuffers();
        for (var e : buffers.entrySet()) {
            Entry s = entries.get(e.getKey());
            int length = e.getValue().length;
            if (s == null) {
                throw new IOException(file + ": no tensor '" + e.getKey() + "' (expected 1×" + length + ")");
            }
            if (s.rows != 1 || s.cols != length) {
                throw new IOException(file + ": tensor '" + e.getKey() + "' has shape " + s.rows + "×" + s.cols
                        + " but the buffer is 1×" + length);
            }
        }
        for (var e : params.entrySet()) {
            Entry s = entries.get(e.getKey());
            Parameter p = e.getValue();
            if (s == null) {
                throw new IOException(file + ": no tensor '" + e.getKey() + "' (expected " + p.rows() + "×" + p.cols()
                        + ")");
            }
            if (s.rows != p.rows() || s.cols != p.cols()) {
                throw new IOException(file + ": tensor '" + e.getKey() + "' has shape " + s.rows + "×" + s.cols
                        + " but the parameter is " + p.rows() + "×" + p.cols());
            }
        }
        for (String k : entries.keySet()) {
            if (!params.containsKey(k) && !buffers.containsKey(k)) {
                throw new IOException(file + ": tensor '" + k + "' matches no parameter or buffer of the module");
            }
        }
        for (var e : params.entrySet()) {
            e.getValue().copyFrom(entries.get(e.getKey()).values);
        }
        for (var e : buffers.entrySet()) {
            float[] src = entries.get(e.getKey()).values;
            System.arraycopy(src, 0, e.getValue(), 0, src.length);
        }
    }

    /** Writes named F32 matrices (vectors of rank 1 are not produced; shapes are always [rows, cols]). */
    public static void write(Map<String, Entry> entries, Map<String, String> metadata, Path file) throws IOException {
        StringBuilder h = new StringBuilder("{");
        if (!metadata.isEmpty()) {
            h.append("\"__metadata__\":{");
            boolean first = true;
            for (var m : new java.util.TreeMap<>(metadata).entrySet()) {
                h.append(first ? "" : ",").append(quote(m.getKey())).append(':').append(quote(m.getValue()));
                first = false;
            }
            h.append('}');
        }
        long offset = 0;
        for (var e : entries.entrySet()) {
            Entry t = e.getValue();
            long bytes = (long) t.values.length * Float.BYTES;
            h.append(h.length() > 1 ? "," : "").append(quote(e.getKey())).append(":{\"dtype\":\"F32\",\"shape\":[")
                    .append(t.rows).append(',').append(t.cols).append("],\"data_offsets\":[").append(offset).append(',')
                    .append(offset + bytes).append("]}");
            offset += bytes;
        }
        h.append('}');
        byte[] header = h.toString().getBytes(StandardCharsets.UTF_8);
        int padded = (header.length + 7) / 8 * 8;
        ByteBuffer buf = ByteBuffer.allocate(Math.toIntExact(8 + padded + offset)).order(ByteOrder.LITTLE_ENDIAN);
        buf.putLong(padded).put(header);
        for (int i = header.length; i < padded; i++) {
            buf.put((byte) ' ');
        }
        for (Entry t : entries.values()) {
            for (float v : t.values) {
                buf.putFloat(v);
            }
        }
        Files.write(file, buf.array());
    }

    /** Reads every tensor of a safetensors file; only F32 tensors of rank 1 (as 1×n) or 2 are supported. */
    public static Map<String, Entry> read(Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        if (all.length < 8) {
            throw new IOException(file + ": " + all.length + " bytes, expected at least an 8-byte header length");
        }
        ByteBuffer buf = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
        long hlen = buf.getLong();
        if (hlen < 2 || hlen > all.length - 8) {
            throw new IOException(file + ": header length " + hlen + " exceeds the file's " + (all.length - 8)
                    + " remaining bytes");
        }
        String json = new String(all, 8, (int) hlen, StandardCharsets.UTF_8);
        Object parsed = new Json(json, file).parse();
        if (!(parsed instanceof Map<?, ?> header)) {
            throw new IOException(file + ": header is not a JSON object");
        }
        long dataStart = 8 + hlen;
        LinkedHashMap<String, Entry> out = new LinkedHashMap<>();
        for (var e : header.entrySet()) {
            String name = (String) e.getKey();
            if (name.equals("__metadata__")) {
                continue;
            }
            if (!(e.getValue() instanceof Map<?, ?> info)) {
                throw new IOException(file + ": entry '" + name + "' is not an object");
            }
            if (!"F32".equals(info.get("dtype"))) {
                throw new IOException(file + ": tensor '" + name + "' has dtype " + info.get("dtype") + ", expected F32");
            }
            List<?> shape = (List<?>) info.get("shape");
            List<?> off = (List<?>) info.get("data_offsets");
            if (shape == null || off == null || off.size() != 2 || shape.size() < 1 || shape.size() > 2) {
                throw new IOException(file + ": tensor '" + name + "' needs a shape of rank 1 or 2 and two data_offsets, got "
                        + info);
            }
            int rows = shape.size() == 2 ? ((Number) shape.get(0)).intValue() : 1;
            int cols = ((Number) shape.get(shape.size() - 1)).intValue();
            long begin = ((Number) off.get(0)).longValue(), end = ((Number) off.get(1)).longValue();
            if (end - begin != (long) rows * cols * Float.BYTES || dataStart + end > all.length || begin < 0) {
                throw new IOException(file + ": tensor '" + name + "' has data_offsets [" + begin + ", " + end
                        + "] inconsistent with shape " + shape + " or the file size " + all.length);
            }
            float[] v = new float[rows * cols];
            ByteBuffer slice = ByteBuffer.wrap(all, (int) (dataStart + begin), (int) (end - begin))
                    .order(ByteOrder.LITTLE_ENDIAN);
            slice.asFloatBuffer().get(v);
            out.put(name, new Entry(rows, cols, v));
        }
        return out;
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /** A minimal JSON reader for safetensors headers: objects, arrays, strings, numbers, true/false/null. */
    private static final class Json {
        private final String s;
        private final Path file;
        private int i;

        Json(String s, Path file) {
            this.s = s;
            this.file = file;
        }

        Object parse() throws IOException {
            Object v = value();
            skip();
            return v;
        }

        private Object value() throws IOException {
            skip();
            if (i >= s.length()) {
                throw error("a value");
            }
            char c = s.charAt(i);
            if (c == '{') {
                i++;
                LinkedHashMap<String, Object> m = new LinkedHashMap<>();
                skip();
                if (peek() == '}') {
                    i++;
                    return m;
                }
                while (true) {
                    skip();
                    String k = string();
                    skip();
                    expect(':');
                    m.put(k, value());
                    skip();
                    if (peek() == ',') {
                        i++;
                    } else {
                        expect('}');
                        return m;
                    }
                }
            }
            if (c == '[') {
                i++;
                List<Object> l = new ArrayList<>();
                skip();
                if (peek() == ']') {
                    i++;
                    return l;
                }
                while (true) {
                    l.add(value());
                    skip();
                    if (peek() == ',') {
                        i++;
                    } else {
                        expect(']');
                        return l;
                    }
                }
            }
            if (c == '"') {
                return string();
            }
            int start = i;
            while (i < s.length() && "+-0123456789.eEtruefalsn".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
            String tok = s.substring(start, i);
            return switch (tok) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                case "null" -> null;
                default -> {
                    try {
                        yield tok.contains(".") || tok.contains("e") || tok.contains("E") ? (Object) Double.valueOf(tok)
                                : (Object) Long.valueOf(tok);
                    } catch (NumberFormatException ex) {
                        throw error("a number, found '" + tok + "'");
                    }
                }
            };
        }

        private String string() throws IOException {
            expect('"');
            StringBuilder b = new StringBuilder();
            while (i < s.length() && s.charAt(i) != '"') {
                char c = s.charAt(i++);
                if (c == '\\') {
                    char e = s.charAt(i++);
                    switch (e) {
                        case 'n' -> b.append('\n');
                        case 't' -> b.append('\t');
                        case 'r' -> b.append('\r');
                        case 'b' -> b.append('\b');
                        case 'f' -> b.append('\f');
                        case 'u' -> {
                            b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                            i += 4;
                        }
                        default -> b.append(e);
                    }
                } else {
                    b.append(c);
                }
            }
            expect('"');
            return b.toString();
        }

        private char peek() {
            return i < s.length() ? s.charAt(i) : '\0';
        }

        private void expect(char c) throws IOException {
            if (peek() != c) {
                throw error("'" + c + "'");
            }
            i++;
        }

        private void skip() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        private IOException error(String expected) {
            return new IOException(file + ": header byte " + i + ": expected " + expected + ", found "
                    + (i < s.length() ? "'" + s.charAt(i) + "'" : "end of header"));
        }
    }
}
