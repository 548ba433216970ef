/** Escaping text for HTML element content and attribute values (the report is built as strings). */

const ENTITIES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Text safe inside an element or a double-quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** `name="value"` pairs from a record; null, undefined and false attributes are left out, true is bare. */
export function attributes(
  attrs: Readonly<Record<string, string | number | boolean | null | undefined>>,
): string {
  const parts: string[] = [];
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    parts.push(value === true ? name : `${name}="${escapeHtml(String(value))}"`);
  }
  return parts.length ? ` ${parts.join(" ")}` : "";
}

/** An anchor-safe id from any label: lower-case ASCII letters, digits and hyphens. */
export function slug(text: string): string {
  return (
    text
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "section"
  );
}
