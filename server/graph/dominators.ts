// Generic graph algorithms on integer-indexed adjacency lists, used by the SPOF analysis.

/**
 * Immediate dominators by the Cooper–Harvey–Kennedy iterative algorithm ("A Simple, Fast Dominance
 * Algorithm", 2001). Node d dominates n when every path from `root` to n passes through d.
 *
 * `succ[v]` lists v's successors. Nodes are numbered in postorder of a depth-first search from the root;
 * then, visiting nodes in reverse postorder until nothing changes, each node's immediate dominator becomes
 * the nearest common ancestor (in the current dominator tree) of its already-processed predecessors, found
 * by the two-finger `intersect` walk on postorder numbers. Returns `idom` with `idom[root] = root` and -1 for
 * nodes unreachable from the root. The DFS is iterative, so deep graphs cannot overflow the stack.
 */
export function immediateDominators(succ: readonly (readonly number[])[], root: number): Int32Array {
  const n = succ.length;
  const postNum = new Int32Array(n).fill(-1);
  const order: number[] = []; // postorder
  const visited = new Uint8Array(n);
  const stack: [number, number][] = [[root, 0]];
  visited[root] = 1;
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    const [v, i] = top;
    const next = succ[v]![i];
    if (next === undefined) {
      stack.pop();
      postNum[v] = order.length;
      order.push(v);
    } else {
      top[1] = i + 1;
      if (!visited[next]) {
        visited[next] = 1;
        stack.push([next, 0]);
      }
    }
  }
  const preds: number[][] = Array.from({ length: n }, () => []);
  for (const v of order) for (const w of succ[v]!) preds[w]!.push(v);

  const idom = new Int32Array(n).fill(-1);
  idom[root] = root;
  const intersect = (a: number, b: number): number => {
    while (a !== b) {
      while (postNum[a]! < postNum[b]!) a = idom[a]!;
      while (postNum[b]! < postNum[a]!) b = idom[b]!;
    }
    return a;
  };
  for (let changed = true; changed;) {
    changed = false;
    for (let k = order.length - 2; k >= 0; k--) {
      const b = order[k]!; // reverse postorder, root (last in postorder) skipped
      let newIdom = -1;
      for (const p of preds[b]!) {
        if (idom[p] === -1) continue;
        newIdom = newIdom === -1 ? p : intersect(p, newIdom);
      }
      if (newIdom !== -1 && idom[b] !== newIdom) {
        idom[b] = newIdom;
        changed = true;
      }
    }
  }
  return idom;
}

/**
 * Strongly connected components by Tarjan's algorithm (iterative). Returns `comp[v]`, a component number per
 * node; numbers are assigned in reverse topological order of the condensation (sinks first).
 */
export function stronglyConnected(succ: readonly (readonly number[])[]): Int32Array {
  const n = succ.length;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const comp = new Int32Array(n).fill(-1);
  const onStack = new Uint8Array(n);
  const sccStack: number[] = [];
  let counter = 0;
  let components = 0;
  for (let s = 0; s < n; s++) {
    if (index[s] !== -1) continue;
    const work: [number, number][] = [[s, 0]];
    index[s] = low[s] = counter++;
    sccStack.push(s);
    onStack[s] = 1;
    while (work.length > 0) {
      const top = work[work.length - 1]!;
      const [v, i] = top;
      const w = succ[v]![i];
      if (w !== undefined) {
        top[1] = i + 1;
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          sccStack.push(w);
          onStack[w] = 1;
          work.push([w, 0]);
        } else if (onStack[w]) low[v] = Math.min(low[v]!, index[w]!);
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low[parent[0]] = Math.min(low[parent[0]]!, low[v]!);
      if (low[v] === index[v]) {
        let x: number;
        do {
          x = sccStack.pop()!;
          onStack[x] = 0;
          comp[x] = components;
        } while (x !== v);
        components++;
      }
    }
  }
  return comp;
}
