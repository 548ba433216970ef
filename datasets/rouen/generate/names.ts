/**
 * Invented names for firms and persons. Surnames are built from syllables rather than taken from a
 * list of real surnames, so that no row can be read as naming a real person or firm; first names are
 * common French given names, which identify nobody on their own. A `NameBook` keeps names unique
 * across the whole dataset; each structure draws from its own random stream, so the book only makes
 * later structures depend on earlier ones, never the reverse.
 */
import type { Rng } from "../../../engine/random/prng.ts";
import { bernoulli, pick } from "../../../engine/random/sampling.ts";

const ONSETS = [
  "Bar",
  "Ber",
  "Bran",
  "Cal",
  "Cor",
  "Dal",
  "Des",
  "Fau",
  "Gar",
  "Jou",
  "Lan",
  "Mal",
  "Mer",
  "Mor",
  "Pel",
  "Quen",
  "Ren",
  "Sal",
  "Tes",
  "Val",
  "Ver",
  "Vil",
  "Bou",
  "Cha",
  "Dro",
  "Gui",
  "Hal",
  "Lor",
  "Mon",
  "Ro",
  "Tré",
  "Bel",
  "Cro",
  "Fer",
  "Gau",
  "Lé",
  "Pra",
  "Sau",
] as const;
/** Middles end in a consonant (or are empty) so that no vowel cluster like "ouou" appears. */
const MIDDLES = ["", "", "", "", "an", "el", "er", "ar", "in", "ol", "um"] as const;
const ENDINGS = [
  "lin",
  "ard",
  "ois",
  "ier",
  "on",
  "et",
  "aud",
  "eau",
  "ville",
  "mont",
  "court",
  "ec",
  "and",
  "y",
  "ot",
  "elle",
  "isse",
  "ange",
  "oux",
  "ès",
] as const;

/** Consonants that join a vowel-final part to a vowel-initial one ("Sau" + "anet" → "Sauvanet"). */
const LINKS = ["l", "r", "v", "n", "d", "m"] as const;
const VOWEL_END = /[aeiouyéèê]$/;
const VOWEL_START = /^[aeiouyéèê]/;

/** An invented surname such as "Berlandier" or "Valmont" (one to three syllables). */
export function inventSurname(rng: Rng): string {
  let name = pick(rng, ONSETS);
  for (const part of [pick(rng, MIDDLES), pick(rng, ENDINGS)]) {
    if (part === "") continue;
    name += VOWEL_END.test(name) && VOWEL_START.test(part) ? pick(rng, LINKS) + part : part;
  }
  return name;
}

export const FIRST_NAMES = [
  "Camille",
  "Nicolas",
  "Sophie",
  "Julien",
  "Claire",
  "Thomas",
  "Isabelle",
  "Mathieu",
  "Nathalie",
  "Antoine",
  "Hélène",
  "Sébastien",
  "Aurélie",
  "Pierre",
  "Émilie",
  "Jean-Marc",
  "Céline",
  "François",
  "Laure",
  "Olivier",
  "Marion",
  "Stéphane",
  "Anne-Sophie",
  "Guillaume",
  "Élodie",
  "Vincent",
  "Karine",
  "Benoît",
  "Virginie",
  "Jérôme",
  "Sandrine",
  "Frédéric",
  "Chloé",
  "Romain",
  "Agnès",
  "Maxime",
  "Bérénice",
  "Hugo",
  "Léa",
  "Yannick",
  "Inès",
  "Karim",
  "Amélie",
  "Damien",
  "Jean-Luc",
  "Mélanie",
  "Bruno",
  "Sarah",
  "Lucas",
  "Valérie",
] as const;

/** Short activity words by NAF division, used in firm names. */
const ACTIVITY_WORDS: Readonly<Record<string, readonly string[]>> = {
  "01": ["Cultures", "Agri"],
  "10": ["Saveurs", "Alimentaire", "Boulangerie"],
  "11": ["Boissons"],
  "13": ["Textiles"],
  "14": ["Confection"],
  "16": ["Bois", "Menuiserie"],
  "17": ["Cartonnages"],
  "18": ["Imprimerie"],
  "20": ["Chimie"],
  "21": ["Pharma"],
  "22": ["Plastiques", "Caoutchouc"],
  "23": ["Matériaux", "Béton"],
  "24": ["Fonderie", "Métallurgie"],
  "25": ["Mécanique", "Usinage", "Tôlerie", "Traitements de surface"],
  "26": ["Électronique"],
  "27": ["Électrotechnique", "Câblage"],
  "28": ["Machines", "Équipements industriels"],
  "29": ["Équipements automobiles", "Carrosserie"],
  "30": ["Mobilité"],
  "31": ["Meubles"],
  "32": ["Fabrications"],
  "33": ["Maintenance industrielle", "Réparation"],
  "35": ["Énergies"],
  "36": ["Eaux"],
  "37": ["Assainissement"],
  "38": ["Recyclage", "Environnement"],
  "41": ["Construction", "Bâtisseurs"],
  "42": ["Travaux publics", "Réseaux"],
  "43": ["Bâtiment", "Maçonnerie", "Électricité", "Plomberie"],
  "45": ["Garage", "Automobiles"],
  "46": ["Négoce", "Distribution"],
  "47": ["Boutique", "Commerce", "Maison"],
  "49": ["Transports", "Fret"],
  "50": ["Navigation"],
  "52": ["Logistique", "Entrepôts"],
  "53": ["Express", "Coursiers"],
  "55": ["Hôtel"],
  "56": ["Restaurant", "Brasserie", "Café"],
  "58": ["Éditions"],
  "59": ["Productions"],
  "60": ["Radio"],
  "61": ["Télécom"],
  "62": ["Informatique", "Numérique", "Logiciels"],
  "63": ["Data"],
  "64": ["Finance"],
  "65": ["Assurances"],
  "66": ["Courtage"],
  "68": ["Immobilier", "Patrimoine"],
  "69": ["Cabinet", "Expertise comptable"],
  "70": ["Conseil", "Stratégie"],
  "71": ["Ingénierie", "Études techniques", "Architecture"],
  "72": ["Recherche"],
  "73": ["Communication", "Publicité"],
  "74": ["Studio", "Design"],
  "75": ["Vétérinaires"],
  "77": ["Location"],
  "78": ["Intérim", "Emploi"],
  "79": ["Voyages"],
  "80": ["Sécurité"],
  "81": ["Propreté", "Services"],
  "82": ["Services aux entreprises"],
  "85": ["Formation", "École"],
  "86": ["Santé", "Cabinet médical"],
  "87": ["Résidence"],
  "88": ["Solidarité", "Aide à domicile"],
  "90": ["Spectacles"],
  "93": ["Loisirs", "Sports"],
  "94": ["Association"],
  "95": ["Réparation"],
  "96": ["Services", "Coiffure"],
};

const PLACE_WORDS = [
  "de la Seine",
  "Seine-Aval",
  "des Boucles",
  "Val de Seine",
  "Normandie",
  "Rive Gauche",
  "du Robec",
  "du Cailly",
  "Caux-Seine",
  "de l'Aubette",
  "Rouen Est",
  "des Deux Rives",
] as const;

/** An invented firm name whose first word hints at its NAF division. */
export function inventFirmName(rng: Rng, naf: string): string {
  const words = ACTIVITY_WORDS[naf.slice(0, 2)] ?? ["Entreprise", "Société"];
  const word = pick(rng, words);
  const surname = inventSurname(rng);
  const r = rng();
  if (r < 0.42) return `${word} ${surname}`;
  if (r < 0.6) return `${surname} ${word}`;
  if (r < 0.7) return `Ets ${surname}`;
  if (r < 0.85) return `${word} ${pick(rng, PLACE_WORDS)}`;
  return bernoulli(rng, 0.5) ? `${surname} & Fils` : `${surname} et Associés`;
}

/** Keeps names unique: a name already taken is drawn again, then numbered as a last resort. */
export class NameBook {
  private readonly used = new Set<string>();

  unique(make: () => string): string {
    for (let attempt = 0; attempt < 20; attempt++) {
      const name = make();
      if (!this.used.has(name)) {
        this.used.add(name);
        return name;
      }
    }
    const base = make();
    let n = 2;
    while (this.used.has(`${base} ${n}`)) n++;
    this.used.add(`${base} ${n}`);
    return `${base} ${n}`;
  }

  /** Reserve a name given from outside (the pivot's, an organisation's). */
  reserve(name: string): string {
    this.used.add(name);
    return name;
  }
}
