/** Names as a sentence says them: people of a role, a team. */
import { describe, expect, it } from 'vitest';
import { idInWords, rolePeople, teamInSentence } from '../../src/scenario/display-names.js';

const spec = {
  roles: {
    data_engineer: { name: 'Data engineer', cost_per_year: 0 },
    ml_engineer: { name: 'ML engineer', cost_per_year: 0 },
    governance: { cost_per_year: 0 },
    analytics_engineer: { cost_per_year: 0 },
    data_steward: { name: 'Data steward', cost_per_year: 0 },
    secretary: { name: 'Secretary', cost_per_year: 0 },
    coach: { name: 'Coach', cost_per_year: 0 },
  },
  domains: { marketing: { name: 'Marketing' }, supply_chain: { name: 'Supply chain' }, hr: {} },
  teams: {
    marketing_spoke: { home: 'marketing', headcount: {} },
    supply_chain_team: { home: 'supply_chain', headcount: {} },
    hub: { name: 'Hub (centre of excellence)', home: 'centre', headcount: {} },
    hr_desk: { home: 'hr', headcount: {} },
    marketing: { home: 'marketing', headcount: {} },
  },
} as unknown as Parameters<typeof teamInSentence>[0] & Parameters<typeof rolePeople>[0];

describe('display names', () => {
  it('give the people of a role in the plural, from its name or its id, acronyms kept', () => {
    expect(rolePeople(spec, 'data_engineer')).toBe('data engineers');
    expect(rolePeople(spec, 'ml_engineer')).toBe('ML engineers');
    expect(rolePeople(spec, 'governance')).toBe('governances');
    expect(rolePeople(spec, 'analytics_engineer')).toBe('analytics engineers');
    expect(rolePeople(spec, 'secretary')).toBe('secretaries');
    expect(rolePeople(spec, 'coach')).toBe('coaches');
    expect(rolePeople(spec, 'sme')).toBe('SMEs');
  });

  it("name a team by its name, else by its home domain's name and the rest of its id", () => {
    expect(teamInSentence(spec, 'marketing_spoke')).toBe('the Marketing spoke');
    expect(teamInSentence(spec, 'supply_chain_team')).toBe('the Supply chain team');
    expect(teamInSentence(spec, 'hub')).toBe('the Hub (centre of excellence)');
    expect(teamInSentence(spec, 'hr_desk')).toBe('the hr desk');
    expect(teamInSentence(spec, 'marketing')).toBe('the Marketing');
  });

  it('read ids as words', () => {
    expect(idInWords('ml_ops-ai')).toBe('ML ops AI');
  });
});
