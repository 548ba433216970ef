import { describe, expect, it } from "vitest";
import { decodeText, detectDelimiter, parseCsv } from "../../engine/io/csvRead.ts";
import { InputError } from "../../engine/io/errors.ts";
import { latin1 } from "../helpers.ts";

const utf8 = (s: string) => new TextEncoder().encode(s);

describe("decodeText", () => {
  it("reads UTF-8 with a BOM and drops the BOM", () => {
    const r = decodeText(utf8("\ufeffnom;commune\nCléon;76178\n"));
    expect(r).toMatchObject({ encoding: "utf-8", bom: true });
    expect(r.text.startsWith("nom")).toBe(true);
  });
  it("falls back to Windows-1252 for Latin-1 bytes", () => {
    const r = decodeText(latin1("nom;début\nCléon;2015\n"));
    expect(r.encoding).toBe("windows-1252");
    expect(r.text).toContain("début");
    expect(r.text).toContain("Cléon");
  });
});

describe("detectDelimiter", () => {
  it.each([
    ["a;b;c\n1;2,5;3\n", ";"],
    ["a,b,c\n1,2,3\n", ","],
    ["a\tb\tc\n1\t2\t3\n", "\t"],
    ["a|b\n1|2\n", "|"],
    ["just_one_column\nx\n", ","],
  ])("detects the delimiter of %j", (text, d) => {
    expect(detectDelimiter(text)).toBe(d);
  });
  it("is not fooled by decimal commas in a ;-file", () => {
    expect(detectDelimiter("source;target;weight\na;b;2,5\nb;c;1,25\n")).toBe(";");
  });
  it("ignores delimiters inside quotes", () => {
    expect(detectDelimiter('"a;b",c\n"x;y",z\n')).toBe(",");
  });
});

describe("parseCsv", () => {
  it("keeps quoted delimiters, doubled quotes and line breaks, and tracks physical lines", () => {
    const t = parseCsv(utf8('id,name\n1,"Dupont, ""fils"""\n2,"two\nlines"\n3,plain\r\n'), "f.csv");
    expect(t.header).toEqual(["id", "name"]);
    expect(t.records.map((r) => [r.line, ...r.cells])).toEqual([
      [2, "1", 'Dupont, "fils"'],
      [3, "2", "two\nlines"],
      [5, "3", "plain"],
    ]);
    expect(t.bad).toEqual([]);
  });
  it("skips blank lines without shifting line numbers", () => {
    const t = parseCsv(utf8("id\n1\n\n2\n"), "f.csv");
    expect(t.records.map((r) => r.line)).toEqual([2, 4]);
  });
  it("returns rows with the wrong number of fields as bad rows with their line", () => {
    const t = parseCsv(utf8("a;b\n1;2\n1;2;3\n4\n"), "f.csv");
    expect(t.records).toHaveLength(1);
    expect(t.bad.map((b) => [b.line, b.reason])).toEqual([
      [3, "3 fields where the header has 2"],
      [4, "1 fields where the header has 2"],
    ]);
  });
  it("quarantines a field over the limit instead of truncating it", () => {
    const t = parseCsv(utf8(`a,b\n1,${"x".repeat(50)}\n2,ok\n`), "f.csv", { maxFieldLength: 20 });
    expect(t.records.map((r) => r.cells[0])).toEqual(["2"]);
    expect(t.bad[0]).toMatchObject({ line: 2, field: "b", reason: "field longer than 20 characters" });
    expect(t.bad[0].value).toHaveLength(50);
  });
  it("reports an unterminated quote", () => {
    const t = parseCsv(utf8('a,b\n1,"never closed\n2,3\n'), "f.csv");
    expect(t.bad).toHaveLength(1);
    expect(t.bad[0]).toMatchObject({ line: 2, reason: "unterminated quoted field" });
  });
  it("fails on an empty file, naming it", () => {
    expect(() => parseCsv(utf8("  \n"), "empty.csv")).toThrow(InputError);
    expect(() => parseCsv(utf8(""), "empty.csv")).toThrow(/empty\.csv: the file is empty/);
  });
});
