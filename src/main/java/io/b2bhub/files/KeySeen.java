package io.b2bhub.files;

/**
 * Remembers the keys (SKU and location) of a file's lines in two primitive arrays sized from the
 * manifest's record count, so finding a repeated key in a million lines costs about 24 MB and no
 * per-line objects. Keys are compared by a 64-bit hash; for a million keys the chance that two
 * different keys share one is about 3 in 100 million.
 */
final class KeySeen {
  private long[] hashes;
  private int[] lines;
  private int size;

  KeySeen(long expected) {
    int capacity = Integer.highestOneBit((int) Math.max(16, Math.min(expected * 2, 1 << 29))) << 1;
    hashes = new long[capacity];
    lines = new int[capacity];
  }

  /** Adds the key; returns 0, or the line that already had it. */
  int add(String sku, String location, int line) {
    if (size * 2 >= hashes.length) {
      grow();
    }
    long hash = hash(sku, location);
    int mask = hashes.length - 1;
    for (int i = index(hash, mask); ; i = (i + 1) & mask) {
      if (lines[i] == 0) {
        hashes[i] = hash;
        lines[i] = line;
        size++;
        return 0;
      }
      if (hashes[i] == hash) {
        return lines[i];
      }
    }
  }

  private void grow() {
    long[] oldHashes = hashes;
    int[] oldLines = lines;
    hashes = new long[oldHashes.length * 2];
    lines = new int[oldLines.length * 2];
    int mask = hashes.length - 1;
    for (int j = 0; j < oldHashes.length; j++) {
      if (oldLines[j] != 0) {
        int i = index(oldHashes[j], mask);
        while (lines[i] != 0) {
          i = (i + 1) & mask;
        }
        hashes[i] = oldHashes[j];
        lines[i] = oldLines[j];
      }
    }
  }

  private static int index(long hash, int mask) {
    long h = hash ^ (hash >>> 33);
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    return (int) h & mask;
  }

  /** FNV-1a over the UTF-16 chars of "sku NUL location", then a murmur finaliser. */
  private static long hash(String sku, String location) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < sku.length(); i++) {
      h = (h ^ sku.charAt(i)) * 0x100000001b3L;
    }
    h = h * 0x100000001b3L;
    for (int i = 0; i < location.length(); i++) {
      h = (h ^ location.charAt(i)) * 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }
}
