/**
 * A DOM for rendering Observable Plot in Node: one jsdom window, created on first use and reused
 * (creating a window costs ~50 ms). Plot only builds elements in it; the report keeps their HTML.
 */
import { JSDOM } from "jsdom";

let window: JSDOM["window"] | undefined;

/** The shared document Plot renders into. */
export function reportDocument(): Document {
  window ??= new JSDOM("<!DOCTYPE html><html><body></body></html>").window;
  return window.document;
}

/** Outer HTML of an element built in the shared document. */
export function outerHtml(element: Element): string {
  return element.outerHTML;
}
