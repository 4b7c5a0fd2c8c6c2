import type { CompiledInstance } from './compiled-instance';
import { LexFlowNetwork, packCosts } from './lexicographic-flow';
import type { RawPlacement } from './matching-result';

const S = 0;
const T = 1;
const NO_GROUPS: ReadonlyMap<number, number> = new Map();

/** The participant → place arcs of the network, as parallel arrays (tens of thousands of them). */
interface PairArcs {
  count: number;
  readonly participant: Int32Array;
  readonly place: Int32Array;
  readonly rank: Int32Array;
  readonly arc: Int32Array;
}

/**
 * Rank-maximal matching among the largest ones, with nested capacities, as a min-cost max-flow.
 *
 * Network: source → participant (capacity: placements left after pins) → place (one arc per feasible
 * pair, cost of its rank) → mentor (if the place needs one) → host → sink, with place, mentor and host
 * capacities on the arcs leaving those nodes (a place with several covering mentors gets an extra
 * node so that its own capacity still binds). A participant with several placements gets one node
 * per host with two or more candidate places, so no one is placed twice at the same host.
 *
 * Objective, lexicographic: (1) most placements — the flow is maximum; (2) most participants with at
 * least one placement (only when someone may have several; a flow that places k participants extends
 * to a maximum flow that still places them, since augmenting paths never empty a source arc, so (1)
 * and (2) do not conflict); (3) most first choices, then most second choices, … The cost of a rank-r
 * arc is the vector e₁ − e_r over the components for ranks 1..R−1 (rank R costs e₁): for a flow of
 * value F its total is (F − n₁, −n₂, …, −n_{R−1}), whose lexicographic minimum is the rank-maximal
 * profile. All costs are non-negative, so zero potentials are a valid start.
 *
 * Ties (several optimal matchings): {@link priorityTieBreak} then lets participants, in priority
 * order, improve along zero-cost cycles that leave higher-priority participants untouched.
 */
export function optimalMatching(c: CompiledInstance): RawPlacement[] {
  const P = c.participants.length;
  const isMulti = c.slots.some((s) => s > 1);
  const rankComponents = Math.max(0, c.maxRank - 1);
  const offset = isMulti ? 1 : 0;
  const components = Math.max(1, offset + rankComponents);

  // Node layout: S, T, participants, per-host groups, places, place splits, mentors, hosts.
  let next = 2 + P;
  const groupNode: ReadonlyMap<number, number>[] = [];
  for (let pi = 0; pi < P; pi++) {
    // Only participants with several placements have groups; the others share one empty map.
    if (c.slots[pi]! <= 1) {
      groupNode.push(NO_GROUPS);
      continue;
    }
    const groups = new Map<number, number>();
    const perHost = new Map<number, number>();
    for (const e of c.edges[pi]!) perHost.set(e.host, (perHost.get(e.host) ?? 0) + 1);
    for (const [h, count] of perHost) if (count > 1) groups.set(h, next++);
    groupNode.push(groups);
  }
  const placeNode = new Int32Array(c.places.length);
  for (let pl = 0; pl < c.places.length; pl++) placeNode[pl] = next++;
  const splitNode = new Int32Array(c.places.length).fill(-1);
  for (let pl = 0; pl < c.places.length; pl++) if (c.placeMentors[pl]!.length > 1) splitNode[pl] = next++;
  const mentorNode = new Int32Array(c.mentors.length);
  for (let m = 0; m < c.mentors.length; m++) mentorNode[m] = next++;
  const hostNode = new Int32Array(c.hosts.length);
  for (let h = 0; h < c.hosts.length; h++) hostNode[h] = next++;
  const n = next;

  // Every cost component of anything the solver computes stays within one unit per arc of a path.
  const { digits, pack } = packCosts(components, 4 * n + 8);
  const zero = pack([]);
  const rankCost: number[][] = [];
  for (let r = 0; r <= c.maxRank; r++) {
    const v = new Array<number>(components).fill(0);
    if (r >= 2 && rankComponents > 0) {
      v[offset] = 1;
      if (r <= c.maxRank - 1) v[offset + r - 1] = -1;
    }
    rankCost.push(pack(v));
  }
  const extraUnitCost = pack([1]);

  let pairCount = 0;
  for (const list of c.edges) pairCount += list.length;
  const net = new LexFlowNetwork(n, digits, pairCount + 3 * P + 2 * c.places.length + c.mentors.length + c.hosts.length);
  // One entry per (participant, place) arc, in insertion order (participants by priority).
  const pairArcs: PairArcs = { count: 0, participant: new Int32Array(pairCount), place: new Int32Array(pairCount), rank: new Int32Array(pairCount), arc: new Int32Array(pairCount) };
  // The first source arc of each participant (-1: none); the tie-break pass reroutes through it.
  const sourceArc = new Int32Array(P).fill(-1);
  for (let pi = 0; pi < P; pi++) {
    const slots = Math.max(0, c.slots[pi]!);
    if (slots === 0 || c.edges[pi]!.length === 0) continue;
    const u = 2 + pi;
    sourceArc[pi] = net.addArc(S, u, 1, zero);
    if (slots > 1) net.addArc(S, u, slots - 1, isMulti ? extraUnitCost : zero);
    const groups = groupNode[pi]!;
    const linked = groups.size > 0 ? new Set<number>() : null;
    for (const e of c.edges[pi]!) {
      const g = groups.get(e.host);
      let from = u;
      if (g !== undefined) {
        if (!linked!.has(g)) {
          net.addArc(u, g, 1, zero);
          linked!.add(g);
        }
        from = g;
      }
      const k = pairArcs.count++;
      pairArcs.participant[k] = pi;
      pairArcs.place[k] = e.place;
      pairArcs.rank[k] = e.rank;
      pairArcs.arc[k] = net.addArc(from, placeNode[e.place]!, 1, rankCost[e.rank]!);
    }
  }
  const mentorArcs: { place: number; mentor: number; arc: number }[] = [];
  for (let pl = 0; pl < c.places.length; pl++) {
    const h = c.placeHost[pl]!;
    if (h < 0) continue;
    const room = Math.max(0, c.placeRoom[pl]!);
    const ms = c.placeMentors[pl]!;
    if (ms.length === 0) net.addArc(placeNode[pl]!, hostNode[h]!, room, zero);
    else if (ms.length === 1) mentorArcs.push({ place: pl, mentor: ms[0]!, arc: net.addArc(placeNode[pl]!, mentorNode[ms[0]!]!, room, zero) });
    else {
      net.addArc(placeNode[pl]!, splitNode[pl]!, room, zero);
      for (const m of ms) mentorArcs.push({ place: pl, mentor: m, arc: net.addArc(splitNode[pl]!, mentorNode[m]!, room, zero) });
    }
  }
  c.mentors.forEach((m, mi) => {
    const h = c.hostIndex.get(m.hostId);
    if (h !== undefined) net.addArc(mentorNode[mi]!, hostNode[h]!, Math.max(0, c.mentorRoom[mi]!), zero);
  });
  for (let h = 0; h < c.hosts.length; h++) net.addArc(hostNode[h]!, T, Math.max(0, c.hostRoom[h]!), zero);

  net.solve(S, T);
  priorityTieBreak(c, net, pairArcs, sourceArc, groupNode, n);

  // Decode: participants at each place in priority order take the mentors' shares in id order.
  const share = new Map<number, { mentor: number; left: number }[]>();
  for (const ma of mentorArcs) {
    const f = net.flow(ma.arc);
    if (f <= 0) continue;
    const list = share.get(ma.place) ?? [];
    list.push({ mentor: ma.mentor, left: f });
    share.set(ma.place, list);
  }
  const out: RawPlacement[] = [];
  for (let k = 0; k < pairArcs.count; k++) {
    if (net.flow(pairArcs.arc[k]!) <= 0) continue;
    const place = pairArcs.place[k]!;
    let mentor: number | null = null;
    const list = share.get(place);
    if (list) {
      const slot = list.find((s) => s.left > 0);
      if (slot) {
        slot.left--;
        mentor = slot.mentor;
      }
    }
    out.push({ participant: pairArcs.participant[k]!, place, mentor, rank: pairArcs.rank[k]! });
  }
  return out;
}

/**
 * The documented tie-break among optimal matchings, in two layers:
 * 1. Solver order: arcs are inserted participant by participant in priority order (choices by rank,
 *    places by id) and both Dijkstra and Dinic scan arcs in insertion order, so equal paths favour
 *    higher-priority participants. Deterministic, but not a guarantee on its own.
 * 2. Guarantee for the unplaced: for each unplaced participant with one placement allowed, in priority
 *    order, its choices are tried best first; when a zero-cost cycle exists in the residual network
 *    through that choice that makes a lower-priority participant give up a place (and touches no
 *    higher-priority participant), it is applied. The objective is unchanged: under the final
 *    potentials every residual arc has reduced cost ≥ 0, so the cycles of cost zero are exactly the
 *    cycles of tight arcs, which is all the search walks. Result: no unplaced participant could replace
 *    a lower-priority placed one without making the rank profile worse.
 * Placed participants are not re-searched: that costs whole-graph searches per participant (seconds
 * at 10,000 participants).
 */
function priorityTieBreak(
  c: CompiledInstance,
  net: LexFlowNetwork,
  pairArcs: PairArcs,
  sourceArc: Int32Array,
  groupNode: readonly ReadonlyMap<number, number>[],
  n: number,
): void {
  const owner = new Int32Array(n).fill(-1);
  for (let pi = 0; pi < c.participants.length; pi++) {
    owner[2 + pi] = pi;
    for (const g of groupNode[pi]!.values()) owner[g] = pi;
  }
  // Pair arcs are inserted participant by participant: each one's arcs are a contiguous range.
  const firstPair = new Int32Array(c.participants.length + 1);
  for (let k = 0; k < pairArcs.count; k++) firstPair[pairArcs.participant[k]! + 1]!++;
  for (let pi = 0; pi < c.participants.length; pi++) firstPair[pi + 1]! += firstPair[pi]!;
  // Potentials do not change in this pass and pushing along tight arcs keeps them tight.
  const tight = net.tightMask();
  const mark = new Int32Array(n);
  const parentArc = new Int32Array(n);
  const queue = new Int32Array(n);
  let epoch = 0;
  // Unplaced participants all search for the same target (any lower-priority placed participant,
  // who would give up its place); the frozen set only grows, so a node that failed once stays
  // failed until a cycle changes the flow. `deadEpoch` carries those failures across participants.
  let deadEpoch = ++epoch;
  for (let pi = 0; pi < c.participants.length; pi++) {
    if (c.slots[pi]! !== 1) continue;
    const from = firstPair[pi]!;
    const to = firstPair[pi + 1]!;
    if (from === to) continue;
    const u = 2 + pi;
    let current = -1;
    for (let i = from; i < to; i++) if (net.flow(pairArcs.arc[i]!) > 0) current = i;
    const currentRank = current === -1 ? Number.MAX_SAFE_INTEGER : pairArcs.rank[current]!;
    // Only unplaced participants search (see the doc comment: full searches for placed ones cost
    // seconds on 10,000 participants). Their entry arc from S must be tight for a zero-cost cycle.
    if (current !== -1) continue;
    const isUnplaced = true;
    const sArc = sourceArc[pi]!;
    if (sArc === -1 || net.residual(sArc) <= 0 || tight[sArc] === 0) continue;
    epoch = deadEpoch;
    for (let i = from; i < to; i++) {
      const pairArc = pairArcs.arc[i]!;
      if (pairArcs.rank[i]! >= currentRank) break;
      if (net.residual(pairArc) <= 0 || tight[pairArc] === 0) continue;
      const start = net.head(pairArc);
      if (mark[start] === epoch) continue;
      mark[start] = epoch;
      let qh = 0;
      let qt = 0;
      queue[qt++] = start;
      let closing = -1;
      while (qh < qt && closing === -1) {
        const x = queue[qh++]!;
        for (const a of net.arcsFrom(x)) {
          if (net.residual(a) <= 0) continue;
          const y = net.head(a);
          if (y === u) {
            // Back into the participant: give up its current placement, or use its free slot.
            if (tight[a] === 1) { closing = a; parentArc[u] = a; break; }
            continue;
          }
          if (isUnplaced && y === S && owner[x]! > pi && tight[a] === 1) {
            // x gives up its placement to the participant: the cycle closes through S→u.
            parentArc[y] = a;
            closing = a;
            break;
          }
          if (mark[y] === epoch) continue;
          if (owner[y] !== -1 && owner[y]! <= pi) continue;
          if (tight[a] === 0) continue;
          mark[y] = epoch;
          parentArc[y] = a;
          queue[qt++] = y;
        }
      }
      if (closing === -1) continue;
      net.pushUnit(pairArc);
      let y = u;
      if (isUnplaced) {
        net.pushUnit(sArc);
        y = S;
      }
      while (y !== start) {
        const a = parentArc[y]!;
        net.pushUnit(a);
        y = net.head(a ^ 1);
      }
      deadEpoch = ++epoch;
      break;
    }
  }
}
