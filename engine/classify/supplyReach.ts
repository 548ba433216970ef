/**
 * Supply-chain reach of an actor: the share of the network's other actors from which a chain of
 * supply links leads to it — its direct suppliers, their suppliers, and so on. The customer at the end
 * of a tiered chain (the pivot of a firme-réseau, DOMAIN §3) reaches its whole supplier base, a tier-1
 * supplier only its own tiers: the measure keeps telling them apart when a pivot has lost direct
 * links, because its tier-2 and tier-3 suppliers still reach it through the tier-1s that remain.
 *
 * Supply links are the directed `supply` and `subcontracting` links (supplier → customer) and `client`
 * links read reversed, as in `linkShares.ts`. reach(v) = |{u ≠ v : a directed supply path u → … → v}| /
 * (n − 1), with n the actors of the network; null when the network has no supply link or fewer than 2
 * actors. Cost: one breadth-first search per actor asked for, over the reversed supply links.
 */
import type { NetworkGraph } from "../model/graph.ts";

/** customer → its direct suppliers, over the supply links of the network. */
export function supplierLists(network: NetworkGraph): Map<string, string[]> {
  const suppliers = new Map<string, string[]>();
  network.forEachEdge((_, a, source, target) => {
    if (!a.directed || source === target) return;
    let supplier: string;
    let customer: string;
    if (a.kind === "supply" || a.kind === "subcontracting") [supplier, customer] = [source, target];
    else if (a.kind === "client") [supplier, customer] = [target, source];
    else return;
    let list = suppliers.get(customer);
    if (!list) {
      list = [];
      suppliers.set(customer, list);
    }
    list.push(supplier);
  });
  return suppliers;
}

/** The supply-chain reach of `actor` (see the module comment); `suppliers` from `supplierLists`. */
export function supplyReach(
  network: NetworkGraph,
  suppliers: ReadonlyMap<string, readonly string[]>,
  actor: string,
): number | null {
  if (suppliers.size === 0 || network.order < 2) return null;
  const seen = new Set<string>([actor]);
  const queue = [actor];
  for (let head = 0; head < queue.length; head++) {
    for (const s of suppliers.get(queue[head]) ?? []) {
      if (seen.has(s)) continue;
      seen.add(s);
      queue.push(s);
    }
  }
  return (seen.size - 1) / (network.order - 1);
}
