import { describe, expect, it } from 'vitest';
import { octoberReview } from '../fixtures/review-pack';
import {
  assembleReviewPack,
  sectionsUnder,
  unplacedSections,
  type PackSection,
} from '../../shared/domain/review-pack-assembly';

const section = <K extends PackSection['key']>(sections: PackSection[], key: K) =>
  sections.find((s): s is Extract<PackSection, { key: K }> => s.key === key);

describe('the assembled review pack', () => {
  const input = octoberReview();
  const pack = assembleReviewPack(input);
  const titleOf = (itemId: string | null) => input.meeting.agenda.find((i) => i.id === itemId)?.title ?? null;

  it('places each part under the periodic template item it belongs to', () => {
    expect(pack.sections.map((s) => [s.key, titleOf(s.agendaItemId)])).toEqual([
      ['service-performance', 'Service delivery performance against targets'],
      ['major-incidents', 'Significant achievements and issues in the period'],
      ['projects', 'Ongoing actions and plans'],
      ['requirements', 'New or changed service requirements'],
      ['feedback', 'Complaints and compliments'],
      ['satisfaction', 'Customer satisfaction'],
      ['technology-watch', 'Business strategies and drivers'],
    ]);
    expect(unplacedSections(pack)).toEqual([]);
    const first = input.meeting.agenda[0];
    expect(sectionsUnder(pack, first?.id ?? '').map((s) => s.key)).toEqual(['service-performance']);
  });

  it('judges the period’s service results only, and carries the BRM’s comment', () => {
    const performance = section(pack.sections, 'service-performance');
    expect(performance?.months).toEqual(['2026-10']);
    expect(performance?.rows.map((r) => [r.level.metric, r.byMonth['2026-10']?.verdict])).toEqual([
      ['Availability', 'missed'],
      ['P1 resolution time', 'met'],
    ]);
    expect([performance?.met, performance?.missed]).toEqual([1, 1]);
    expect(performance?.comment).toBe('Availability missed: storage outage.');
    expect(section(pack.sections, 'major-incidents')?.incidents.map((i) => i.title)).toEqual([
      'Storage outage',
    ]);
  });

  it('shows the RAG changes in the period, open projects, and what was open on the meeting day', () => {
    const projects = section(pack.sections, 'projects')?.projects ?? [];
    expect(
      projects.map((p) => [
        p.project.name,
        p.before?.rag ?? null,
        p.current?.rag,
        p.changes.map((c) => c.rag),
      ]),
    ).toEqual([
      ['Branch tablets', 'green', 'amber', ['amber']],
      ['Mobile app', null, 'green', []],
    ]);
    const requirements = section(pack.sections, 'requirements')?.requirements ?? [];
    expect(requirements.map((r) => [r.requirement.title, r.status.status])).toEqual([
      ['Self-service password reset', 'awaiting-decision'],
      ['Delivered after the meeting', 'raised'],
    ]);
  });

  it('brings the registers’ complaints, compliments and satisfaction, and the unit’s live watch notes', () => {
    const feedback = section(pack.sections, 'feedback');
    expect(
      feedback?.context.topic === 'feedback' && feedback.context.complaints.map((f) => f.description),
    ).toEqual(['Login down for hours']);
    const satisfaction = section(pack.sections, 'satisfaction');
    expect(satisfaction?.context.topic === 'satisfaction' && satisfaction.context.change).toBe(1);
    expect(section(pack.sections, 'technology-watch')?.notes.map((n) => n.notedOn)).toEqual(['2026-10-05']);
  });

  it('leaves parts the agenda has no item for to be shown after it', () => {
    const renamed = { ...input, meeting: { ...input.meeting, agenda: [] } };
    expect(unplacedSections(assembleReviewPack(renamed))).toHaveLength(7);
  });

  it('has no period, performance or incidents for an ad hoc meeting', () => {
    const adhoc = assembleReviewPack({ ...input, meeting: { ...input.meeting, kind: 'adhoc' } });
    expect(adhoc.period).toBeNull();
    expect(adhoc.sections.map((s) => s.key)).toEqual(['projects', 'requirements', 'feedback']);
  });
});
