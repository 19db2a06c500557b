package io.gnn4j.nn;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Saves and loads a module's parameters in the safetensors format (the one PyTorch/PyG users read with
 * {@code safetensors.torch.load_file}): an 8-byte little-endian header length H, a JSON header of H bytes
 * {@code {"name": {"dtype": "F32", "shape": [r, c], "data_offsets": [begin, end]}, ..., "__metadata__": {...}}}
 * (space-padded to a multiple of 8), then the raw little-endian float32 data. Values round-trip bit for bit. The
 * header is written and parsed with Jackson.
 */
public final class StateDict {
    /** Compact output (no spaces), as the safetensors reference writer; a header must be one JSON value. */
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

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
        ObjectNode h = JSON.createObjectNode();
        if (!metadata.isEmpty()) {
            ObjectNode meta = h.putObject("__metadata__");
            new TreeMap<>(metadata).forEach(meta::put);
        }
        long offset = 0;
        for (var e : entries.entrySet()) {
            Entry t = e.getValue();
            long bytes = (long) t.values.length * Float.BYTES;
            ObjectNode info = h.putObject(e.getKey());
            info.put("dtype", "F32");
            info.putArray("shape").add(t.rows).add(t.cols);
            info.putArray("data_offsets").add(offset).add(offset + bytes);
            offset += bytes;
        }
        byte[] header = JSON.writeValueAsBytes(h);
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
        JsonNode header;
        try {
            header = JSON.readTree(all, 8, (int) hlen);
        } catch (JsonProcessingException ex) {
            throw new IOException(file + ": header is not valid JSON (expected a JSON object of tensor entries): "
                    + ex.getOriginalMessage(), ex);
        }
        if (header == null || !header.isObject()) {
            boolean empty = header == null || header.isMissingNode();
            throw new IOException(file + ": header is " + (empty ? "empty" : "a JSON " + header.getNodeType())
                    + ", expected a JSON object of tensor entries");
        }
        long dataStart = 8 + hlen;
        LinkedHashMap<String, Entry> out = new LinkedHashMap<>();
        for (var e : header.properties()) {
            String name = e.getKey();
            if (name.equals("__metadata__")) {
                continue;
            }
            JsonNode info = e.getValue();
            if (!info.isObject()) {
                throw new IOException(file + ": entry '" + name + "' is " + info + ", expected an object");
            }
            if (!"F32".equals(info.path("dtype").asText(null))) {
                throw new IOException(file + ": tensor '" + name + "' has dtype " + info.get("dtype") + ", expected F32");
            }
            JsonNode shape = info.path("shape"), off = info.path("data_offsets");
            if (!integers(shape) || !integers(off) || off.size() != 2 || shape.size() < 1 || shape.size() > 2) {
                throw new IOException(file + ": tensor '" + name + "' is " + info
                        + ", expected a shape of rank 1 or 2 and two data_offsets, all non-negative integers");
            }
            long rows = shape.size() == 2 ? shape.get(0).asLong() : 1;
            long cols = shape.get(shape.size() - 1).asLong();
            long begin = off.get(0).asLong(), end = off.get(1).asLong();
            if (rows > Integer.MAX_VALUE || cols > Integer.MAX_VALUE || rows * cols > Integer.MAX_VALUE) {
                throw new IOException(file + ": tensor '" + name + "' has shape " + shape + ", expected at most "
                        + Integer.MAX_VALUE + " values");
            }
            if (end - begin != rows * cols * Float.BYTES || dataStart + end > all.length || begin > end) {
                throw new IOException(file + ": tensor '" + name + "' has data_offsets [" + begin + ", " + end
                        + "] inconsistent with shape " + shape + " or the file size " + all.length);
            }
            float[] v = new float[(int) (rows * cols)];
            ByteBuffer slice = ByteBuffer.wrap(all, (int) (dataStart + begin), (int) (end - begin))
                    .order(ByteOrder.LITTLE_ENDIAN);
            slice.asFloatBuffer().get(v);
            out.put(name, new Entry((int) rows, (int) cols, v));
        }
        return out;
    }

    /** Whether {@code node} is a JSON array of non-negative integers that fit a long. */
    private static boolean integers(JsonNode node) {
        if (!node.isArray()) {
            return false;
        }
        for (JsonNode n : node) {
            if (!n.isIntegralNumber() || !n.canConvertToLong() || n.asLong() < 0) {
                return false;
            }
        }
        return true;
    }
}
