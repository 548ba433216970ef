/**
 * A horizontal SME network captured by a larger customer: the district partly organised by a pivot
 * that DOMAIN §3's continuum places between the two forms. The averaged form score reads such a network
 * as a réseau de firmes (the SMEs' dense, clustered, informal ties outweigh one customer), so the
 * capture is tested apart on the leading pivot's evidence and turns that label into "mixed".
 *
 * The leading pivot captures the network when all hold:
 * - it is a mid-cap or large firm (INSEE size class `midcap` or `large`): the signature's "large or
 *   mid-cap firm at the centre";
 * - it holds at least `minVerticalShare` of the network's vertical market links (default 0.5): the
 *   value chain converges on it rather than running between the SMEs;
 * - it is the customer in at least `minInbound` of its supply links (default 0.8): suppliers → it.
 * In a tiered firme-réseau the pivot holds only its tier-1 links (a minority of the vertical links), so
 * the rule is only applied to networks the score calls réseau de firmes.
 */
import type { Pivot } from "./pivots.ts";

export interface CaptureOptions {
  /** Share of the network's vertical links the pivot must hold. Default 0.5. */
  minVerticalShare?: number;
  /** Share of its supply links in which it must be the customer. Default 0.8. */
  minInbound?: number;
}

export const DEFAULT_CAPTURE = { minVerticalShare: 0.5, minInbound: 0.8 } as const;

export interface Capture {
  pivot: string;
  verticalTieShare: number;
  suppliersInbound: number;
  sizeClass: "midcap" | "large";
  rule: string;
}

export function captureBy(pivot: Pivot | undefined, options: CaptureOptions = {}): Capture | null {
  const minVertical = options.minVerticalShare ?? DEFAULT_CAPTURE.minVerticalShare;
  const minInbound = options.minInbound ?? DEFAULT_CAPTURE.minInbound;
  if (!pivot) return null;
  const { sizeClass, verticalTieShare, suppliersInbound } = pivot.evidence;
  if (sizeClass !== "midcap" && sizeClass !== "large") return null;
  if (verticalTieShare === null || verticalTieShare < minVertical) return null;
  if (suppliersInbound === null || suppliersInbound < minInbound) return null;
  return {
    pivot: pivot.id,
    verticalTieShare,
    suppliersInbound,
    sizeClass,
    rule: `a ${sizeClass} firm holding ≥ ${minVertical} of the vertical links, customer in ≥ ${minInbound} of its supply links`,
  };
}
