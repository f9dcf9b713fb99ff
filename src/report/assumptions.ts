/**
 * Each scenario's parameters in readable form, for the report's assumptions section. It reads
 * the resolved parameters, so a default the scenario leaves out is stated like any other value.
 */
import { resolveParameters, type ModelParameters, type ScenarioSpec } from '../scenario/index.js';
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

/** The teams of one scenario (all text escaped). */
export function teamsHtml(spec: ModelParameters): string {
  const e = escapeHtml;
  const people = Object.values(spec.teams).reduce(
    (s, t) => s + Object.values(t.headcount).reduce((a, b) => a + b, 0),
    0,
  );
  const teams = Object.entries(spec.teams)
    .map(
      ([id, t]) =>
        `<tr><td>${e(t.name ?? humanise(id))}</td><td>${e(humanise(t.home))}</td><td>${Object.entries(t.headcount)
          .filter(([, n]) => n > 0)
          .map(([r, n]) => e(plural(n, humanise(r))))
          .join(', ')}</td><td>${Object.entries(t.effort_multiplier)
          .map(([k, v]) => `${e(k)} x${v}`)
          .join(', ')}</td></tr>`,
    )
    .join('');
  return `<h3>${e(spec.name)}</h3>
${spec.description ? `<p>${e(spec.description)}</p>` : ''}
<p>${plural(people, 'person').replace('persons', 'people')} in ${plural(Object.keys(spec.teams).length, 'team')}.</p>
<table><thead><tr><th>Team</th><th>Home</th><th>People</th><th>Effort multipliers</th></tr></thead><tbody>${teams}</tbody></table>`;
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
    h?.clarification
      ? `Clarification after a handover: ${Math.round(h.clarification.probability.same_team * 100)}% / ${Math.round(h.clarification.probability.same_home * 100)}% / ${Math.round(h.clarification.probability.cross_home * 100)}% (same team / same home / domain to centre).`
      : '',
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
  return `<table><thead><tr><th>Domain</th><th>Use cases per month</th><th>Subject-matter experts</th></tr></thead><tbody>${demand}</tbody></table>
<ul>${facts.map((f) => `<li>${f}</li>`).join('')}</ul>`;
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
