package io.gnn4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Safetensors save/load: exact round trip, the byte layout, and errors on mismatched files. */
class StateDictTest {
    static final class Two extends Module {
        final Parameter w;
        final Parameter b;
        final Inner inner;

        Two(int in, int out) {
            w = addParameter("weight", in, out);
            b = addParameter("bias", 1, out);
            inner = addModule("inner", new Inner());
        }

        @Override
        public void resetParameters(java.util.random.RandomGenerator rng) {
            Init.glorotUniform(w, rng);
            Init.normal(b, 1, rng);
            super.resetParameters(rng);
        }
    }

    static final class Inner extends Module {
        final Parameter eps = addParameter("eps", 1, 1);

        @Override
        public void resetParameters(java.util.random.RandomGenerator rng) {
            Init.uniform(eps, 1, rng);
        }
    }

    @Test
    void roundTripIsBitExact(@TempDir Path dir) throws IOException {
        Two m = new Two(5, 3);
        m.resetParameters(new SplittableRandom(4));
        m.w.set(0, 0, Float.MIN_VALUE);
        m.w.set(1, 1, -0f);
        Path f = dir.resolve("m.safetensors");
        StateDict.save(m, f);
        Two n = new Two(5, 3);
        StateDict.load(n, f);
        for (var e : m.namedParameters().entrySet()) {
            float[] a = e.getValue().toFloatArray(), b = n.namedParameters().get(e.getKey()).toFloatArray();
            for (int i = 0; i < a.length; i++) {
                assertEquals(Float.floatToRawIntBits(a[i]), Float.floatToRawIntBits(b[i]), e.getKey() + "[" + i + "]");
            }
        }
        assertEquals(java.util.List.of("weight", "bias", "inner.eps"), java.util.List.copyOf(m.namedParameters().keySet()));
    }

    @Test
    void fileFollowsTheSafetensorsLayout(@TempDir Path dir) throws IOException {
        Two m = new Two(2, 2);
        m.b.copyFrom(new float[] {1.5f, -2f});
        Path f = dir.resolve("m.safetensors");
        StateDict.save(m, f);
        byte[] all = Files.readAllBytes(f);
        ByteBuffer buf = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
        long h = buf.getLong();
        assertEquals(0, h % 8);
        String header = new String(all, 8, (int) h, StandardCharsets.UTF_8);
        assertTrue(header.contains("\"bias\":{\"dtype\":\"F32\",\"shape\":[1,2],\"data_offsets\":[16,24]}"), header);
        assertEquals(8 + h + 4 * 4 + 2 * 4 + 4, all.length);
        assertEquals(1.5f, ByteBuffer.wrap(all, (int) (8 + h + 16), 4).order(ByteOrder.LITTLE_ENDIAN).getFloat());
    }

    @Test
    void readsRankOneTensorsWrittenByOtherTools(@TempDir Path dir) throws IOException {
        String header = "{\"v\": {\"dtype\": \"F32\", \"shape\": [3], \"data_offsets\": [0, 12]}}";
        ByteBuffer buf = ByteBuffer.allocate(8 + header.length() + 12).order(ByteOrder.LITTLE_ENDIAN);
        buf.putLong(header.length()).put(header.getBytes(StandardCharsets.UTF_8)).putFloat(1).putFloat(2).putFloat(3);
        Path f = dir.resolve("v.safetensors");
        Files.write(f, buf.array());
        var e = StateDict.read(f).get("v");
        assertEquals(1, e.rows());
        assertArrayEquals(new float[] {1, 2, 3}, e.values());
    }

    @Test
    void loadRejectsAMismatchedArchitecture(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("m.safetensors");
        StateDict.save(new Two(5, 3), f);
        var e = assertThrows(IOException.class, () -> StateDict.load(new Two(4, 3), f));
        assertTrue(e.getMessage().contains("5×3") && e.getMessage().contains("4×3"), e.getMessage());
    }

    @Test
    void malformedHeadersNameTheFileAndWhatWasExpected(@TempDir Path dir) throws IOException {
        for (String header : new String[] {"{\"v\": {\"dtype\": \"F32\", ", "[1, 2]", "        ", "{\"v\": 3}",
            "{\"v\": {\"dtype\": \"F32\", \"shape\": [\"3\"], \"data_offsets\": [0, 12]}}"}) {
            ByteBuffer buf = ByteBuffer.allocate(8 + header.length() + 12).order(ByteOrder.LITTLE_ENDIAN);
            buf.putLong(header.length()).put(header.getBytes(StandardCharsets.UTF_8));
            Path f = dir.resolve("bad.safetensors");
            Files.write(f, buf.array());
            var e = assertThrows(IOException.class, () -> StateDict.read(f), header);
            assertTrue(e.getMessage().contains(f.toString()) && e.getMessage().contains("expected"), e.getMessage());
        }
    }
}
