/** Where a world's typed arrays come from: every array is zero-filled. */
export interface ArrayAllocator {
  f64(n: number): Float64Array;
  f32(n: number): Float32Array;
  i32(n: number): Int32Array;
  u8(n: number): Uint8Array;
}

/** New arrays for every world (the default). */
export const FRESH_ARRAYS: ArrayAllocator = {
  f64: (n) => new Float64Array(n),
  f32: (n) => new Float32Array(n),
  i32: (n) => new Int32Array(n),
  u8: (n) => new Uint8Array(n),
};

/**
 * Typed arrays shared by the worlds of successive runs in one thread: each new world
 * takes back, zero-filled, the arrays of the one before. A sweep worker makes one world
 * after another; without this, each run's megabytes of fresh buffers keep V8's garbage
 * collector marking old space in the background, on the cores the other workers need.
 *
 * A world made from an arena is valid until the next world is made from it: a caller
 * that keeps a run's snapshot must not pass an arena.
 */
export interface WorldArena extends ArrayAllocator {
  /** Starts a new world: the previous world's arrays are handed out again. */
  begin(): void;
}

interface Pool<T> {
  arrays: T[];
  /** How many were handed out since begin(). */
  used: number;
}

/** Creates an empty {@link WorldArena}. */
export function createWorldArena(): WorldArena {
  const pools = new Map<string, Pool<{ fill(v: number): unknown }>>();
  const take = <T extends { fill(v: number): unknown }>(key: string, make: () => T): T => {
    let pool = pools.get(key);
    if (!pool) pools.set(key, (pool = { arrays: [], used: 0 }));
    if (pool.used < pool.arrays.length) {
      const a = pool.arrays[pool.used++] as T;
      a.fill(0);
      return a;
    }
    const a = make();
    pool.arrays.push(a);
    pool.used++;
    return a;
  };
  return {
    begin() {
      // Keep what the last world used, so a run of another size does not pile up arrays.
      for (const [key, pool] of pools) {
        if (pool.used === 0) pools.delete(key);
        pool.arrays.length = pool.used;
        pool.used = 0;
      }
    },
    f64: (n) => take(`f64:${n}`, () => new Float64Array(n)),
    f32: (n) => take(`f32:${n}`, () => new Float32Array(n)),
    i32: (n) => take(`i32:${n}`, () => new Int32Array(n)),
    u8: (n) => take(`u8:${n}`, () => new Uint8Array(n)),
  };
}
