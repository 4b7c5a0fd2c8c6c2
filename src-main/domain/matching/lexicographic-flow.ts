/**
 * Minimum-cost maximum flow where costs are vectors compared lexicographically.
 *
 * Why vectors: the optimal matching minimises (−firsts, −seconds, …) in that order. Weighting ranks
 * by powers of a big base overflows doubles for 10 choices and a few hundred participants, so costs
 * are vectors of integer components, packed `perDigit` components to a float64 "digit" with a base
 * large enough that packed digits compare like the vectors they hold (every integer stays below
 * 2^53, so arithmetic is exact). Lexicographically ordered integer vectors form an ordered group, and
 * the primal-dual algorithm below only adds, subtracts and compares costs, so its classic proof holds
 * unchanged.
 *
 * Algorithm (primal-dual successive shortest paths): keep potentials π with every residual arc of
 * non-negative reduced cost. Each phase runs Dijkstra on reduced costs (stopping at the sink), raises
 * π by min(dist, dist(sink)) — which keeps all reduced costs non-negative and makes every shortest path
 * zero-cost — and then sends a blocking max flow (Dinic) over the zero-reduced-cost arcs, marked once
 * per phase in a mask (pushing flow along a tight arc keeps it and its reverse tight). Invariant
 * after each phase: the flow is a minimum-cost flow of its value. The loop ends when the sink is
 * unreachable, so the result is a minimum-cost maximum flow. Phases are few because the number of
 * distinct shortest-path costs is small (they are short vectors of small integers).
 *
 * Speed: when the vectors pack into one float64 digit (up to 3 or 4 ranks on 10,000 participants) the
 * shortest-path step uses plain numbers and a scalar heap instead of vector comparisons; the
 * arithmetic is the same exact integer arithmetic, so the result does not change.
 */
export class LexFlowNetwork {
  readonly digits: number;
  private readonly nodeCount: number;
  /** Arcs so far; arc `a` and its reverse `a ^ 1` are stored side by side. */
  private arcCount = 0;
  // Filled by addArc in growable typed arrays (plain arrays of 100,000 arcs cost a lot of GC).
  private tail: Int32Array;
  private arcTo: Int32Array;
  private cap: Int32Array;
  private cost: Float64Array;
  private adjStart: Int32Array = new Int32Array(0);
  private adj: Int32Array = new Int32Array(0);
  /** Potentials, `digits` per node; valid duals after {@link solve}. */
  potential: Float64Array = new Float64Array(0);

  /** `digits`: float64 words per cost vector (see {@link packCosts}); `arcHint`: expected number of addArc calls. */
  constructor(nodeCount: number, digits: number, arcHint = 16) {
    this.nodeCount = nodeCount;
    this.digits = digits;
    const room = 2 * Math.max(8, arcHint);
    this.tail = new Int32Array(room);
    this.arcTo = new Int32Array(room);
    this.cap = new Int32Array(room);
    this.cost = new Float64Array(room * digits);
  }

  private grow(): void {
    const room = this.tail.length * 2;
    const widen = (a: Int32Array): Int32Array => {
      const b = new Int32Array(room);
      b.set(a);
      return b;
    };
    this.tail = widen(this.tail);
    this.arcTo = widen(this.arcTo);
    this.cap = widen(this.cap);
    const cost = new Float64Array(room * this.digits);
    cost.set(this.cost);
    this.cost = cost;
  }

  /**
   * Adds an arc u→v with capacity and packed cost (`digits` words, non-negative lexicographically
   * for a valid start with zero potentials). Returns the arc id; its reverse is `id ^ 1`.
   * Arcs leave a node in insertion order: that order is the documented tie-break between equal
   * shortest paths, so callers insert in priority order.
   */
  addArc(u: number, v: number, capacity: number, cost: readonly number[]): number {
    const id = this.arcCount;
    if (id + 2 > this.tail.length) this.grow();
    this.arcCount += 2;
    this.tail[id] = u;
    this.tail[id + 1] = v;
    this.arcTo[id] = v;
    this.arcTo[id + 1] = u;
    this.cap[id] = Math.max(0, capacity);
    this.cap[id + 1] = 0;
    const D = this.digits;
    for (let k = 0; k < D; k++) {
      const c = cost[k] ?? 0;
      this.cost[id * D + k] = c;
      this.cost[(id + 1) * D + k] = -c;
    }
    return id;
  }

  /** Units of flow on arc `id` after solving. */
  flow(id: number): number {
    return this.cap[id ^ 1]!;
  }

  /** Residual capacity of arc `id`. */
  residual(id: number): number {
    return this.cap[id]!;
  }

  private build(): void {
    const m = this.arcCount;
    this.tail = this.tail.subarray(0, m);
    this.arcTo = this.arcTo.subarray(0, m);
    this.cap = this.cap.subarray(0, m);
    this.cost = this.cost.subarray(0, m * this.digits);
    const start = new Int32Array(this.nodeCount + 1);
    for (let a = 0; a < m; a++) start[this.tail[a]! + 1]!++;
    for (let v = 0; v < this.nodeCount; v++) start[v + 1]! += start[v]!;
    const fill = start.slice(0, this.nodeCount);
    const adj = new Int32Array(m);
    for (let a = 0; a < m; a++) adj[fill[this.tail[a]!]!++] = a;
    this.adjStart = start;
    this.adj = adj;
    this.potential = new Float64Array(this.nodeCount * this.digits);
  }

  /** Head of arc `a`. */
  head(a: number): number {
    return this.arcTo[a]!;
  }

  /** Arc ids leaving `u`, in insertion order. */
  arcsFrom(u: number): Int32Array {
    return this.adj.subarray(this.adjStart[u]!, this.adjStart[u + 1]!);
  }

  /** Pushes one unit along arc `a` (used by the tie-break pass for zero-cost cycles). */
  pushUnit(a: number): void {
    this.cap[a]! -= 1;
    this.cap[a ^ 1]! += 1;
  }

  /**
   * Marks the arcs of zero reduced cost under the current potentials (whatever their residual
   * capacity). Pushing flow along tight arcs keeps them tight and makes their reverses tight, so
   * the mask stays valid until the potentials change.
   */
  tightMask(out?: Uint8Array): Uint8Array {
    const D = this.digits;
    const m = this.arcTo.length;
    const mask = out ?? new Uint8Array(m);
    const { arcTo, cost, potential: pot } = this;
    if (D === 1) {
      for (let a = 0; a < m; a++) mask[a] = cost[a]! + pot[arcTo[a ^ 1]!]! - pot[arcTo[a]!]! === 0 ? 1 : 0;
      return mask;
    }
    for (let a = 0; a < m; a++) {
      const ud = arcTo[a ^ 1]! * D;
      const vd = arcTo[a]! * D;
      let isZero = 1;
      for (let k = 0; k < D && isZero === 1; k++) if (cost[a * D + k]! + pot[ud + k]! - pot[vd + k]! !== 0) isZero = 0;
      mask[a] = isZero;
    }
    return mask;
  }

  /** Solves for a minimum-cost maximum flow from `s` to `t`; returns its value. */
  solve(s: number, t: number): number {
    this.build();
    const n = this.nodeCount;
    const D = this.digits;
    const dist = new Float64Array(n * D);
    const state = new Uint8Array(n); // 0 unreached, 1 in heap, 2 final
    const tight = new Uint8Array(this.adj.length);
    const work = { level: new Int32Array(n), iter: new Int32Array(n), queue: new Int32Array(n), stackArc: new Int32Array(n) };
    const scalarHeap = D === 1 ? new ScalarHeap(this.adj.length + n) : null;
    const lexHeap = D === 1 ? null : new LexHeap(D, this.adj.length + n);
    const pot = this.potential;
    let total = 0;

    for (;;) {
      const reachedSink = scalarHeap
        ? this.scalarShortestPaths(s, t, dist, state, scalarHeap)
        : this.lexShortestPaths(s, t, dist, state, lexHeap!);
      if (!reachedSink) break;
      // π += min(dist, dist(t)): unreached and not-yet-final nodes get dist(t), which keeps every
      // residual reduced cost non-negative and leaves exactly the shortest paths tight.
      const td = t * D;
      for (let v = 0; v < n; v++) {
        const src = state[v] === 2 ? v * D : td;
        for (let k = 0; k < D; k++) pot[v * D + k]! += dist[src + k]!;
      }
      this.tightMask(tight);
      total += this.blockingFlow(s, t, tight, work);
    }
    return total;
  }

  /** Dijkstra on reduced costs for one-digit costs (plain numbers); stops when `t` is final. */
  private scalarShortestPaths(s: number, t: number, dist: Float64Array, state: Uint8Array, heap: ScalarHeap): boolean {
    const { cap, arcTo, cost, adjStart, adj, potential: pot } = this;
    state.fill(0);
    heap.clear();
    dist[s] = 0;
    state[s] = 1;
    heap.push(s, 0);
    while (heap.size > 0) {
      const u = heap.pop();
      if (state[u] === 2) continue;
      state[u] = 2;
      if (u === t) return true;
      const base = dist[u]! + pot[u]!;
      for (let i = adjStart[u]!, end = adjStart[u + 1]!; i < end; i++) {
        const a = adj[i]!;
        if (cap[a]! <= 0) continue;
        const v = arcTo[a]!;
        const sv = state[v]!;
        if (sv === 2) continue;
        const c = base + cost[a]! - pot[v]!;
        if (sv === 0 || c < dist[v]!) {
          dist[v] = c;
          state[v] = 1;
          heap.push(v, c);
        }
      }
    }
    return false;
  }

  /** Dijkstra on reduced costs for multi-digit costs (compared lexicographically); stops when `t` is final. */
  private lexShortestPaths(s: number, t: number, dist: Float64Array, state: Uint8Array, heap: LexHeap): boolean {
    const D = this.digits;
    const { cap, arcTo, cost, adjStart, adj, potential: pot } = this;
    const cand = new Float64Array(D);
    state.fill(0);
    heap.clear();
    for (let k = 0; k < D; k++) dist[s * D + k] = 0;
    state[s] = 1;
    heap.push(s, dist, s * D);
    while (heap.size > 0) {
      const u = heap.pop();
      if (state[u] === 2) continue;
      state[u] = 2;
      if (u === t) return true;
      const ud = u * D;
      for (let i = adjStart[u]!, end = adjStart[u + 1]!; i < end; i++) {
        const a = adj[i]!;
        if (cap[a]! <= 0) continue;
        const v = arcTo[a]!;
        if (state[v] === 2) continue;
        const vd = v * D;
        const ad = a * D;
        let cmp = 0;
        for (let k = 0; k < D; k++) {
          const c = dist[ud + k]! + cost[ad + k]! + pot[ud + k]! - pot[vd + k]!;
          cand[k] = c;
          if (cmp === 0 && state[v] === 1) cmp = c < dist[vd + k]! ? -1 : c > dist[vd + k]! ? 1 : 0;
        }
        if (state[v] === 0 || cmp < 0) {
          for (let k = 0; k < D; k++) dist[vd + k] = cand[k]!;
          state[v] = 1;
          heap.push(v, dist, vd);
        }
      }
    }
    return false;
  }

  /** Dinic over the tight arcs with residual capacity until `t` is cut off; returns the flow sent. */
  private blockingFlow(
    s: number,
    t: number,
    tight: Uint8Array,
    work: { level: Int32Array; iter: Int32Array; queue: Int32Array; stackArc: Int32Array },
  ): number {
    const { cap, arcTo, adjStart, adj } = this;
    const { level, iter, queue, stackArc } = work;
    const n = this.nodeCount;
    let total = 0;
    for (;;) {
      level.fill(-1);
      level[s] = 0;
      let qh = 0;
      let qt = 0;
      queue[qt++] = s;
      while (qh < qt) {
        const u = queue[qh++]!;
        // Nodes at the sink's level or beyond lie on no shortest path to it.
        if (level[t] !== -1 && level[u]! >= level[t]!) break;
        const lu = level[u]! + 1;
        for (let i = adjStart[u]!, end = adjStart[u + 1]!; i < end; i++) {
          const a = adj[i]!;
          if (cap[a]! <= 0 || tight[a] === 0) continue;
          const v = arcTo[a]!;
          if (level[v] !== -1) continue;
          level[v] = lu;
          queue[qt++] = v;
        }
      }
      if (level[t] === -1) return total;
      for (let v = 0; v < n; v++) iter[v] = adjStart[v]!;
      // Iterative DFS along level-increasing tight arcs; dead ends leave the level graph.
      let depth = 0;
      let u = s;
      for (;;) {
        if (u === t) {
          let bottleneck = Infinity;
          for (let d = 0; d < depth; d++) bottleneck = Math.min(bottleneck, cap[stackArc[d]!]!);
          let cut = -1;
          for (let d = 0; d < depth; d++) {
            const a = stackArc[d]!;
            cap[a]! -= bottleneck;
            cap[a ^ 1]! += bottleneck;
            if (cut === -1 && cap[a] === 0) cut = d;
          }
          total += bottleneck;
          depth = cut === -1 ? 0 : cut;
          u = depth === 0 ? s : arcTo[stackArc[depth - 1]!]!;
          continue;
        }
        let advanced = false;
        const end = adjStart[u + 1]!;
        const next = level[u]! + 1;
        while (iter[u]! < end) {
          const a = adj[iter[u]!]!;
          if (cap[a]! > 0 && tight[a] === 1 && level[arcTo[a]!] === next) {
            stackArc[depth++] = a;
            u = arcTo[a]!;
            advanced = true;
            break;
          }
          iter[u]!++;
        }
        if (advanced) continue;
        if (u === s) break;
        level[u] = -1;
        depth--;
        const back = stackArc[depth]!;
        u = arcTo[back ^ 1]!;
        iter[u]!++;
      }
    }
  }
}

/** Binary min-heap of nodes keyed by one float64 (ties: smaller node); lazy deletion by the caller. */
class ScalarHeap {
  private nodes: Int32Array;
  private keys: Float64Array;
  size = 0;

  constructor(capacity: number) {
    this.nodes = new Int32Array(Math.max(1, capacity));
    this.keys = new Float64Array(Math.max(1, capacity));
  }

  clear(): void {
    this.size = 0;
  }

  push(node: number, key: number): void {
    if (this.size === this.nodes.length) {
      const nodes = new Int32Array(this.nodes.length * 2);
      nodes.set(this.nodes);
      const keys = new Float64Array(this.keys.length * 2);
      keys.set(this.keys);
      this.nodes = nodes;
      this.keys = keys;
    }
    const { nodes, keys } = this;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pk = keys[parent]!;
      if (pk < key || (pk === key && nodes[parent]! < node)) break;
      nodes[i] = nodes[parent]!;
      keys[i] = pk;
      i = parent;
    }
    nodes[i] = node;
    keys[i] = key;
  }

  pop(): number {
    const { nodes, keys } = this;
    const top = nodes[0]!;
    const size = --this.size;
    if (size > 0) {
      const node = nodes[size]!;
      const key = keys[size]!;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= size) break;
        let m = l;
        const r = l + 1;
        if (r < size && (keys[r]! < keys[l]! || (keys[r] === keys[l] && nodes[r]! < nodes[l]!))) m = r;
        if (keys[m]! > key || (keys[m] === key && nodes[m]! > node)) break;
        nodes[i] = nodes[m]!;
        keys[i] = keys[m]!;
        i = m;
      }
      nodes[i] = node;
      keys[i] = key;
    }
    return top;
  }
}

/** Binary min-heap of nodes keyed by packed cost vectors (lexicographic); lazy deletion by the caller. */
class LexHeap {
  private readonly d: number;
  private nodes: Int32Array;
  private keys: Float64Array;
  size = 0;

  constructor(d: number, capacity: number) {
    this.d = d;
    this.nodes = new Int32Array(Math.max(1, capacity));
    this.keys = new Float64Array(Math.max(1, capacity) * d);
  }

  clear(): void {
    this.size = 0;
  }

  private less(i: number, j: number): boolean {
    const d = this.d;
    for (let k = 0; k < d; k++) {
      const a = this.keys[i * d + k]!;
      const b = this.keys[j * d + k]!;
      if (a !== b) return a < b;
    }
    return this.nodes[i]! < this.nodes[j]!;
  }

  private swap(i: number, j: number): void {
    const d = this.d;
    const n = this.nodes[i]!;
    this.nodes[i] = this.nodes[j]!;
    this.nodes[j] = n;
    for (let k = 0; k < d; k++) {
      const t = this.keys[i * d + k]!;
      this.keys[i * d + k] = this.keys[j * d + k]!;
      this.keys[j * d + k] = t;
    }
  }

  push(node: number, src: Float64Array, offset: number): void {
    if (this.size === this.nodes.length) {
      const nodes = new Int32Array(this.nodes.length * 2);
      nodes.set(this.nodes);
      const keys = new Float64Array(this.keys.length * 2);
      keys.set(this.keys);
      this.nodes = nodes;
      this.keys = keys;
    }
    let i = this.size++;
    this.nodes[i] = node;
    for (let k = 0; k < this.d; k++) this.keys[i * this.d + k] = src[offset + k]!;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  pop(): number {
    const top = this.nodes[0]!;
    this.size--;
    if (this.size > 0) {
      this.swap(0, this.size);
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < this.size && this.less(l, m)) m = l;
        if (r < this.size && this.less(r, m)) m = r;
        if (m === i) break;
        this.swap(i, m);
        i = m;
      }
    }
    return top;
  }
}

/**
 * Packs integer cost vectors of `components` entries, each bounded by `bound` in absolute value for
 * every quantity the solver computes, into float64 digits. Returns the number of digits and a packer.
 * Invariant: base > 2·bound and base^perDigit ≤ 2^53, so packed digits compare like the vectors.
 */
export function packCosts(components: number, bound: number): { digits: number; pack: (vector: readonly number[]) => number[] } {
  const base = 2 * bound + 1;
  let perDigit = 0;
  let power = 1;
  while (power * base <= 2 ** 53) {
    power *= base;
    perDigit++;
  }
  if (perDigit === 0) throw new Error('Instance too large for exact costs.');
  const digits = Math.max(1, Math.ceil(components / perDigit));
  const pack = (vector: readonly number[]): number[] => {
    const out: number[] = [];
    for (let d = 0; d < digits; d++) {
      let value = 0;
      for (let j = 0; j < perDigit; j++) value = value * base + (vector[d * perDigit + j] ?? 0);
      out.push(value);
    }
    return out;
  };
  return { digits, pack };
}
