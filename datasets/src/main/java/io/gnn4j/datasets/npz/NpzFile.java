package io.gnn4j.datasets.npz;

import io.gnn4j.datasets.DatasetFormatException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SequencedSet;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * A NumPy {@code .npz} archive (what {@code numpy.savez} / {@code savez_compressed} write): a ZIP file whose
 * members {@code <key>.npy} are {@link NpyArray}s. The archive is read into memory and its central directory
 * parsed strictly (ZIP64 size fields included); members are STORED or DEFLATE-compressed (inflated with
 * {@link Inflater}), and each one's size and CRC-32 are checked when it is read, so a damaged member raises
 * {@link DatasetFormatException} rather than yielding different numbers.
 */
public final class NpzFile {
    private static final int EOCD_SIG = 0x06054b50;
    private static final int CEN_SIG = 0x02014b50;
    private static final int LOC_SIG = 0x04034b50;
    private static final long MAX_MEMBER = Integer.MAX_VALUE - 8;

    private final Path file;
    private final byte[] bytes;
    private final Map<String, Entry> entries;

    private record Entry(String name, int method, int flags, long crc, long compressedSize, long size, long localOffset) {}

    private NpzFile(Path file, byte[] bytes, Map<String, Entry> entries) {
        this.file = file;
        this.bytes = bytes;
        this.entries = entries;
    }

    /** Reads and indexes an archive; members are decoded on {@link #get}. */
    public static NpzFile open(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        return new NpzFile(file, bytes, readCentralDirectory(file, bytes));
    }

    /** The file this archive was read from. */
    public Path file() {
        return file;
    }

    /** Array names (member names without {@code .npy}) in archive order. */
    public SequencedSet<String> keys() {
        return Collections.unmodifiableSequencedSet(new java.util.LinkedHashSet<>(entries.keySet()));
    }

    /** Whether the archive holds an array with this name. */
    public boolean has(String key) {
        return entries.containsKey(key);
    }

    /**
     * Decodes the array stored under {@code key}.
     *
     * @throws DatasetFormatException when the member is absent, damaged (CRC-32 or size mismatch, bad DEFLATE
     *                                stream) or not a valid {@code .npy}
     */
    public NpyArray get(String key) throws DatasetFormatException {
        Entry e = entries.get(key);
        if (e == null) {
            throw new DatasetFormatException(file, "array '" + key + "'", "missing; the archive holds " + entries.keySet());
        }
        String where = "member " + e.name;
        byte[] content = content(e, where);
        return NpyArray.parse(file, where, content);
    }

    private byte[] content(Entry e, String where) throws DatasetFormatException {
        long lo = e.localOffset;
        if (lo < 0 || lo + 30 > bytes.length) {
            throw new DatasetFormatException(file, where, "local header offset " + lo + " is outside the file ("
                    + bytes.length + " bytes)");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (b.getInt((int) lo) != LOC_SIG) {
            throw new DatasetFormatException(file, where, "expected a local file header signature at offset " + lo);
        }
        int nameLen = b.getShort((int) lo + 26) & 0xFFFF;
        int extraLen = b.getShort((int) lo + 28) & 0xFFFF;
        long dataStart = lo + 30 + nameLen + extraLen;
        if (dataStart + e.compressedSize > bytes.length) {
            throw new DatasetFormatException(file, where, "data of " + e.compressedSize + " bytes at offset " + dataStart
                    + " runs past the end of the file (" + bytes.length + " bytes)");
        }
        String localName = new String(bytes, (int) lo + 30, nameLen, StandardCharsets.UTF_8);
        if (!localName.equals(e.name)) {
            throw new DatasetFormatException(file, where, "local header names '" + localName + "', central directory '"
                    + e.name + "'");
        }
        byte[] out;
        if (e.method == 0) {
            if (e.compressedSize != e.size) {
                throw new DatasetFormatException(file, where, "STORED member has compressed size " + e.compressedSize
                        + " but size " + e.size);
            }
            out = java.util.Arrays.copyOfRange(bytes, (int) dataStart, (int) (dataStart + e.size));
        } else {
            out = new byte[(int) e.size];
            Inflater inf = new Inflater(true);
            try {
                inf.setInput(bytes, (int) dataStart, (int) e.compressedSize);
                int n = 0;
                while (n < out.length) {
                    int k = inf.inflate(out, n, out.length - n);
                    if (k == 0) {
                        break; // finished, starved or needs a dictionary: no further progress possible
                    }
                    n += k;
                }
                if (n != out.length || !inflaterDone(inf)) {
                    throw new DatasetFormatException(file, where, "DEFLATE stream inflates to "
                            + (n == out.length ? "more than " : "") + n + " bytes, expected " + e.size);
                }
            } catch (DataFormatException ex) {
                throw new DatasetFormatException(file, where, "corrupt DEFLATE stream: " + ex.getMessage(), ex);
            } finally {
                inf.end();
            }
        }
        CRC32 crc = new CRC32();
        crc.update(out);
        if (crc.getValue() != e.crc) {
            throw new DatasetFormatException(file, where, "CRC-32 mismatch: central directory says 0x"
                    + Long.toHexString(e.crc) + ", content has 0x" + Long.toHexString(crc.getValue()));
        }
        return out;
    }

    /** True when the stream has ended exactly (no further output pending). */
    private static boolean inflaterDone(Inflater inf) throws DataFormatException {
        if (inf.finished()) {
            return true;
        }
        byte[] probe = new byte[1];
        return inf.inflate(probe) == 0 && inf.finished();
    }

    private static Map<String, Entry> readCentralDirectory(Path file, byte[] bytes) throws DatasetFormatException {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int eocd = -1;
        for (int i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
            if (b.getInt(i) == EOCD_SIG && i + 22 + (b.getShort(i + 20) & 0xFFFF) == bytes.length) {
                eocd = i;
                break;
            }
        }
        if (eocd < 0) {
            throw new DatasetFormatException(file, "ZIP end record", "not found in the last " + Math.min(bytes.length,
                    22 + 65535) + " bytes: not a ZIP/.npz archive, or truncated");
        }
        int disk = b.getShort(eocd + 4) & 0xFFFF, cdDisk = b.getShort(eocd + 6) & 0xFFFF;
        long count = b.getShort(eocd + 10) & 0xFFFF;
        long cdSize = b.getInt(eocd + 12) & 0xFFFFFFFFL;
        long cdOffset = b.getInt(eocd + 16) & 0xFFFFFFFFL;
        if (disk != 0 || cdDisk != 0 || (b.getShort(eocd + 8) & 0xFFFF) != count) {
            throw new DatasetFormatException(file, "ZIP end record", "multi-disk archives are not supported");
        }
        if (count == 0xFFFF || cdSize == 0xFFFFFFFFL || cdOffset == 0xFFFFFFFFL) {
            // ZIP64 end record, located by the ZIP64 locator just before the classic end record.
            int loc = eocd - 20;
            if (loc < 0 || b.getInt(loc) != 0x07064b50) {
                throw new DatasetFormatException(file, "ZIP end record", "ZIP64 values without a ZIP64 locator");
            }
            long z = b.getLong(loc + 8);
            if (z < 0 || z + 56 > loc || b.getInt((int) z) != 0x06064b50) {
                throw new DatasetFormatException(file, "ZIP64 end record", "not found at offset " + z);
            }
            count = b.getLong((int) z + 32);
            cdSize = b.getLong((int) z + 40);
            cdOffset = b.getLong((int) z + 48);
        }
        if (cdOffset < 0 || cdSize < 0 || cdOffset > eocd || cdSize > eocd - cdOffset) {
            throw new DatasetFormatException(file, "ZIP central directory", "offset " + cdOffset + " + size " + cdSize
                    + " runs past the end record at " + eocd);
        }
        if (count > cdSize / 46) {
            throw new DatasetFormatException(file, "ZIP central directory", count + " entries cannot fit in " + cdSize
                    + " bytes");
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        int p = (int) cdOffset;
        int end = (int) (cdOffset + cdSize);
        for (long k = 0; k < count; k++) {
            String where = "ZIP central directory entry " + k;
            if (p + 46 > end || b.getInt(p) != CEN_SIG) {
                throw new DatasetFormatException(file, where, "expected a central header signature at offset " + p);
            }
            int flags = b.getShort(p + 8) & 0xFFFF;
            int method = b.getShort(p + 10) & 0xFFFF;
            long crc = b.getInt(p + 16) & 0xFFFFFFFFL;
            long csize = b.getInt(p + 20) & 0xFFFFFFFFL;
            long size = b.getInt(p + 24) & 0xFFFFFFFFL;
            int nameLen = b.getShort(p + 28) & 0xFFFF;
            int extraLen = b.getShort(p + 30) & 0xFFFF;
            int commentLen = b.getShort(p + 32) & 0xFFFF;
            long localOffset = b.getInt(p + 42) & 0xFFFFFFFFL;
            int next = p + 46 + nameLen + extraLen + commentLen;
            if (next > end) {
                throw new DatasetFormatException(file, where, "runs past the end of the central directory");
            }
            String name = new String(bytes, p + 46, nameLen, StandardCharsets.UTF_8);
            // ZIP64 extended information: the fields that are 0xFFFFFFFF in the header, in this order.
            int x = p + 46 + nameLen, xEnd = x + extraLen;
            while (x + 4 <= xEnd) {
                int id = b.getShort(x) & 0xFFFF, len = b.getShort(x + 2) & 0xFFFF;
                if (x + 4 + len > xEnd) {
                    throw new DatasetFormatException(file, where + " (" + name + ")", "extra field runs past its area");
                }
                if (id == 0x0001) {
                    int q = x + 4;
                    if (size == 0xFFFFFFFFL) {
                        size = q + 8 <= x + 4 + len ? b.getLong(q) : -1;
                        q += 8;
                    }
                    if (csize == 0xFFFFFFFFL) {
                        csize = q + 8 <= x + 4 + len ? b.getLong(q) : -1;
                        q += 8;
                    }
                    if (localOffset == 0xFFFFFFFFL) {
                        localOffset = q + 8 <= x + 4 + len ? b.getLong(q) : -1;
                    }
                }
                x += 4 + len;
            }
            if ((flags & 1) != 0) {
                throw new DatasetFormatException(file, where + " (" + name + ")", "encrypted members are not supported");
            }
            if (method != 0 && method != 8) {
                throw new DatasetFormatException(file, where + " (" + name + ")", "compression method " + method
                        + ", expected 0 (STORED) or 8 (DEFLATE)");
            }
            if (size < 0 || csize < 0 || size > MAX_MEMBER || csize > MAX_MEMBER || localOffset < 0) {
                throw new DatasetFormatException(file, where + " (" + name + ")", "sizes " + csize + "/" + size
                        + " or offset " + localOffset + " out of range (limit " + MAX_MEMBER + " bytes)");
            }
            if (method == 8 && size > 1032L * csize + 1024) {
                throw new DatasetFormatException(file, where + " (" + name + ")", "declared size " + size
                        + " exceeds what " + csize + " DEFLATE bytes can hold");
            }
            if (!name.endsWith(".npy")) {
                throw new DatasetFormatException(file, where, "member '" + name + "' is not a .npy array");
            }
            String key = name.substring(0, name.length() - 4);
            if (entries.put(key, new Entry(name, method, flags, crc, csize, size, localOffset)) != null) {
                throw new DatasetFormatException(file, where, "duplicate member '" + name + "'");
            }
            p = next;
        }
        if (p != end) {
            throw new DatasetFormatException(file, "ZIP central directory", count + " entries end at offset " + p
                    + ", directory ends at " + end);
        }
        return entries;
    }

    @Override
    public String toString() {
        return "NpzFile(" + file + ", " + entries.keySet() + ")";
    }
}
