/**
 * Reading the registry's files without a store: French headers, `;` and `,`, BOM and Latin-1, EPCI codes
 * expanded to their communes, every quarantine reason with its file, line and field, and
 * read = accepted + quarantined for every file.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { InputError } from "../../engine/io/errors.ts";
import { actionId } from "../../engine/networks/actionsCsv.ts";
import { normalizeNafAnyLevel } from "../../engine/networks/networksCsv.ts";
import {
  parseRegistryFiles,
  type RegistryInput,
  type RegistryRead,
  readRegistryFiles,
} from "../../engine/networks/readRegistry.ts";
import { registryFileKind } from "../../engine/networks/registryColumns.ts";
import { resolveTerritory } from "../../engine/networks/territoryCodes.ts";
import { tempDir, writeIn } from "../helpers.ts";

const utf8 = (s: string) => new TextEncoder().encode(s);
const latin1 = (s: string) => new Uint8Array(Buffer.from(s, "latin1"));
const ACTORS = new Set(["F1", "F2", "F3", "ORG-CCI"]);

/** The communes of an EPCI as the package lists them (the test reads the data itself). */
function epciMembers(siren: string): string[] {
  const require = createRequire(import.meta.url);
  const epci = JSON.parse(
    readFileSync(require.resolve("@etalab/decoupage-administratif/data/epci.json"), "utf8"),
  ) as Array<{ code: string; membres: Array<{ code: string }> }>;
  const entry = epci.find((e) => e.code === siren);
  if (!entry) throw new Error(`no EPCI ${siren} in the package`);
  return [...new Set(entry.membres.map((m) => m.code))].sort();
}

const NETWORKS =
  "\ufeffIdentifiant;Nom;Nature;Territoire;Activités;Animateur;Création;Fin;Siège;Label\n" +
  "N1;Club Seine;Club d'entreprises;200023414 | 76540;25|25.6 | 2562a|25.62;Mme Durand;2010;;76540;\n" +
  "N2;Pôle Méca;pôle;76540|76322;;;01/03/2005;2019;;pôle de compétitivité\n" +
  "ORG-CCI;CCI Rouen;CCI;76540;;;;;;\n" +
  "N4;Sans type;;76451;;;;;;\n";

function read(inputs: RegistryInput[], actors: ReadonlySet<string> = ACTORS): RegistryRead {
  return parseRegistryFiles(inputs, { actors });
}

const balanced = (r: RegistryRead) => {
  for (const f of r.files) expect(f.read).toBe(f.accepted + f.quarantined);
  const quarantined = r.files.reduce((s, f) => s + f.quarantined, 0);
  expect(r.quarantine).toHaveLength(quarantined);
};

describe("networks file", () => {
  it("reads French headers, `;`, a BOM, types, dates, activities and expands an EPCI", () => {
    const r = read([{ file: "reseaux.csv", bytes: utf8(NETWORKS) }]);
    expect(r.files).toEqual([
      { file: "reseaux.csv", kind: "networks", read: 4, accepted: 4, quarantined: 0, ignored: [] },
    ]);
    const [n1, n2, n4, cci] = ["N1", "N2", "N4", "ORG-CCI"].map((id) =>
      r.registry.networks.find((n) => n.id === id),
    );
    // Métropole Rouen Normandie: the package's member communes; 76540 (Rouen) is one of them, so the
    // union with the commune written next to it adds nothing.
    const mrn = epciMembers("200023414");
    expect(mrn).toContain("76540");
    expect(mrn).toHaveLength(71);
    expect(n1?.territory).toEqual(mrn);
    expect(n1?.territoryGiven).toEqual(["200023414", "76540"]);
    expect(n1).toMatchObject({
      name: "Club Seine",
      type: "club",
      typeSource: "given",
      activities: ["25", "25.6", "25.62", "25.62A"],
      animator: "Mme Durand",
      founded: "2010-01-01",
      ended: null,
    });
    expect(n2).toMatchObject({
      type: "pole",
      territory: ["76322", "76540"],
      activities: [],
      founded: "2005-03-01",
      ended: "2019-12-31",
    });
    expect(cci).toMatchObject({ type: "chamber", typeSource: "given" });
    expect(n4).toMatchObject({ type: null, typeSource: null, territory: ["76451"] });
    // Networks sorted by id; the actors created are those not already known (ORG-CCI is one).
    expect(r.registry.networks.map((n) => n.id)).toEqual(["N1", "N2", "N4", "ORG-CCI"]);
    expect(r.actors.map((a) => [a.id, a.kind, a.subtype, a.commune, a.founded, a.public_label])).toEqual([
      ["N1", "network_org", "club", "76540", 2010, null],
      ["N2", "network_org", "pole", null, 2005, "pôle de compétitivité"],
      ["N4", "network_org", null, null, null, null],
    ]);
    balanced(r);
  });

  it("reads a Latin-1 file with `,`", () => {
    const text = "id,nom,type,territoire,activités\nA1,Société des Équipementiers,association,76540,29\n";
    const r = read([{ file: "latin1.csv", bytes: latin1(text) }]);
    expect(r.registry.networks[0]).toMatchObject({
      id: "A1",
      name: "Société des Équipementiers",
      type: "association",
      activities: ["29"],
    });
    expect(r.actors[0]).toMatchObject({ id: "A1", kind: "association", subtype: null });
  });

  it("quarantines a blank territory, an unknown code, type or activity, and an end before the founding", () => {
    const text =
      "id;type;territoire;activites;creation;fin\n" +
      "B1;club;;;;\n" + // line 2: blank territory
      "B2;club;76540|99999;;;\n" + // line 3: unknown commune
      "B3;club;123456789;;;\n" + // line 4: not an EPCI
      "B4;guilde;76540;;;\n" + // line 5: unknown type
      "B5;club;76540;99.1;;\n" + // line 6: accepted (99 is a NAF division, only the division is checked)
      "B6;club;76540;00;;\n" + // line 7: division 00 is outside NAF
      "B7;club;76540;;2015;2012\n" + // line 8: ends before founded
      "B8;club;76540;;;\n" + // line 9: accepted
      "B8;club;76540;;;\n"; // line 10: the same id again
    const r = read([{ file: "bad.csv", bytes: utf8(text) }]);
    const q = r.quarantine.map((x) => [x.line, x.field, x.value]);
    expect(q).toEqual([
      [2, "territory", ""],
      [3, "territory", "76540|99999"],
      [4, "territory", "123456789"],
      [5, "type", "guilde"],
      [7, "activities", "00"],
      [8, "ended", "2012"],
      [10, "id", "B8"],
    ]);
    expect(r.quarantine[0].reason).toMatch(/^blank territory/);
    expect(r.quarantine[1].reason).toContain('"99999" is not a known INSEE commune code');
    expect(r.quarantine[2].reason).toContain('"123456789" is not an EPCI SIREN code');
    expect(r.quarantine[5].reason).toBe("ends before it was founded (2015-01-01)");
    expect(r.quarantine[6].reason).toBe("network id already registered on line 9 of bad.csv");
    expect(r.quarantine.every((x) => x.file === "bad.csv")).toBe(true);
    expect(r.registry.networks.map((n) => n.id)).toEqual(["B5", "B8"]);
    expect(r.files[0]).toMatchObject({ read: 9, accepted: 2, quarantined: 7 });
    balanced(r);
  });

  it("normalises NAF codes at every level and resolves old commune codes to the current one", () => {
    expect(
      ["25", "256", "25.6", "2562", "25.62", "2562a", "25.62A", " 25 62 A "].map(normalizeNafAnyLevel),
    ).toEqual(["25", "25.6", "25.6", "25.62", "25.62", "25.62A", "25.62A", "25.62A"]);
    expect(["4", "00", "25.62AB", "C"].map(normalizeNafAnyLevel)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(resolveTerritory(["2A004", "76540", "76540"])).toEqual({
      ok: true,
      communes: ["2A004", "76540"],
      given: ["2A004", "76540"],
    });
  });
});

describe("members file", () => {
  const members =
    "adherent,reseau,date_adhesion,date_depart,provenance\n" +
    "F1,N1,2012-05-01,,annuaire\n" + // 2 accepted
    "F2,N1,2011,2014,\n" + // 3 accepted, a year alone
    "F3,N9,2015,,\n" + // 4 unknown network
    "F1,N2,2016-01-01,2015-06-30,\n" + // 5 leaves before it joins
    "ZZ,N1,2016,,\n" + // 6 unknown member
    "F1,N1,2012-05-01,2020,\n" + // 7 same identity as line 2
    "N2,N1,2018,,\n" + // 8 a network member of another network: accepted
    "F2,N1,2011\n"; // 9 wrong number of fields
  it("reads memberships as membership links and quarantines each bad row with its reason", () => {
    const r = read([
      { file: "adherents.csv", bytes: utf8(members) },
      { file: "reseaux.csv", bytes: utf8(NETWORKS) },
    ]);
    // Networks files are read first whatever the order given.
    expect(r.files.map((f) => f.kind)).toEqual(["networks", "members"]);
    expect(r.memberships.map((l) => [l.source, l.target, l.start, l.end, l.source_ref])).toEqual([
      ["F1", "N1", "2012-05-01", null, "annuaire"],
      ["F2", "N1", "2011-01-01", "2014-12-31", null],
      ["N2", "N1", "2018-01-01", null, null],
    ]);
    expect(r.memberships[0]).toMatchObject({
      kind: "membership",
      category: "non_market",
      directed: true,
      weight: 1,
    });
    expect(r.quarantine.map((x) => [x.file, x.line, x.field, x.value])).toEqual([
      ["adherents.csv", 4, "network", "N9"],
      ["adherents.csv", 5, "end", "2015-06-30"],
      ["adherents.csv", 6, "member", "ZZ"],
      ["adherents.csv", 7, "member", "F1"],
      ["adherents.csv", 9, "", "F2,N1,2011"],
    ]);
    expect(r.quarantine[0].reason).toContain("unknown network");
    expect(r.quarantine[1].reason).toBe("leaves before it joins (joined 2016-01-01)");
    expect(r.quarantine[2].reason).toContain('unknown member "ZZ"');
    expect(r.quarantine[3].reason).toBe(
      "same membership (member, network, start) as line 2 of adherents.csv",
    );
    expect(r.files[1]).toMatchObject({ read: 8, accepted: 3, quarantined: 5 });
    balanced(r);
  });

  it("accepts networks of the registry already known (e.g. in the store)", () => {
    const known = read([{ file: "reseaux.csv", bytes: utf8(NETWORKS) }]).registry;
    const r = parseRegistryFiles([{ file: "m.csv", bytes: utf8("membre;reseau\nF3;N2\n") }], {
      actors: ACTORS,
      registry: known,
    });
    expect(r.quarantine).toEqual([]);
    expect(r.memberships.map((l) => [l.source, l.target, l.start])).toEqual([["F3", "N2", null]]);
  });
});

describe("actions file", () => {
  const actions =
    "Réseau;Date;Nature;Intitulé;Participants;Présents\n" +
    "N1;2021-03-04;Réunion;AG annuelle;F1 | F2;\n" + // 2
    "N1|N2;12/05/2021;rencontre inter-réseaux;Rencontre;F1|F3|N2;\n" + // 3 joint action
    "N2;2021-06;Visite;Usine;;12\n" + // 4 attendance only
    "N1;2021-07-01;Formation;Lean;F1|XX;\n" + // 5 unknown participant
    "N1;2021-07-02;apéro;;;\n" + // 6 unknown kind
    "N1;hier;réunion;;;\n" + // 7 bad date
    "N7;2021-07-03;réunion;;;\n" + // 8 unknown network
    "N2;2021-07-04;projet;P;;douze\n"; // 9 bad attendance
  it("reads actions with French kinds, joint networks and stable ids; quarantines the bad ones", () => {
    const r = read([
      { file: "actions.csv", bytes: utf8(actions) },
      { file: "reseaux.csv", bytes: utf8(NETWORKS) },
    ]);
    expect(r.registry.actions.map((a) => [a.date, a.networks, a.kind, a.participants, a.attendance])).toEqual(
      [
        ["2021-03-04", ["N1"], "meeting", ["F1", "F2"], null],
        ["2021-05-12", ["N1", "N2"], "inter_network", ["F1", "F3", "N2"], null],
        ["2021-06-01", ["N2"], "visit", [], 12],
      ],
    );
    const first = r.registry.actions[0];
    expect(first.id).toBe(
      actionId({ networks: ["N1"], date: "2021-03-04", kind: "meeting", title: "AG annuelle" }),
    );
    expect(first.id).toMatch(/^action-[0-9a-f]{12}$/);
    // The id depends on what identifies the action, not on the order of the networks.
    expect(actionId({ networks: ["N2", "N1"], date: "d", kind: "event", title: null })).toBe(
      actionId({ networks: ["N1", "N2"], date: "d", kind: "event", title: null }),
    );
    expect(actionId({ networks: ["N1"], date: "d", kind: "event", title: "x" })).not.toBe(
      actionId({ networks: ["N1"], date: "d", kind: "event", title: "y" }),
    );
    expect(r.quarantine.map((x) => [x.line, x.field, x.value])).toEqual([
      [5, "participants", "F1|XX"],
      [6, "kind", "apéro"],
      [7, "date", "hier"],
      [8, "network", "N7"],
      [9, "attendance", "douze"],
    ]);
    expect(r.quarantine[0].reason).toBe('unknown participant "XX": not an actor');
    expect(r.quarantine[1].reason).toMatch(/^unknown action kind/);
    expect(r.quarantine[3].reason).toContain('unknown network "N7"');
    expect(r.files.find((f) => f.kind === "actions")).toMatchObject({ read: 8, accepted: 3, quarantined: 5 });
    balanced(r);
    // The same file read again gives the same ids.
    const again = read([
      { file: "reseaux.csv", bytes: utf8(NETWORKS) },
      { file: "actions.csv", bytes: utf8(actions) },
    ]);
    expect(again.registry.actions.map((a) => a.id)).toEqual(r.registry.actions.map((a) => a.id));
  });
});

describe("file roles and unreadable input", () => {
  it("tells the role from the header, or takes it forced", () => {
    expect(registryFileKind(["Membre", "Réseau"])).toBe("members");
    expect(registryFileKind(["reseau", "date", "nature"])).toBe("actions");
    expect(registryFileKind(["id", "territoire"])).toBe("networks");
    expect(registryFileKind(["id", "nom"])).toBeUndefined();
    const r = parseRegistryFiles([{ file: "x.csv", bytes: utf8("id;nom;communes\nX1;X;76540\n") }], {
      actors: ACTORS,
      kind: "networks",
    });
    expect(r.registry.networks.map((n) => n.id)).toEqual(["X1"]);
  });

  it("refuses a missing required column, an unknown role and a missing file, naming the file", () => {
    const missing = () => read([{ file: "reseaux.csv", bytes: utf8("id;type\nN1;club\n") }]);
    expect(missing).toThrow(InputError);
    expect(missing).toThrow(/reseaux\.csv: missing required column "territory"/);
    expect(() => read([{ file: "what.csv", bytes: utf8("id;nom\nN1;x\n") }])).toThrow(
      /what\.csv: cannot tell whether this is a networks, members or actions file/,
    );
    const dir = tempDir();
    expect(() => readRegistryFiles([`${dir}/absent.csv`], { actors: ACTORS })).toThrow(
      /absent\.csv: cannot be read/,
    );
    const ok = writeIn(dir, "n.csv", NETWORKS);
    expect(readRegistryFiles([ok], { actors: ACTORS }).registry.networks).toHaveLength(4);
  });

  it("applies a column mapping to the files whose fields it names, and refuses an unknown field", () => {
    const inputs = [
      { file: "n.csv", bytes: utf8("code;nom du réseau;perimetre\nX1;Club X;76540\n") },
      { file: "m.csv", bytes: utf8("membre;reseau\nF1;X1\n") },
    ];
    const r = parseRegistryFiles(inputs, { actors: ACTORS, columns: { "nom du réseau": "name" } });
    expect(r.registry.networks[0]).toMatchObject({ id: "X1", name: "Club X" });
    expect(r.memberships).toHaveLength(1);
    expect(() => parseRegistryFiles(inputs, { actors: ACTORS, columns: { x: "nome" } })).toThrow(
      /"nome" is not a field of a registry file/,
    );
  });

  it("keeps the type the typology placed when the file leaves it blank", () => {
    const known = read([{ file: "reseaux.csv", bytes: utf8(NETWORKS) }]).registry;
    const placed = {
      ...known,
      networks: known.networks.map((n) =>
        n.id === "N4" ? { ...n, type: "grappe" as const, typeSource: "typology" as const } : n,
      ),
    };
    const r = parseRegistryFiles([{ file: "reseaux.csv", bytes: utf8(NETWORKS) }], {
      actors: ACTORS,
      registry: placed,
    });
    expect(r.registry.networks.find((n) => n.id === "N4")).toMatchObject({
      type: "grappe",
      typeSource: "typology",
    });
  });
});
