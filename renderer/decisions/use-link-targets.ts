import { DECISION_TARGET_KINDS, type DecisionTargetKind } from '../../shared/domain/decisions';
import { describeTarget } from '../../shared/domain/service-levels';
import { api } from '../platform/workbook-api';
import { useLoad } from '../ui/use-load';

export type TargetOptions = Record<DecisionTargetKind, Array<{ id: string; label: string }>>;

/** What a decision of the unit can be linked to, by kind, named as the registers name them. */
export function useLinkTargets(unitId: string | null) {
  return useLoad(async (): Promise<TargetOptions | null> => {
    if (!unitId) return null;
    const [agreements, review, outcomes] = await Promise.all([
      api.listAgreements({ unitId }),
      api.getReviewRecords({ unitId }),
      api.listOutcomes({ unitId }),
    ]);
    const options: TargetOptions = Object.fromEntries(
      DECISION_TARGET_KINDS.map((k) => [k, []]),
    ) as unknown as TargetOptions;
    options.agreement = agreements.map((a) => ({ id: a.id, label: a.title }));
    options['service-level'] = review.serviceLevels.map((l) => ({
      id: l.serviceLevelId,
      label: `${l.agreementTitle} › ${l.service} › ${l.metric} ${describeTarget(l)}`,
    }));
    options.requirement = review.requirements.map((r) => ({ id: r.id, label: r.title }));
    options.project = review.projects.map((p) => ({ id: p.id, label: p.name }));
    options.outcome = outcomes.map((o) => ({ id: o.id, label: o.outcome }));
    return options;
  }, [unitId]);
}
