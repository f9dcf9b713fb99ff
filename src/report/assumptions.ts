/**
 * Each scenario's parameters in readable form, for the report's assumptions section. It reads
 * the resolved parameters, so a default the scenario leaves out is stated like any other value.
 */
import { resolveParameters, type ModelParameters, type ScenarioSpec } from '../scenario/index.js';
import { personGroups, teamSize } from '../scenario/index.js';
import { humanise } from '../charts/theme.js';
import { escapeHtml } from './escape.js';

const describeDistribution = (d: unknown): string =>
  typeof d === 'number'
    ? `${d}`
    : Object.entries(d as object)
        .map(
          ([family, p]) =>
            `${family} ${Object.entries(p as object)
              .map(([k, v]) => `${k} ${Array.isArray(v) ? `[${v.length} values]` : v}`)
              .join(', ')}`,
        )
        .join('');

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "3 ML engineers", or for people with several roles "2 data engineer + analytics engineer". */
const groupText = (n: number, roles: readonly string[]): string =>
  roles.length === 1 ? plural(n, humanise(roles[0])) : `${n} ${roles.map(humanise).join(' + ')}`;

/** The teams of one scenario (all text escaped). */
export function teamsHtml(spec: ModelParameters): string {
  const e = escapeHtml;
  const people = Object.values(spec.teams).reduce((s, t) => s + teamSize(t), 0);
  const teams = Object.entries(spec.teams)
    .map(
      ([id, t]) =>
        `<tr><td>${e(t.name ?? humanise(id))}</td><td>${e(humanise(t.home))}</td><td>${personGroups(t)
          .filter((g) => g.count > 0)
          .map((g) => e(groupText(g.count, g.roles)))
          .join(', ')}</td><td>${Object.entries(t.effort_multiplier)
          .map(([k, v]) => `${e(k)} x${v}`)
          .join(', ')}</td></tr>`,
    )
    .join('');
  return `<h3>${e(spec.name)}</h3>
${spec.description ? `<p>${e(spec.description)}</p>` : ''}
<p>${plural(people, 'person').replace('persons', 'people')} in ${plural(Object.keys(spec.teams).length, 'team')}.</p>
<div class="scroll"><table><thead><tr><th>Team</th><th>Home</th><th>People</th><th>Effort multipliers</th></tr></thead><tbody>${teams}</tbody></table></div>`;
}

/** Public holidays and absence in words (empty when there are none; text escaped). */
function timeOffText(spec: ModelParameters): string {
  const { holidays, absence_spell_days: spell } = spec.calendar;
  const parts: string[] = [];
  if (typeof holidays === 'number' ? holidays > 0 : holidays.length > 0)
    parts.push(
      typeof holidays === 'number'
        ? `${holidays} public holidays a year, spread evenly`
        : `public holidays on ${escapeHtml(holidays.join(', '))}`,
    );
  const roles = Object.entries(spec.roles).filter(([, r]) => r.absence > 0);
  const teams = Object.entries(spec.teams).filter(([, t]) => t.absence !== undefined);
  if (roles.length > 0 || teams.length > 0)
    parts.push(
      `absence (vacation, sickness) in spells of ${spell} working days on average: ${[
        ...roles.map(([id, r]) => `${escapeHtml(humanise(id))} ${Math.round(r.absence * 100)}%`),
        ...teams.map(
          ([id, t]) => `everyone in ${escapeHtml(t.name ?? humanise(id))} ${Math.round((t.absence ?? 0) * 100)}%`,
        ),
      ].join(', ')} of the time`,
    );
  if (parts.length === 0) return '';
  return `Time off: ${parts.join('; ')}. Work in the hands of someone away waits for their return.`;
}

/** Domain familiarity in words (empty when the scenario has none). */
function learningText(spec: ModelParameters): string {
  const l = spec.learning;
  if (l === undefined) return '';
  return `Learning: each doubling of the use cases of a domain a person has worked on multiplies their effort on it by ${l.rate}, down to ${Math.round(l.floor * 100)}% of the written effort; people there at the start have ${l.experience_at_start} use cases of each domain their team serves behind them.`;
}

/** Each change of the timeline in words, in the order they apply (text escaped). */
function timelineTexts(spec: ModelParameters): string[] {
  return [...spec.timeline]
    .sort((a, b) => a.day - b.day)
    .map((c) => {
      const who = (x: { role?: string; roles?: readonly string[]; count: number }) =>
        `${x.count} ${(x.roles ?? [x.role ?? '']).map(humanise).join(' + ')}`;
      const what = c.hire
        ? `${who(c.hire)} hired into ${humanise(c.hire.team)} (ramping up over ${c.hire.ramp_up_days} days from ${Math.round(c.hire.ramp_up_start * 100)}% speed)`
        : c.let_go
          ? `${who(c.let_go)} of ${humanise(c.let_go.team)} let go`
          : c.move
            ? `${who(c.move)} moved from ${humanise(c.move.from)} to ${humanise(c.move.to)} (effort x${c.move.slowdown} for ${c.move.transition_days} days)`
            : c.set
              ? `from then: ${Object.entries(c.set)
                  .map(([path, value]) => `${path} = ${JSON.stringify(value)}`)
                  .join('; ')}`
              : `reorganised into ${Object.keys(c.reorganise?.teams ?? {})
                  .map(humanise)
                  .join(
                    ', ',
                  )} (people who change team at effort x${c.reorganise?.slowdown} for ${c.reorganise?.transition_days} days)`;
      return escapeHtml(`Day ${c.day}${c.name ? `, ${c.name}` : ''}: ${what}.`);
    });
}

/** Demand and parameters of one scenario (all text escaped). */
export function parametersHtml(spec: ModelParameters): string {
  const e = escapeHtml;
  const demand = Object.entries(spec.domains)
    .map(
      ([id, d]) =>
        `<tr><td>${e(d.name ?? humanise(id))}</td><td>${Object.entries(d.demand)
          .map(([t, r]) => `${r} ${e(humanise(t))}`)
          .join(
            ', ',
          )}${d.items.length ? `; ${d.items.length} dated` : ''}</td><td>${d.sme ? `${d.sme.people} at ${Math.round(d.sme.availability * 100)}%` : 'none'}</td></tr>`,
    )
    .join('');
  const h = spec.handovers;
  const m = spec.management;
  const portfolio = Object.values(spec.domains).reduce((n, d) => n + d.models_in_production, 0);
  const facts = [
    `Horizon ${spec.horizon_days} days, of which the first ${spec.warmup_days} are warm-up; ${spec.calendar.working_days_per_week} working days a week.`,
    h
      ? `Handover delays (days): same team ${e(describeDistribution(h.delay.same_team))}; same home ${e(describeDistribution(h.delay.same_home))}; domain to centre ${e(describeDistribution(h.delay.cross_home))}.`
      : 'No handover delays.',
    handoverLossText(spec),
    timeOffText(spec),
    learningText(spec),
    ...timelineTexts(spec),
    `Intake ${e(m.intake)}; ${m.planning_cadence_days > 0 ? `planning every ${m.planning_cadence_days} days` : 'work starts when it arrives (no planning cycle)'}; coordination overhead ${Math.round(m.coordination_overhead * 100)}%; gates: ${
      Object.entries(m.gates)
        .map(
          ([g, x]) =>
            `${e(humanise(g))} every ${x.cadence_days} days, approves ${Math.round(x.approval_probability * 100)}%`,
        )
        .join('; ') || 'none'
    }.`,
    spec.maintenance
      ? `Maintenance: ${spec.maintenance.incidents_per_model_per_month} requests per live model per month for the ${e(humanise(spec.maintenance.role))}s; a model is retired after ${e(describeDistribution(spec.maintenance.lifetime_days))} days in production.`
      : '',
    portfolio > 0 ? `${portfolio} models already in production at day 0.` : '',
  ].filter(Boolean);
  return `<h4>Demand</h4><div class="scroll"><table><thead><tr><th>Domain</th><th>Use cases per month</th><th>Subject-matter experts</th></tr></thead><tbody>${demand}</tbody></table></div>
<ul>${facts.map((f) => `<li>${f}</li>`).join('')}</ul>
<h4>The workflow</h4>${workflowHtml(spec)}
<h4>Costs and value</h4>${costsHtml(spec)}`;
}

/** Where an activity's `next` target leads, in words: another activity (back to one done before: a loop-back), production, or abandonment. */
function moveText(target: string, loop: string, order: readonly string[], here: number): string {
  if (target === 'live') return 'production';
  if (target === 'abandon') return 'abandoned';
  const key = target.includes('.') ? target : `${loop}.${target}`;
  const at = order.indexOf(key);
  const name = humanise(key.replace('.', ': '));
  return at !== -1 && at <= here ? `back to ${name}` : name;
}

/** The workflow as a table: each activity with its role, effort (person-days) and where the work goes next, with what chance. */
export function workflowHtml(spec: ModelParameters): string {
  const e = escapeHtml;
  const loops = Object.entries(spec.workflow.loops);
  const order = loops.flatMap(([loop, l]) => Object.keys(l.activities).map((a) => `${loop}.${a}`));
  const rows = loops.flatMap(([loop, l]) =>
    Object.entries(l.activities).map(([id, a]) => {
      const here = order.indexOf(`${loop}.${id}`);
      const moves = Object.entries(a.next)
        .filter(([, p]) => p > 0)
        .map(([target, p]) => `${moveText(target, loop, order, here)} ${Math.round(p * 100)}%`)
        .join('; ');
      return `<tr><td>${e(l.name ?? humanise(loop))}</td><td>${e(a.name ?? humanise(id))}</td><td>${e(humanise(a.role))}</td><td>${e(describeDistribution(a.effort))}</td><td>${e(moves)}${a.gate ? e(`; then the ${humanise(a.gate)} gate`) : ''}</td></tr>`;
    }),
  );
  const { decay, cap } = spec.workflow.iterations;
  return `<div class="scroll"><table><thead><tr><th>Loop</th><th>Activity</th><th>Role</th><th>Effort (person-days)</th><th>Then</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>
<p>A loop-back ("back to") is taken ${decay < 1 ? `${Math.round((1 - decay) * 100)}% less often each time round (learning)` : 'as often each time round (no learning)'}, at most ${cap} times per activity. Use-case types scale the effort and may skip loops: ${
    Object.entries(spec.use_case_types)
      .map(
        ([id, t]) =>
          `${e(t.name ?? humanise(id))}${t.skip_loops.length ? ` skips ${t.skip_loops.map((x) => e(humanise(x))).join(', ')}` : ''}${typeof t.effort_scale === 'number' && t.effort_scale !== 1 ? `, effort x${t.effort_scale}` : ''}${
            typeof t.effort_scale === 'object'
              ? `, effort ${Object.entries(t.effort_scale)
                  .map(([k, v]) => `${e(humanise(k))} x${v}`)
                  .join(', ')}`
              : ''
          }`,
      )
      .join('; ') || 'none'
  }.</p>`;
}

/** Costs and values: each role's cost a person a year, each use-case type's value a year once live, in the scenario's currency. */
export function costsHtml(spec: ModelParameters): string {
  const e = escapeHtml;
  const currency = spec.currency ? ` (${spec.currency})` : '';
  const roles = Object.entries(spec.roles)
    .map(
      ([id, r]) =>
        `<tr><td>${e(r.name ?? humanise(id))}</td><td class="num">${r.cost_per_year.toLocaleString('en')}</td></tr>`,
    )
    .join('');
  const values = Object.entries(spec.use_case_types)
    .map(
      ([id, t]) =>
        `<tr><td>${e(t.name ?? humanise(id))}</td><td class="num">${t.value_per_year === undefined ? 'not given' : t.value_per_year.toLocaleString('en')}</td></tr>`,
    )
    .join('');
  return `<div class="scroll"><table><thead><tr><th>Role</th><th>Cost a person a year${e(currency)}</th></tr></thead><tbody>${roles}</tbody></table></div>
<div class="scroll"><table><thead><tr><th>Use-case type</th><th>Value a year once live${e(currency)}</th></tr></thead><tbody>${values}</tbody></table></div>`;
}

/** Context lost at handovers: clarification rounds and rework, by boundary. */
function handoverLossText(spec: ModelParameters): string {
  const h = spec.handovers;
  if (!h) return '';
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  const clarification = h.clarification
    ? `a clarification round with the domain's experts ${pct(h.clarification.probability.same_team)} / ${pct(h.clarification.probability.same_home)} / ${pct(h.clarification.probability.cross_home)} of the time (same team / same home / domain to centre), ${escapeHtml(describeDistribution(h.clarification.sme_effort))} person-days each`
    : 'no clarification rounds';
  const rework = h.rework
    ? `the previous activity partly redone (${pct(h.rework.effort_fraction)} of its effort) ${pct(h.rework.probability.same_team)} / ${pct(h.rework.probability.same_home)} / ${pct(h.rework.probability.cross_home)} of the time`
    : 'no rework from handovers';
  return `Context lost at a handover: ${clarification}; ${rework}.`;
}

/**
 * The assumptions section: each configuration's teams, then the demand and parameters once
 * when every configuration shares them (as the shipped ones do), else per configuration.
 */
export function assumptionsSectionHtml(specs: readonly ScenarioSpec[]): string {
  const params = specs.map(resolveParameters);
  const rest = (s: ModelParameters) => JSON.stringify({ ...s, name: '', description: '', teams: {} });
  const shared = params.every((s) => rest(s) === rest(params[0]));
  if (shared) {
    return `${params.map(teamsHtml).join('\n')}<h3>Demand and parameters (the same for every configuration)</h3>${parametersHtml(params[0])}`;
  }
  return params.map((s) => `${teamsHtml(s)}${parametersHtml(s)}`).join('\n');
}
