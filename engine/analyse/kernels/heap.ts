/**
 * An indexed binary min-heap of node indices keyed by a distance, with decrease-key: Dijkstra's
 * priority queue on typed arrays (no per-entry objects). Ties on the key pop the smaller index first,
 * so that a run is deterministic whatever the insertion order.
 */
export class IndexedMinHeap {
  private readonly heap: Int32Array;
  /** Position of each node in `heap`, or -1 when absent. */
  private readonly position: Int32Array;
  private readonly key: Float64Array;
  size = 0;

  constructor(capacity: number) {
    this.heap = new Int32Array(capacity);
    this.position = new Int32Array(capacity).fill(-1);
    this.key = new Float64Array(capacity);
  }

  clear(): void {
    for (let i = 0; i < this.size; i++) this.position[this.heap[i]] = -1;
    this.size = 0;
  }

  has(node: number): boolean {
    return this.position[node] >= 0;
  }

  /** Insert a node or lower its key (a higher key is ignored). */
  push(node: number, key: number): void {
    const at = this.position[node];
    if (at >= 0) {
      if (key >= this.key[node]) return;
      this.key[node] = key;
      this.up(at);
      return;
    }
    this.key[node] = key;
    this.heap[this.size] = node;
    this.position[node] = this.size;
    this.up(this.size++);
  }

  /** Remove and return the node with the smallest key. */
  pop(): number {
    const top = this.heap[0];
    this.position[top] = -1;
    const last = this.heap[--this.size];
    if (this.size > 0) {
      this.heap[0] = last;
      this.position[last] = 0;
      this.down(0);
    }
    return top;
  }

  private less(a: number, b: number): boolean {
    const ka = this.key[a];
    const kb = this.key[b];
    return ka < kb || (ka === kb && a < b);
  }

  private up(at: number): void {
    const { heap, position } = this;
    const node = heap[at];
    while (at > 0) {
      const parent = (at - 1) >> 1;
      const p = heap[parent];
      if (!this.less(node, p)) break;
      heap[at] = p;
      position[p] = at;
      at = parent;
    }
    heap[at] = node;
    position[node] = at;
  }

  private down(at: number): void {
    const { heap, position } = this;
    const node = heap[at];
    const size = this.size;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= size) break;
      if (child + 1 < size && this.less(heap[child + 1], heap[child])) child++;
      const c = heap[child];
      if (!this.less(c, node)) break;
      heap[at] = c;
      position[c] = at;
      at = child;
    }
    heap[at] = node;
    position[node] = at;
  }
}
