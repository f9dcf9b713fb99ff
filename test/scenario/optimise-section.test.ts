/** The optimise: section of a scenario file, as the structure check reads it, and one person of a group in words. */
import { describe, expect, it } from 'vitest';
import { OPTIMISE_OBJECTIVES, ScenarioSpec, groupPerson } from '../../src/scenario/index.js';
import { checkStructure } from '../../src/scenario/structure-check.js';

const messages = (value: unknown) =>
  checkStructure(ScenarioSpec.properties.optimise, value).map((i) => `${i.path.join('.')}: ${i.message}`);

describe('the optimise: section', () => {
  it('takes ranges, a total, a budget, a busiest share and two objectives', () => {
    expect(
      messages({
        vary: { 'teams.hub.ml_engineer': '2..8', 'teams.small.people.0.count': ' 0 .. 3 ' },
        total: 38,
        budget: 4_500_000,
        max_utilisation: 0.9,
        objectives: ['p85', 'cost'],
      }),
    ).toEqual([]);
    expect(OPTIMISE_OBJECTIVES).toEqual(['p50', 'p85', 'p95', 'mean', 'cost', 'goLives', 'netValue']);
  });

  it('refuses bounds not written min..max, a total of 0, a share above 1, one objective or an unknown one', () => {
    const found = messages({
      vary: { 'teams.hub.ml_engineer': '2-8' },
      total: 0,
      max_utilisation: 1.5,
      objectives: ['p85', 'speed'],
    }).join('\n');
    expect(found).toContain('teams.hub.ml_engineer');
    expect(found).toContain('bounds written min..max, e.g. 2..8');
    expect(found).toMatch(/total: .*>= 1/);
    expect(found).toMatch(/max_utilisation: .*<= 1/);
    expect(found).toContain('objectives.1');
    expect(messages({ objectives: ['p85'] }).join('\n')).toMatch(/objectives/);
    expect(messages({ speed: 1 }).join('\n')).toContain('unknown field "speed"');
  });
});

describe('one person of a group in words', () => {
  const spec = { roles: { ml_engineer: { name: 'ML engineer' }, data_engineer: {}, analytics_engineer: {}, sme: {} } };
  it('is the role in the singular, an acronym kept, or a person who holds each of several roles', () => {
    expect(groupPerson(spec, ['ml_engineer'])).toBe('ML engineer');
    expect(groupPerson(spec, ['data_engineer'])).toBe('data engineer');
    expect(groupPerson(spec, ['sme'])).toBe('SME');
    expect(groupPerson(spec, ['data_engineer', 'analytics_engineer'])).toBe(
      'person who is both data engineer and analytics engineer',
    );
    expect(groupPerson(spec, ['data_engineer', 'analytics_engineer', 'ml_engineer'])).toBe(
      'person who is data engineer, analytics engineer and ML engineer',
    );
  });
});
