import { describe, expect, it } from 'vitest';
import { readAid, type AidLine, type AidSource } from '#src/modules/recommendations/domain/aid-leads.ts';
import { contentIssues, emptyContent, withAidLeads } from '#src/modules/recommendations/domain/sheet.ts';

const line = (overrides: Partial<AidLine> = {}): AidLine => ({
  aid: 'mpa',
  title: 'MaPrimeAdapt’',
  funder: 'Anah',
  status: 'eligible',
  amountCents: 700_000,
  shareCents: 630_000,
  certain: true,
  monthly: false,
  ...overrides,
});

const plan: AidSource = {
  projectId: 'project-1',
  projectTitle: 'Salle de bain',
  basisOn: '2026-11-18',
  inPlan: true,
  lines: [],
};
const simulation: AidSource = { ...plan, projectId: null, projectTitle: null, inPlan: false };

describe('readAid', () => {
  it('takes a certain aid of a plan as eligible, for its share of the cost', () => {
    expect(readAid(plan, line())).toEqual({
      aid: 'mpa',
      projectId: 'project-1',
      projectTitle: 'Salle de bain',
      basisOn: '2026-11-18',
      title: 'MaPrimeAdapt’',
      funder: 'Anah',
      status: 'eligible',
      amountCents: 630_000,
      monthly: false,
    });
  });

  it('never reads an aid the funding module is not sure of as eligible', () => {
    // Eligible by its conditions, but computed on a parameter not known: to check.
    expect(readAid(plan, line({ certain: false }))).toMatchObject({ status: 'to_check', amountCents: 630_000 });
    expect(
      readAid(simulation, line({ status: 'to_check', certain: false, amountCents: null, shareCents: 0 })),
    ).toMatchObject({
      status: 'to_check',
      amountCents: null,
    });
    expect(readAid(plan, line({ status: 'not_eligible', certain: false }))).toMatchObject({
      status: 'not_eligible',
      amountCents: null,
    });
  });

  it('gives the rules’ amount without a quote, and a monthly aid’s amount per month', () => {
    expect(readAid(simulation, line({ shareCents: 0 })).amountCents).toBe(700_000);
    expect(readAid(plan, line({ aid: 'apa', monthly: true, amountCents: 45_000, shareCents: 0 }))).toMatchObject({
      amountCents: 45_000,
      monthly: true,
    });
  });
});

describe('aid leads in the content', () => {
  it('refuses the same aid twice from the same source, not from two sources', () => {
    const lead = { aid: 'mpa', projectId: null };
    expect(contentIssues({ ...emptyContent(), aidLeads: [lead, { ...lead, projectId: 'p' }] }, false)).toEqual([]);
    expect(contentIssues({ ...emptyContent(), aidLeads: [lead, lead] }, false)).toEqual([
      { path: 'aidLeads.1.aid', problem: 'duplicateLead' },
    ]);
  });

  it('reads a sheet stored before aid leads existed with none, its free text kept', () => {
    const { aidLeads: _, ...old } = { ...emptyContent(), fundingLeads: 'Caisse de retraite' };
    expect(withAidLeads(old)).toEqual({ ...emptyContent(), fundingLeads: 'Caisse de retraite' });
  });
});
