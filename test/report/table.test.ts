/** Sortable tables: one row per record, raw values for sorting, formatted values shown, no NaN. */
import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { formatChange, formatDecimal, formatInteger, formatPercent } from "../../engine/report/format.ts";
import { SORT_SCRIPT } from "../../engine/report/html.ts";
import { sortableTable } from "../../engine/report/table.ts";

interface Row {
  name: string;
  jobs: number | null;
  lq: number | null;
}
const rows: Row[] = [
  { name: "Cléon <usine>", jobs: 3502, lq: 12.345 },
  { name: "Le Trait", jobs: null, lq: Number.NaN },
  { name: "Elbeuf", jobs: 120, lq: 1.5 },
];
const html = () =>
  sortableTable<Row>(
    [
      { label: "Commune", value: (r) => r.name },
      { label: "Jobs", value: (r) => r.jobs, format: "integer", title: "salaried jobs" },
      { label: "LQ", value: (r) => r.lq, format: "decimal", digits: 2 },
    ],
    rows,
    { id: "communes", caption: "Communes" },
  );

describe("number formats (English, one convention)", () => {
  it("formats integers, decimals, shares and changes, with a dash for undefined values", () => {
    expect(formatInteger(183731)).toBe("183,731");
    expect(formatDecimal(1.5)).toBe("1.50");
    expect(formatPercent(0.125)).toBe("12.5%");
    expect(formatChange(0.42)).toBe("+0.42");
    expect(formatChange(-0.1)).toBe("\u22120.10");
    expect(formatChange(0.0001)).toBe("0.00");
    for (const f of [formatInteger, formatDecimal, formatPercent, formatChange]) {
      expect(f(null)).toBe("—");
      expect(f(Number.NaN)).toBe("—");
    }
  });
});

describe("sortableTable", () => {
  it("has one row per record, escaped text, formatted numbers and raw sort values", () => {
    const doc = new JSDOM(html()).window.document;
    const table = doc.querySelector("table#communes.sortable");
    expect(table).not.toBeNull();
    expect(doc.querySelectorAll("thead th")).toHaveLength(3);
    expect(doc.querySelector("thead th:nth-child(2)")?.getAttribute("title")).toBe("salaried jobs");
    const trs = doc.querySelectorAll("tbody tr");
    expect(trs).toHaveLength(3);
    const first = trs[0].querySelectorAll("td");
    expect(first[0].textContent).toBe("Cléon <usine>");
    expect(first[1].textContent).toBe("3,502");
    expect(first[1].getAttribute("data-sort")).toBe("3502");
    expect(first[2].textContent).toBe("12.35");
    const second = trs[1].querySelectorAll("td");
    expect(second[1].textContent).toBe("—");
    expect(second[1].getAttribute("data-sort")).toBe("");
    expect(second[2].getAttribute("data-sort")).toBe("");
    expect(html()).not.toMatch(/NaN/);
  });

  it("sorts by a column when its header is clicked, undefined values last", () => {
    const dom = new JSDOM(`<body>${html()}<script>${SORT_SCRIPT}</script></body>`, {
      runScripts: "dangerously",
    });
    const doc = dom.window.document;
    const names = () => [...doc.querySelectorAll("tbody tr td:first-child")].map((td) => td.textContent);
    const jobsButton = doc.querySelector("thead th:nth-child(2) button") as HTMLButtonElement;
    jobsButton.click();
    expect(doc.querySelector("thead th:nth-child(2)")?.getAttribute("aria-sort")).toBe("descending");
    expect(names()).toEqual(["Cléon <usine>", "Elbeuf", "Le Trait"]);
    jobsButton.click();
    expect(names()).toEqual(["Elbeuf", "Cléon <usine>", "Le Trait"]);
    (doc.querySelector("thead th:nth-child(1) button") as HTMLButtonElement).click();
    expect(names()).toEqual(["Le Trait", "Elbeuf", "Cléon <usine>"]);
  });

  it("shows the first rows only when limited, and says how many there are", () => {
    const doc = new JSDOM(
      sortableTable<Row>([{ label: "Commune", value: (r) => r.name }], rows, { id: "t", limit: 2 }),
    ).window.document;
    expect(doc.querySelectorAll("tbody tr")).toHaveLength(2);
    expect(doc.querySelector("p.note")?.textContent).toContain("2 of 3 rows shown");
  });
});
