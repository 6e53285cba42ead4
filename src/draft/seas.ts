/**
 * Seas, straits and gulfs for the drafting gazetteer. No npm package ships Natural Earth's marine areas
 * (ne_10m_geography_marine_polys) or a list like it, so this is a short curated list, the project's own.
 *
 * Names: the English names of Natural Earth's marine-area polygons (public domain) and of the IHO's
 * "Limits of Oceans and Seas" (S-23), with the short forms news copy uses ("the Baltic", "Caspian fleet").
 * Points: approximate centres written by hand for this list, to about half a degree: a label point for the
 * editor, not a boundary. The catalogue draws a sea as a point of kind `sea-area` until an editor draws it.
 */
/**
 * [slug, name, other names, lng, lat]. Short names ("Baltic") are only taken where the words say sea.
 * gazetteer.ts turns them into its rows (this module imports nothing of it: no import cycle).
 */
export const SEAS: [string, string, string[], number, number][] = [
  ['black-sea', 'Black Sea', [], 34.0, 43.2],
  ['sea-of-azov', 'Sea of Azov', ['Azov Sea'], 36.5, 46.1],
  ['caspian-sea', 'Caspian Sea', ['Caspian'], 50.5, 41.9],
  ['baltic-sea', 'Baltic Sea', ['Baltic'], 19.5, 57.5],
  ['norwegian-sea', 'Norwegian Sea', [], 3.0, 69.0],
  ['barents-sea', 'Barents Sea', ['Barents'], 40.0, 74.0],
  ['white-sea', 'White Sea', [], 38.0, 65.5],
  ['kara-sea', 'Kara Sea', [], 70.0, 76.0],
  ['north-sea', 'North Sea', [], 3.0, 56.0],
  ['mediterranean-sea', 'Mediterranean Sea', ['Mediterranean'], 18.0, 35.0],
  ['aegean-sea', 'Aegean Sea', ['Aegean'], 25.0, 38.5],
  ['sea-of-marmara', 'Sea of Marmara', ['Marmara Sea'], 28.0, 40.7],
  ['sea-of-okhotsk', 'Sea of Okhotsk', ['Okhotsk Sea'], 150.0, 55.0],
  ['sea-of-japan', 'Sea of Japan', [], 135.0, 40.0],
  ['bering-sea', 'Bering Sea', [], 178.0, 58.0],
  ['gulf-of-finland', 'Gulf of Finland', [], 26.0, 60.0],
  ['gulf-of-riga', 'Gulf of Riga', [], 23.5, 57.5],
  ['kerch-strait', 'Kerch Strait', ['Strait of Kerch'], 36.6, 45.3],
  ['bosphorus', 'Bosphorus', ['Bosporus', 'Bosphorus Strait'], 29.05, 41.1],
  ['dardanelles', 'Dardanelles', [], 26.4, 40.2],
];

/** After a short sea name ("Baltic", "Caspian"): words that say the sea is meant ("Baltic fleet"). */
export const SEA_CONTEXT_AFTER = /^\s+(fleets?|coast|coastline|shore|waters)\b/i;
