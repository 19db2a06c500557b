package io.gnn4j.datasets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;

/**
 * Writes small MATLAB Level 5 files byte by byte (following the MAT-file format specification), independently of the
 * library the loader uses, so that tests can feed the loader exact sparse and dense variables.
 */
final class Mat5TestFiles {
    private static final int MI_INT8 = 1, MI_INT32 = 5, MI_UINT32 = 6, MI_DOUBLE = 9, MI_MATRIX = 14,
            MI_COMPRESSED = 15;
    private static final int MX_SPARSE = 5, MX_DOUBLE = 6;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Mat5TestFiles() {
        byte[] header = new byte[128];
        byte[] text = "MATLAB 5.0 MAT-file, written by a gnn4j test".getBytes(StandardCharsets.US_ASCII);
        java.util.Arrays.fill(header, 0, 116, (byte) ' ');
        System.arraycopy(text, 0, header, 0, text.length);
        header[124] = 0x00;
        header[125] = 0x01;
        header[126] = 'I';
        header[127] = 'M';
        out.writeBytes(header);
    }

    /** A sparse rows×cols double variable in CSC form; ir and pr may be longer than jc[cols] (padding to nzmax). */
    Mat5TestFiles sparse(String name, int rows, int cols, int[] ir, int[] jc, double[] pr, boolean compressed) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        element(body, MI_UINT32, le(8).putInt(MX_SPARSE).putInt(ir.length).array());
        element(body, MI_INT32, le(8).putInt(rows).putInt(cols).array());
        element(body, MI_INT8, name.getBytes(StandardCharsets.US_ASCII));
        element(body, MI_INT32, ints(ir));
        element(body, MI_INT32, ints(jc));
        ByteBuffer d = le(pr.length * 8);
        for (double v : pr) {
            d.putDouble(v);
        }
        element(body, MI_DOUBLE, d.array());
        return matrix(body.toByteArray(), compressed);
    }

    /** A dense rows×cols double variable (column-major values). */
    Mat5TestFiles dense(String name, int rows, int cols, double[] values) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        element(body, MI_UINT32, le(8).putInt(MX_DOUBLE).putInt(0).array());
        element(body, MI_INT32, le(8).putInt(rows).putInt(cols).array());
        element(body, MI_INT8, name.getBytes(StandardCharsets.US_ASCII));
        ByteBuffer d = le(values.length * 8);
        for (double v : values) {
            d.putDouble(v);
        }
        element(body, MI_DOUBLE, d.array());
        return matrix(body.toByteArray(), false);
    }

    Path write(Path file) throws IOException {
        Files.write(file, out.toByteArray());
        return file;
    }

    private Mat5TestFiles matrix(byte[] body, boolean compressed) {
        ByteArrayOutputStream m = new ByteArrayOutputStream();
        element(m, MI_MATRIX, body);
        if (!compressed) {
            out.writeBytes(m.toByteArray());
            return this;
        }
        Deflater z = new Deflater();
        z.setInput(m.toByteArray());
        z.finish();
        ByteArrayOutputStream zs = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        while (!z.finished()) {
            zs.write(buf, 0, z.deflate(buf));
        }
        z.end();
        // A compressed element is not padded: its tag gives the exact zlib stream length.
        out.writeBytes(le(8).putInt(MI_COMPRESSED).putInt(zs.size()).array());
        out.writeBytes(zs.toByteArray());
        return this;
    }

    private static void element(ByteArrayOutputStream to, int type, byte[] data) {
        to.writeBytes(le(8).putInt(type).putInt(data.length).array());
        to.writeBytes(data);
        to.writeBytes(new byte[(8 - data.length % 8) % 8]);
    }

    private static byte[] ints(int[] v) {
        ByteBuffer b = le(v.length * 4);
        for (int x : v) {
            b.putInt(x);
        }
        return b.array();
    }

    private static ByteBuffer le(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }
}
