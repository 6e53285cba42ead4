/**
 * Round 3 of the drafting rules (issue 26): seas, region and relation phrases, facilities, date ranges,
 * open intervals and misprints, stances and claimants. Each test names a trap an unseen article sets.
 */
import { describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../src/draft/gazetteer';
import { findPlaces } from '../../src/draft/places';

const gaz = loadGazetteer();
const places = (text: string) => findPlaces(text, gaz).mentions;
const entryOf = (text: string, phrase: string) => places(text).find((m) => m.text.includes(phrase))?.entry;

describe('seas, straits and gulfs', () => {
  it('resolves a sea written in full, "Sea of X" included, never to a namesake town', () => {
    expect(entryOf('Ships sailed into the Black Sea on Monday.', 'Black Sea')).toBe('sea:black-sea');
    expect(entryOf('Drills in the Sea of Azov continued.', 'Azov')).toBe('sea:sea-of-azov');
    expect(entryOf('Patrols in the Norwegian Sea grew.', 'Norwegian')).toBe('sea:norwegian-sea');
    expect(entryOf('A ferry crossed the Kerch Strait.', 'Kerch')).toBe('sea:kerch-strait');
  });

  it('takes a short sea name only where the words say a sea', () => {
    expect(entryOf('Warships of the Black Sea and Caspian fleets sailed.', 'Caspian')).toBe('sea:caspian-sea');
    expect(entryOf('Exercises in the Baltic and the North Sea.', 'Baltic')).toBe('sea:baltic-sea');
    expect(places('Leaders of the Baltic states met.').some((m) => m.entry === 'sea:baltic-sea')).toBe(false);
    expect(places('Baltic leaders met in Riga.').some((m) => m.entry === 'sea:baltic-sea')).toBe(false);
  });

  it('still finds the town of Azov by its own name', () => {
    expect(entryOf('Shelling was heard in Azov overnight.', 'Azov')).toMatch(/^geonames:/);
  });
});
