/**
 * Who makes a sentence's claim, of what kind, with what stance, and what category the event is: read from
 * the verbs of attribution ("said", "according to", "told", "said in a statement") and of stance
 * (planned, warned, denied, claimed…). A sentence with no attribution is the article's own reporting.
 */
import type { Claim, ClaimKind, Stance } from '../catalogue/schema';
import { CATEGORIES, type Category } from '../catalogue/vocabulary';
import type { Alternative } from './types';

const SAY =
  '(?:said|says|say|informs|notes|reports|told|stated|added|claimed|claims|warned|warns|denied|denies|announced|announces|signaled|signalled|reported|noted|insisted|confirmed|wrote)';
const PRONOUN = /^(?:(?:which|who|that)\s+)?(he|she|they|it|we|i)$/i;

/** Stances, strongest first: the first whose verb stands in the sentence wins; the others are alternatives. */
const STANCE_VERBS: { stance: Stance; re: RegExp }[] = [
  { stance: 'denied', re: /\b(denied|denies|deny|denying|rejected the claim|dismissed)\b/i },
  { stance: 'warned', re: /\b(warned|warns|warning|threatened)\b/i },
  { stance: 'signaled', re: /\b(signal(l)?ed|signals|hinted)\b/i },
  { stance: 'announced', re: /\b(announced|announces|declared|unveiled)\b/i },
  {
    stance: 'planned',
    re: /\b(plans? to|planned|planning to|(is|are|was|were) due to|intends? to|scheduled|will (?:be held|take place|continue|\w+)|would (?:supply|send|deliver|deploy|provide|move)|(?:is|are) preparing|promised to|ahead of|expected to)\b/i,
  },
  { stance: 'assessed', re: /\b(assess(ed|es)?|estimated?|believes?|likelihood|expects?|predicted|forecast)\b/i },
  { stance: 'asserted', re: new RegExp(`\\b(${SAY}|according to)\\b`, 'i') },
];

/** Category keywords, in the order ties are broken. */
const CATEGORY_WORDS: Record<Category, RegExp> = {
  naval: /\b(fleets?|warships?|ships?|naval|navy|submarines?|frigates?|landing craft|vessels?)\b/gi,
  drills: /\b(drills?|exercises?|maneuvers|manoeuvres|war games)\b/gi,
  aircraft:
    /\b(jets?|aircraft|warplanes?|(?:transport |cargo |military )?planes?|fighters?|bombers?|helicopters?|airfields?|air base|Su-\d+|MiG-\d+|F-\d+|Il-\d+|Tu-\d+|An-\d+)\b/gi,
  'military-aid':
    /\b(munitions|military equipment|weapons|arms|ammunition|military aid|security assistance|shipments?|Javelins?|Stingers?)\b/gi,
  troops:
    /\b(troops|forces|battalions?|soldiers|servicemen|paratroopers|marines|personnel|buildup|build-up|deploy(ed|ment|ments)?|military presence|tactical groups|units|convoys?|columns|military (?:trucks|vehicles)|reinforc\w+|posts|positions|armou?red vehicles|tanks|troop movements|movements)\b/gi,
  sanctions: /\b(sanctions?|export controls|asset freeze)\b/gi,
  energy: /\b(gas|oil|energy|pipeline|Nord Stream|supplies)\b/gi,
  civilians:
    /\b(civilians?|citizens|families|evacuat\w+|refugees|embassy staff|Americans|residents|leave the country|prices|villagers|farmers|pensioners?|shopkeepers)\b/gi,
  conflict:
    /\b(war|conflict|shell(ing|ed|s)?|attacks?|fighting|killed|wounded|separatists|invasion|incursion|strikes?|explosions?|ceasefire violations?|artillery|mortars?)\b/gi,
  diplomacy:
    /\b(talks?|meetings?|meet|letter|response|replies|negotiat\w+|diplomat\w*|summit|proposals|demands|foreign minister|ambassador|brief|consultations?)\b/gi,
  statement: /\b(said|statement|remarks|address|told)\b/gi,
};

const NAVAL_QUALIFIER = /\bnaval (?=drills?\b|exercises?\b|maneuvers\b|manoeuvres\b|war games\b)/gi;

/** Words that make an event an exercise whatever else it names: "bombers practised strikes", "live firing". */
const DRILL_MARK = /\b(practi[sc](?:ed|es|ing|e)|rehears(?:ed|ing|al)|live[- ]fir(?:e|ing)|tactical exercises?|war games)\b/i;

/** An act of war done, not spoken of: it is the event whatever forces the sentence names. */
const ACT_OF_WAR = /\b(shelled|bombarded|killed|wounded|fired (?:on|at)|attacked|opened fire)\b/i;
/** A trailing clause of time ("…, since the convoys appeared"): background to the event, not its subject. */
const TIME_CLAUSE = /\s+(?:since|after|before|when|until|as soon as)\s+(?:the|a|an|its|their|his|her)\b[^,;]*[.!?]?$/i;

/** A modal or a denial just before an attack word: someone speaking of an attack that has not happened. */
const HYPOTHETICAL_ATTACK =
  /\b(could|would|might|may|will|no plans? to|not (?:going|planning|intend\w*) to)\s+(?:\w+\s+){0,3}?(attack|invade|invasion|war|provoked?)\b/i;

/** Words of a claimant that say it is a government or an alliance. */
const GOVERNMENT =
  /\b(Kremlin|Ministry|ministry|Government|government|NATO|Pentagon|White House|State Department|Department|administration|Moscow|Washington|Kyiv|Minsk|Beijing|London|Paris|Berlin)\b/;
const UNNAMED =
  /\b(officials?|sources?|diplomats?|analysts?|intelligence|people familiar|a spokesperson|a spokesman|experts?)\b/i;

interface ClaimProposal {
  claim: Claim;
  alternatives: Alternative[];
  notes: string[];
  confidence: number;
}

/** Last words of a claimant that make it an organisation, not a person ("the White House", "border guard service"). */
const ORGANISATION =
  /\b(House|Ministry|ministry|Service|service|Mission|mission|Guard|guard|Command|command|Staff|Office|office|Agency|agency|Council|Committee|Administration|administration|Forces|forces|Army|army)$/;
/** A publisher that is an institution: its release speaks in its own (a government's) voice. */
const INSTITUTION = /\b(Ministry|Government|Kremlin|Administration|Presidency|Armed Forces|Defen[cs]e|Foreign Affairs)\b/;

/** Someone unnamed speaking for a body: "a spokesperson for the US Army", "NATO officials", "sources at the ministry". */
const UNNAMED_FOR =
  /^(?:(?:an?|two|three|several|some|senior|the)\s+)?(?:[\p{L}.-]+\s+){0,3}?(?:spokes(?:person|man|woman)|officials?|sources?|diplomats?)(?:\s+(?:for|at|of|in|from)\b.*)?$/iu;

/** A news organisation as the claimant ("TASS reported", "state television said", "the newspaper Izvestia"). */
const MEDIA_NAME =
  '(?:TASS|RIA(?:\\s+Novosti)?|Interfax(?:-Ukraine)?|Reuters|AFP|Agence France-Presse|Associated Press|Bloomberg|BBC|CNN|Xinhua|Ukrinform|UNIAN|BelTA|Belta|RBC|Izvestia|Kommersant|Sputnik|RT|Rossiya\\s+24|Channel\\s+One)';
const MEDIA_NOUN =
  '(?:news\\s+agency|newspaper|broadcaster|television(?:\\s+channel)?|TV(?:\\s+channel)?|media|outlet|news\\s+site|radio)';
const MEDIA = new RegExp(
  `^(?:the\\s+)?(?:(?:Russian|Ukrainian|Belarusian|state|state-run|state-owned|national|local|independent|official)\\s+)*(?:${MEDIA_NOUN}(?:\\s+${MEDIA_NAME})?|${MEDIA_NAME})$`,
  'i',
);
/** The last word of a body, not of a person's name: "the Southern Military District", "the General Staff". */
const BODY_END =
  /\b(?:District|Staff|Forces|Command|Fleet|Army|Navy|Guard|Service|Agency|Ministry|Department|Mission|Committee|Office)$/;
/** Armed forces or a command speaking: "the Southern Military District", "the General Staff", "Ukraine's army". */
const MILITARY =
  /\b(?:Military\s+District|General\s+Staff|Armed\s+Forces|armed\s+forces|Army|army|Navy|navy|Air\s+Force|air\s+force|military|Joint\s+Forces|Operational\s+Command|Command|command|National\s+Guard|Fleet|fleet)\b/;
/** A ministry or department: "Ukraine's defence ministry", "the Ministry of Defence", "the State Department". */
const MINISTRY = /\b(?:Ministry|ministry|Department|department|Pentagon|Foreign\s+Office|Home\s+Office)\b/;
/** Another public body or an international agency: "the border guard service", "the OSCE mission". */
const AGENCY =
  /\b(?:Service|service|Agency|agency|Committee|committee|Bureau|bureau|Commission|commission|Inspectorate|Directorate|Mission|mission|SBU|FSB|IAEA|OSCE|UNHCR|United\s+Nations|UN|Red\s+Cross|Border\s+Guard|border\s+guard)\b/;

/** A body's press office, unnamed: "the press service", "the press office". */
const PRESS_OFFICE = /^the\s+press\s+(?:service|office)$/i;

/**
 * A claimant's kind: a person, officials, or the article (kindOf's broad reading), and a body it reads
 * as a government made finer by what the body is: media, a ministry, the military, another agency.
 */
function kindOf(by: string, governmentNames: Set<string>): ClaimKind {
  if (MEDIA.test(by)) return 'media';
  const broad = broadKindOf(by, governmentNames);
  if (broad === 'article' || broad === 'official' || (broad === 'person' && !BODY_END.test(by))) return broad;
  if (MINISTRY.test(by)) return 'ministry';
  if (MILITARY.test(by)) return 'military';
  if (AGENCY.test(by)) return 'agency';
  return 'government';
}

function broadKindOf(by: string, governmentNames: Set<string>): ClaimKind {
  // Unless a name ends it ("Kremlin spokesperson Dmitri Peskov"), that is an official, not the body.
  if (UNNAMED_FOR.test(by) && !/\b\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}+$/u.test(by)) return 'official';
  // "Britain separately", "Latvia and Lithuania": the names, without an adverb after them.
  const bare = by.replace(/^the\s+/i, '').replace(/(\s+\p{Ll}+)+$/u, '');
  const parts = bare.split(/\s*(?:,|\band\b)\s*/).filter(Boolean);
  if (parts.length && parts.every((x) => governmentNames.has(x))) return 'government';
  if (ORGANISATION.test(by) && !UNNAMED.test(by.split(/\s+/).slice(-1)[0])) return 'government';
  if (governmentNames.has(bare) || GOVERNMENT.test(by)) {
    // "Kremlin spokesperson Dmitri Peskov" is a person speaking for a government: the person.
    if (
      /\b\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}+$/u.test(by) &&
      !GOVERNMENT.test(by.split(/\s+/).slice(-1)[0]) &&
      !/\b(Ministry|Department|Service|Office|Agency|Council|Command|Staff)\b/.test(by)
    )
      return 'person';
    return 'government';
  }
  if (UNNAMED.test(by) && !/\b\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}+$/u.test(by)) return 'official';
  return /\p{Lu}/u.test(by) ? 'person' : 'official';
}

/** "X said", "X told Y", "X said in a statement": the words before the verb, back to a clause boundary. */
const BEFORE_SAY = new RegExp(
  `(?:^|[,;:“”"—]\\s*|\\bthat\\s+)((?:[\\p{L}.'’\\-]+\\s+){0,11}?[\\p{L}.'’\\-]+)\\s+(?:has\\s+|had\\s+|have\\s+)?(?:repeatedly\\s+|also\\s+|again\\s+)?${SAY}\\b`,
  'u',
);
/** "The regional governor, Vyacheslav Gladkov, said": the name set off by commas after its role. */
const ROLE_THEN_NAME = new RegExp(
  `(?:^|[,;:“”"—]\\s*)((?:[\\p{L}.'’\\-]+\\s+){0,5}?[\\p{L}.'’\\-]+),\\s+((?:\\p{Lu}[\\p{L}.'’\\-]*\\s+){1,3}\\p{Lu}[\\p{L}.'’\\-]*),\\s+(?:has\\s+|had\\s+|also\\s+)?${SAY}\\b`,
  'u',
);
/** "Lavrov, the foreign minister, said": the name, then its role set off by commas. */
const NAME_THEN_ROLE = new RegExp(
  `(?:^|[,;:“”"—]\\s*)(\\p{Lu}[\\p{L}.'’\\-]+(?:\\s+\\p{Lu}[\\p{L}.'’\\-]+){0,3}),\\s+(?:the|a|an|its|his|her)\\s+[^,]{2,60},\\s+(?:has\\s+|had\\s+|also\\s+)?${SAY}\\b`,
  'u',
);
/** "…," said X. */
const AFTER_SAY = new RegExp(`[,”"]\\s*${SAY}\\s+((?:[\\p{Lu}][\\p{L}.'’\\-]*\\s*){1,5})`, 'u');

/**
 * The claimant of one sentence. `previous` is the last named claimant before it, for "he said".
 * `governmentNames` are the gazetteer's country and capital names ("Russia said", "Kiev says": a government's claim). `earlier` are
 * the claimants of the sentences before, latest last, for "the ministry said" after "Ukraine's defence
 * ministry said".
 */
export function claimOf(
  sentence: string,
  previous: string | undefined,
  governmentNames: Set<string>,
  publisher?: string,
  earlier: string[] = [],
): ClaimProposal {
  const notes: string[] = [];
  let by: string | undefined;
  const according = /\baccording to ((?:the |a |an )?[^,.;]{2,80}?)(?=[,.;]|$)/i.exec(sentence);
  const [before, appositive, nameFirst, after] = [BEFORE_SAY, ROLE_THEN_NAME, NAME_THEN_ROLE, AFTER_SAY].map((re) =>
    re.exec(sentence),
  );
  // "According to available information": no one is named.
  if (
    according &&
    /^(?:the\s+)?(?:available|public|preliminary|initial|latest|unconfirmed)\s+(?:information|data|reports?)$/i.test(
      according[1].trim(),
    )
  )
    by = undefined;
  else if (according) by = according[1].trim();
  else if (nameFirst) by = nameFirst[1].trim();
  else if (appositive) {
    by = appositive[2].trim();
    notes.push(`"${by}", named as "${appositive[1].trim()}": the role is not part of the claimant; check`);
  } else if (before) by = before[1].trim().replace(/^(while|but|and|as|however|meanwhile)\s+/i, '');
  else if (after) by = after[1].trim();
  if (by && PRONOUN.test(by)) {
    if (previous) {
      notes.push(`"${by}" taken to be ${previous}, the last named claimant before: check`);
      by = previous;
    } else {
      notes.push(`"${by}": who is meant is not named before`);
    }
  }
  // "The ministry said", "the governor said": the one named before whose name ends in that word.
  const head = by && /^the\s+([\p{L}-]+)$/iu.exec(by)?.[1].toLowerCase();
  // By the last word ("Ukraine's defence ministry"), or a title in a person's name ("Foreign Minister Dmytro Kuleba").
  const named = head ? [...earlier].reverse().find((e) => e.toLowerCase().split(/\s+/).slice(1).includes(head)) : undefined;
  if (by && named) {
    notes.push(`"${by}" taken to be ${named}, named before: check`);
    by = named;
  }
  let stance: Stance = 'reported';
  const alternatives: Alternative[] = [];
  for (const s of STANCE_VERBS) {
    if (!s.re.test(sentence)) continue;
    if (stance === 'reported') stance = s.stance;
    else alternatives.push({ id: s.stance, label: `stance ${s.stance}` });
  }
  if (!by && publisher && INSTITUTION.test(publisher)) {
    // A ministry's release: its own sentences are the ministry's claims.
    if (stance === 'reported') stance = 'asserted';
    notes.push(`no one named: the claim of the publisher, ${publisher}, whose release this is`);
    return { claim: { by: publisher, kind: kindOf(publisher, new Set()), stance }, alternatives, notes, confidence: 0.6 };
  }
  if (!by) {
    // The article's own voice: what it reports; a plan it reports stays planned.
    if (stance === 'asserted') stance = 'reported';
    return {
      claim: { by: 'the article (its own reporting)', kind: 'article', stance },
      alternatives,
      notes,
      confidence: 0.6,
    };
  }
  if (/\bclaim(ed|s)\b/i.test(sentence))
    notes.push('"claimed": kept as asserted, the claim is the speaker\'s, not the article\'s');
  // "the press service said": the press service of the body that spoke before, of that body's kind.
  const body = PRESS_OFFICE.test(by) ? [...earlier].reverse().find((e) => kindOf(e, governmentNames) !== 'person') : undefined;
  if (body) notes.push(`"${by}" taken to be the press office of ${body}, named before: check`);
  return { claim: { by, kind: kindOf(body ?? by, governmentNames), stance }, alternatives, notes, confidence: 0.6 };
}

/**
 * The category with the most lexicon words in the sentence. `uncertain` where no word of any category's
 * lexicon stands in it, or two tie: the category is then only a placeholder the catalogue needs, and the
 * draft says so instead of passing a fallback off as a reading.
 */
export function categoryOf(
  sentence: string,
  attributed: boolean,
): { category: Category; alternatives: Alternative[]; uncertain: boolean } {
  // A speaker's words about an attack that may come ("could attack", "has no plans to invade") are a
  // statement, not the attack: the map does not draw what someone says might happen as if it did.
  if (attributed && HYPOTHETICAL_ATTACK.test(sentence))
    return { category: 'statement', alternatives: [{ id: 'conflict', label: 'category conflict' }], uncertain: false };
  if (ACT_OF_WAR.test(sentence) && !DRILL_MARK.test(sentence))
    return { category: 'conflict', alternatives: [], uncertain: false };
  if (DRILL_MARK.test(sentence))
    return {
      category: 'drills',
      alternatives: CATEGORIES.filter(
        (c) => c !== 'drills' && c !== 'statement' && (sentence.match(CATEGORY_WORDS[c]) ?? []).length,
      )
        .slice(0, 3)
        .map((c) => ({ id: c, label: `category ${c}` })),
      uncertain: false,
    };
  // "a naval exercise" is an exercise: a word that only qualifies another category's noun does not count.
  const qualifiers = (c: Category) => (c === 'naval' ? (sentence.match(NAVAL_QUALIFIER) ?? []).length : 0);
  const scored = (words: string) =>
    CATEGORIES.map((c) => ({ c, n: (words.match(CATEGORY_WORDS[c]) ?? []).length - qualifiers(c) }))
      .filter((x) => x.n > 0 && (x.c !== 'statement' || attributed))
      .sort((a, b) => b.n - a.n || Object.keys(CATEGORY_WORDS).indexOf(a.c) - Object.keys(CATEGORY_WORDS).indexOf(b.c));
  // The main clause decides when it names a category itself: "prices had risen since the convoys appeared".
  const main = scored(sentence.replace(TIME_CLAUSE, ''));
  const all = main.some((x) => x.c !== 'statement') ? main : scored(sentence);
  // "said", "told", "a statement" say who speaks, in nearly every attributed sentence: what they speak of
  // is the category, and a statement only when they speak of nothing the lexicon knows.
  const scores = all.some((x) => x.c !== 'statement') ? all.filter((x) => x.c !== 'statement') : all;
  const category = scores[0]?.c ?? (attributed ? 'statement' : 'conflict');
  const uncertain = !scores.length || (scores.length > 1 && scores[0].n === scores[1].n);
  return { category, alternatives: scores.slice(1, 4).map((x) => ({ id: x.c, label: `category ${x.c}` })), uncertain };
}
